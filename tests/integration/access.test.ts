import path from 'node:path'
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import remixConfig from '../../remix.config.js'
import { AREAS } from '#tests/access'
import { EVERYONE, type Expectation, type Fixture, type RouteRow, type Who } from '#tests/access/types'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// Enumerates every route the app is built from (Remix's own flat-routes reader, with the ignore
// patterns of remix.config.js) and checks each against the role × route matrix in tests/access.

const routeIds = Object.keys(flatRoutes(path.resolve('app'), remixConfig.ignoredRouteFiles)).sort()
const rows: Record<string, RouteRow> = Object.assign({}, ...AREAS.map((area) => area.rows))
const modules = import.meta.glob<Record<string, unknown>>('../../app/routes/**/*.{ts,tsx}')

function moduleFor(routeId: string) {
  const key = Object.keys(modules).find(
    (file) => file.replace('../../app/', '').replace(/\.(ts|tsx)$/, '') === routeId,
  )
  if (!key) throw new Error(`No module for ${routeId}`)
  return modules[key]!()
}

const fx = {} as Fixture
const cookies = {} as Record<Who, string | undefined>

beforeAll(async () => {
  const users = {} as Fixture['users']
  for (const who of EVERYONE) {
    if (who === 'anon') continue
    const role = who === 'lead_other' ? 'lead' : who === 'eet_other' ? 'eet_member' : who
    users[who] = await createUser({ role })
  }
  const program = await createProgram()
  const initiative = await createInitiative({
    programId: program.id,
    leadId: users.lead.id,
    sponsorId: users.sponsor.id,
  })
  const other = await createInitiative({ programId: program.id, leadId: users.lead_other.id })
  await addMember(initiative.id, users.eet_member.id, 'eet')
  await addMember(other.id, users.eet_other.id, 'eet')
  Object.assign(fx, {
    users,
    programId: program.id,
    initiativeId: initiative.id,
    otherInitiativeId: other.id,
    extra: {},
  })
  for (const area of AREAS) await area.setup?.(fx)
})

// Fresh sessions for every test: a sign-out or password change in one cell must not leak into the next.
beforeEach(async () => {
  for (const who of EVERYONE)
    cookies[who] = who === 'anon' ? undefined : await sessionCookieFor(fx.users[who].id)
})

test('every route has a row in the role × route matrix, and every row a route', () => {
  expect(
    routeIds.filter((id) => !rows[id]),
    'routes without a row',
  ).toEqual([])
  expect(
    Object.keys(rows).filter((id) => !routeIds.includes(id)),
    'rows without a route',
  ).toEqual([])
})

function verdict(result: unknown): Expectation | `status ${number}` {
  const status = statusOf(result)
  if (result instanceof Response && status >= 300 && status < 400) {
    return (result.headers.get('Location') ?? '').startsWith('/login') ? 'login' : 'allow'
  }
  if (status === 404) return 'notfound'
  if (status === 401 || status === 403) return 'deny'
  return 'allow'
}

function matches(expected: Expectation, actual: string) {
  if (expected === 'deny') return actual === 'deny' || actual === 'notfound'
  return expected === actual
}

describe.each(routeIds.filter((id) => rows[id]))('%s', (routeId) => {
  const row = rows[routeId]!

  if (row.apiScope) {
    test('refuses requests without a valid API key (401) or without its scope (403)', async () => {
      const mod = await moduleFor(routeId)
      const handler = (row.apiMethod === 'GET' ? mod.loader : mod.action) as Parameters<typeof run>[0]
      const method = row.apiMethod ?? 'POST'
      const noKey = await run(
        handler,
        buildRequest(row.path(fx), { method, body: method === 'POST' ? '[]' : undefined }),
        row.params?.(fx),
      )
      expect(statusOf(noKey)).toBe(401)
      const { secret } = await createApiKey(
        (await import('~/utils/db.server')).db,
        { id: fx.users.admin.id, label: fx.users.admin.email },
        { name: `no-scope-${routeId}`, scopes: [] },
      )
      const wrongScope = await run(
        handler,
        buildRequest(row.path(fx), {
          method,
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          body: method === 'POST' ? '[]' : undefined,
        }),
        row.params?.(fx),
      )
      expect(statusOf(wrongScope)).toBe(403)
    })
    return
  }

  for (const kind of ['loader', 'action'] as const) {
    const expectations = row[kind]
    test(`${kind}: ${expectations ? 'cells as in the matrix' : 'not exported'}`, async () => {
      const mod = await moduleFor(routeId)
      const handler = mod[kind] as Parameters<typeof run>[0] | undefined
      if (!expectations) {
        expect(handler, `${routeId} exports a ${kind} but its row has no ${kind} cells`).toBeUndefined()
        return
      }
      expect(handler, `${routeId} has ${kind} cells but no ${kind}`).toBeDefined()
      const mismatches: string[] = []
      for (const who of EVERYONE) {
        const request = buildRequest(row.path(fx), {
          method: kind === 'loader' ? 'GET' : 'POST',
          form: kind === 'action' ? (row.form?.(fx) ?? {}) : undefined,
          cookie: cookies[who],
        })
        const actual = verdict(await run(handler!, request, row.params?.(fx)))
        if (!matches(expectations[who], actual))
          mismatches.push(`${who}: expected ${expectations[who]}, got ${actual}`)
      }
      expect(mismatches).toEqual([])
    })
  }

  if (row.action) {
    test('action: refuses a cross-site POST (403) even from a user it would allow', async () => {
      const mod = await moduleFor(routeId)
      const who = EVERYONE.find((w) => row.action![w] === 'allow' && w !== 'anon') ?? 'anon'
      const request = buildRequest(row.path(fx), {
        form: row.form?.(fx) ?? {},
        cookie: cookies[who],
        crossSite: true,
      })
      const result = await run(mod.action as Parameters<typeof run>[0], request, row.params?.(fx))
      if (row.action!['anon'] === 'notfound') return
      expect(statusOf(result)).toBe(403)
    })
  }
})
