import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import type { AdoptionFigures, AdoptionResult } from './adoption.server'
import { dayStartSql, groupKeySql, type FunnelFigures, type FunnelResult } from './funnel.server'
import type { FunnelGroup } from './metrics.schema'

// Rep-data privacy: a figure about fewer than MIN_REPS reps is suppressed (its numbers blanked, shown as
// "fewer than 5") for everyone who may not see reps one by one: on the company-wide pages, anyone but an
// admin (a manager sees their own team's reps on /team instead); on the API, a key without the
// metrics:reps scope. Applied here, on the models' answers, so that pages, exports and the API all pass
// through the same rule.

export const MIN_REPS = 5

/** 'full': every figure; 'suppressed': groups (and totals) about fewer than MIN_REPS reps blanked. */
export type Privacy = 'full' | 'suppressed'

export function privacyFor(user: AuthUser): Privacy {
  return user.role === 'admin' ? 'full' : 'suppressed'
}

type Blanked<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] }
export type Guarded<T> = Blanked<T> & { suppressed: boolean }

/** The figures as they are, or with every number blanked when they are about fewer than MIN_REPS reps. */
export function guard<T extends object>(figures: T, reps: number, privacy: Privacy): Guarded<T> {
  // About no rep at all, a figure tells nothing about anyone.
  if (privacy === 'full' || reps >= MIN_REPS || reps === 0)
    return { ...figures, suppressed: false } as Guarded<T>
  const blank: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(figures))
    blank[name] =
      typeof value === 'number'
        ? null
        : value && typeof value === 'object' && !Array.isArray(value)
          ? {}
          : value
  return { ...blank, suppressed: true } as Guarded<T>
}

/** Distinct reps behind each funnel group (and the total) of the cohort [from, to). */
async function funnelReps(
  db: Executor,
  range: { from: string; to: string; group_by?: FunnelGroup | null },
  timezone: string,
) {
  const group = range.group_by ?? null
  const rows = await sql<{ total: boolean; key: string; reps: number }>`
    select false as total, ${groupKeySql(group, timezone)} as key, count(distinct s.seller_id)::int as reps
    from recommendation_states s left join sellers r on r.seller_id = s.seller_id
    where s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)}
    group by 2
    union all
    select true, '', count(distinct s.seller_id)::int from recommendation_states s
    where s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)}`.execute(db)
  return {
    total: rows.rows.find((row) => row.total)?.reps ?? 0,
    groups: new Map(rows.rows.filter((row) => !row.total).map((row) => [row.key, row.reps])),
  }
}

export type GuardedFunnel = Omit<FunnelResult, 'total' | 'groups'> & {
  total: Guarded<FunnelFigures>
  groups: ({ key: string } & Guarded<FunnelFigures>)[]
}

/** A funnel answer with its small groups suppressed (call after recommendationFunnel, which catches up). */
export async function guardFunnel(
  db: Executor,
  funnel: FunnelResult,
  privacy: Privacy,
): Promise<GuardedFunnel> {
  if (privacy === 'full')
    return {
      ...funnel,
      total: { ...funnel.total, suppressed: false },
      groups: funnel.groups.map((group) => ({ ...group, suppressed: false })),
    }
  const reps = await funnelReps(db, funnel, funnel.timezone)
  return {
    ...funnel,
    total: guard(funnel.total, reps.total, privacy),
    groups: funnel.groups.map((group) => ({
      ...guard(group, reps.groups.get(group.key) ?? 0, privacy),
      key: group.key,
    })),
  }
}

/** Adoption figures are about their eligible reps. */
export function guardAdoptionRow<T extends AdoptionFigures>(row: T, privacy: Privacy) {
  return guard(row, row.eligible, privacy)
}

export function guardAdoption(adoption: AdoptionResult, privacy: Privacy) {
  return {
    ...adoption,
    total: guardAdoptionRow(adoption.total, privacy),
    groups: adoption.groups.map((group) => ({ ...guardAdoptionRow(group, privacy), key: group.key })),
  }
}

/** Cohorts of fewer than MIN_REPS reps: their size and retention blanked. */
export function guardCohorts<C extends { week: string; size: number; retention: (number | null)[] }>(
  cohorts: { offsets: number[]; cohorts: C[] },
  privacy: Privacy,
) {
  return {
    offsets: cohorts.offsets,
    cohorts: cohorts.cohorts.map((cohort) =>
      privacy === 'full' || cohort.size >= MIN_REPS || cohort.size === 0
        ? { ...cohort, size: cohort.size as number | null, suppressed: false }
        : { ...cohort, size: null, retention: cohort.retention.map(() => null), suppressed: true },
    ),
  }
}
