import type { Role } from '~/utils/db.types'

// The role × route matrix. Every route file in app/routes has one row; tests/integration/access.test.ts
// fails when a route has none, then checks every cell against the real loader and action.

/**
 * Who asks: anonymous, each role, and members of the wrong initiative (membership narrows rights).
 * `manager` (a frontline manager: no initiative, their team's reps only) was reviewed row by row: it
 * sees what any signed-in user sees and the /team pages; every initiative page answers 404 to it.
 */
export type Who = 'anon' | Role | 'lead_other' | 'eet_other'
export const EVERYONE: readonly Who[] = [
  'anon',
  'admin',
  'lead',
  'lead_other',
  'sponsor',
  'eet_member',
  'eet_other',
  'viewer',
  'manager',
]

/**
 * allow: the handler ran for this user (any status but 401/403/404 and no redirect to /login);
 * deny: 403 or 404; login: redirect to /login; notfound: 404 for this user (the splat route).
 */
export type Expectation = 'allow' | 'deny' | 'login' | 'notfound'
export type Cells = Record<Who, Expectation>

export type Fixture = {
  users: Record<Exclude<Who, 'anon'>, { id: string; email: string }>
  programId: string
  /** Led by `lead`, sponsored by `sponsor`, piloted by `eet_member`. */
  initiativeId: string
  /** Led by `lead_other`, piloted by `eet_other`. */
  otherInitiativeId: string
  /** Records created by the rows files' own setup functions, by name. */
  extra: Record<string, string>
}

export type RouteRow = {
  /** The URL to request, with its params filled from the fixture. */
  path: (fx: Fixture) => string
  params?: (fx: Fixture) => Record<string, string>
  loader?: Cells
  action?: Cells
  /** Form fields for the action check; choose values that are authorised but change nothing lasting. */
  form?: (fx: Fixture) => Record<string, string>
  /** Routes authorised by API key instead of a session: checked for 401 without a key, 403 without the scope. */
  apiScope?: string
  apiMethod?: 'GET' | 'POST'
}

export type RowsModule = {
  rows: Record<string, RouteRow>
  /** Creates what this area's rows need (ids go in fx.extra). Runs once, after the shared fixture. */
  setup?: (fx: Fixture) => Promise<void>
}

/** Shorthands for common shapes of rights. */
export function cells(allowed: readonly Who[], otherwise: Expectation = 'deny'): Cells {
  const result = {} as Cells
  for (const who of EVERYONE)
    result[who] = who === 'anon' ? 'login' : allowed.includes(who) ? 'allow' : otherwise
  return result
}
export const SIGNED_IN = cells(EVERYONE.filter((who) => who !== 'anon'))
export const NOT_FOUND: Cells = Object.fromEntries(EVERYONE.map((who) => [who, 'notfound'])) as Cells
export const PUBLIC: Cells = Object.fromEntries(EVERYONE.map((who) => [who, 'allow'])) as Cells
