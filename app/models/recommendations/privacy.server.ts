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

/** Whether a figure about `reps` reps is blanked for this viewer. */
export function isSuppressed(reps: number, privacy: Privacy) {
  return privacy !== 'full' && reps > 0 && reps < MIN_REPS
}

/** The value, or null when it is about fewer than MIN_REPS reps and this viewer may not see it. */
export function unlessFew<T>(value: T, reps: number, privacy: Privacy): T | null {
  return isSuppressed(reps, privacy) ? null : value
}

/** Distinct reps among rows that name their rep. */
export function cohortRepsOf(rows: readonly { seller_id: string }[]) {
  return new Set(rows.map((row) => row.seller_id)).size
}

/** Distinct reps behind the funnel of the cohort [from, to) (the whole cohort, as guardFunnel's total). */
export async function cohortReps(db: Executor, range: { from: string; to: string }, timezone: string) {
  return (await funnelReps(db, range, timezone)).total
}

type Rejections = {
  total: number
  byReason: Record<string, number>
  weeks: string[]
  trend: Record<string, number[]>
}

/**
 * Rejection reasons with each count blanked when the reps who gave it are fewer than MIN_REPS: the
 * total, each reason, and each reason's week (the same rejections as rejectionReasons).
 */
export async function guardRejections(
  db: Executor,
  reasons: Rejections,
  range: { from: string; to: string },
  timezone: string,
  privacy: Privacy,
) {
  const full = {
    ...reasons,
    total: reasons.total as number | null,
    byReason: reasons.byReason as Record<string, number | null>,
    trend: reasons.trend as Record<string, (number | null)[]>,
    suppressed: false,
  }
  if (privacy === 'full') return full
  const rows = await sql<{ week: string | null; reason: string | null; reps: number }>`
    select week, reason, count(distinct seller_id)::int as reps from (
      select to_char(date_trunc('week', s.generated_at at time zone ${timezone}), 'YYYY-MM-DD') as week,
        coalesce(e.reason_code, 'other') as reason, s.seller_id
      from recommendation_states s join recommendation_events e on e.event_id = s.decision_event_id
      where s.decision = 'rejected' and s.generated_at >= ${dayStartSql(range.from, timezone)}
        and s.generated_at < ${dayStartSql(range.to, timezone)}
    ) rejected
    group by grouping sets ((week, reason), (reason), ())`.execute(db)
  const repsOf = (week: string | null, reason: string | null) =>
    rows.rows.find((row) => row.week === week && row.reason === reason)?.reps ?? 0
  const total = repsOf(null, null)
  return {
    ...full,
    total: unlessFew(reasons.total, total, privacy),
    byReason: Object.fromEntries(
      Object.entries(reasons.byReason).map(([reason, n]) => [
        reason,
        unlessFew(n, repsOf(null, reason), privacy),
      ]),
    ),
    trend: Object.fromEntries(
      Object.entries(reasons.trend).map(([reason, counts]) => [
        reason,
        counts.map((n, i) => unlessFew(n, repsOf(reasons.weeks[i]!, reason), privacy)),
      ]),
    ),
    suppressed: isSuppressed(total, privacy),
  }
}

/**
 * Explanation evidence (with against without): blanked as a whole when either side is about fewer than
 * MIN_REPS reps (a comparison tells about both of its sides).
 */
export async function guardExplanationEvidence<E extends object>(
  db: Executor,
  evidence: E,
  range: { from: string; to: string },
  timezone: string,
  privacy: Privacy,
): Promise<(E & { suppressed: false }) | { suppressed: true }> {
  if (privacy === 'full') return { ...evidence, suppressed: false }
  const reps = await funnelReps(db, { ...range, group_by: 'explanation' }, timezone)
  const few = ['with', 'without'].some((key) => isSuppressed(reps.groups.get(key) ?? 0, privacy))
  return few ? { suppressed: true } : { ...evidence, suppressed: false }
}

/** Model versions: a version whose reps, or its predecessor's, are fewer than MIN_REPS shows no figure. */
export async function guardModelVersions<
  V extends {
    version: string
    previous: string | null
    figures: object
    comparison: unknown
    adjusted: unknown
  },
>(db: Executor, versions: V[], range: { from: string; to: string }, timezone: string, privacy: Privacy) {
  const reps =
    privacy === 'full' ? null : await funnelReps(db, { ...range, group_by: 'model_version' }, timezone)
  const few = (version: string | null) =>
    reps !== null && version !== null && isSuppressed(reps.groups.get(version) ?? 0, privacy)
  return versions.map((version) =>
    few(version.version) || few(version.previous)
      ? {
          ...version,
          figures: guard(version.figures, 1, 'suppressed'),
          comparison: null,
          adjusted: null,
          suppressed: true,
        }
      : { ...version, figures: { ...version.figures, suppressed: false }, suppressed: false },
  )
}
