import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { wilsonInterval, twoProportionTest } from '~/utils/stats'
import { addDays, weekday } from '~/utils/calendar'
import { containsPattern } from '~/utils/list-query'
import { activeDaysSql, eligibleRepsSql } from './adoption.server'
import { REASON_CODES } from './event.schema'
import { dayStartSql, emptyCounts, funnelCounts, withRates, type FunnelCounts } from './funnel.server'
import { rate } from './metrics.schema'
import { readyToRead } from './projection.server'
import { clusteredDifference, mantelHaenszel, type Cell } from './stratified'

// What the evidence pages show beyond the funnel API: rejection reasons, explanations and model
// versions compared with confidence intervals, and rep cohorts. Every figure comes from the same
// state rows and raw events as the API, in the reporting zone.

type Range = { from: string; to: string }

/** The Mondays of the weeks that overlap [from, to) (`to` is exclusive), as date_trunc('week') names them. */
export function weeksOf(range: Range) {
  const monday = (iso: string) => addDays(iso, -((weekday(iso) + 6) % 7))
  const weeks: string[] = []
  if (range.to <= range.from) return weeks
  for (let week = monday(range.from); week < range.to; week = addDays(week, 7)) weeks.push(week)
  return weeks
}

/** Rejections decided in the cohort (the latest decision is "rejected"), by reason and by week. */
export async function rejectionReasons(db: Executor, range: Range, timezone: string) {
  await readyToRead(db, timezone, {})
  const rows = await sql<{ week: string; reason: string; count: number }>`
    select to_char(date_trunc('week', s.generated_at at time zone ${timezone}), 'YYYY-MM-DD') as week,
      coalesce(e.reason_code, 'other') as reason, count(*)::int as count
    from recommendation_states s
    join recommendation_events e on e.event_id = s.decision_event_id
    where s.decision = 'rejected' and s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)}
    group by 1, 2 order by 1, 2`.execute(db)
  // Every week of the range, those without a rejection too (a trend that skips them reads as steady).
  const weeks = weeksOf(range)
  const byReason = Object.fromEntries(REASON_CODES.map((reason) => [reason, 0])) as Record<string, number>
  const trend = Object.fromEntries(REASON_CODES.map((reason) => [reason, weeks.map(() => 0)])) as Record<
    string,
    number[]
  >
  for (const row of rows.rows) {
    byReason[row.reason] = (byReason[row.reason] ?? 0) + row.count
    trend[row.reason]![weeks.indexOf(row.week)] = row.count
  }
  const total = Object.values(byReason).reduce((sum, n) => sum + n, 0)
  return { total, byReason, weeks, trend }
}

/** The labelled data for retraining: each rejected recommendation of the cohort with its reason. */
export async function rejectedRecommendations(db: Executor, range: Range, timezone: string) {
  await readyToRead(db, timezone, {})
  const rows = await sql<{
    recommendation_id: string
    seller_id: string
    recommendation_type: string | null
    model_version: string | null
    has_explanation: boolean
    account_id: string | null
    generated_at: Date
    rejected_at: Date
    reason_code: string | null
    reason_text: string | null
  }>`
    select s.recommendation_id, s.seller_id, s.recommendation_type, s.model_version, s.has_explanation,
      coalesce(g.account_id, e.account_id) as account_id, s.generated_at, e.occurred_at as rejected_at,
      e.reason_code, e.reason_text
    from recommendation_states s join recommendation_events e on e.event_id = s.decision_event_id
    -- The account is the recommendation's (its generated event); a rejection event may leave it out.
    left join recommendation_events g on g.event_id = s.generated_event_id
    where s.decision = 'rejected' and s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)}
    order by s.generated_at, s.recommendation_id`.execute(db)
  return rows.rows
}

export const REJECTION_SORTS = ['rejected', 'generated', 'type', 'reason', 'model'] as const
export type RejectionSort = (typeof REJECTION_SORTS)[number]

/**
 * One page of the range's rejected recommendations for the page's table, filtered, sorted and paged in
 * SQL (a quarter holds thousands). `q` searches the reason's text, the type, the model and the account
 * (and the rep, when `withReps`); `size` null answers every match. Reps are named only `withReps`.
 */
export async function listRejections(
  db: Executor,
  range: Range,
  timezone: string,
  options: {
    q?: string
    reason?: string
    sort?: RejectionSort
    dir?: 'asc' | 'desc'
    page?: number
    size: number | null
    withReps: boolean
  },
) {
  await readyToRead(db, timezone, {})
  const pattern = options.q ? containsPattern(options.q) : null
  const where = sql`s.decision = 'rejected' and s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)}
      ${options.reason ? sql`and e.reason_code = ${options.reason}` : sql``}
      ${
        pattern
          ? sql`and (e.reason_text ilike ${pattern} or s.recommendation_type ilike ${pattern}
              or s.model_version ilike ${pattern} or coalesce(g.account_id, e.account_id) ilike ${pattern}
              ${options.withReps ? sql`or s.seller_id ilike ${pattern}` : sql``})`
          : sql``
      }`
  const column = {
    rejected: sql`e.occurred_at`,
    generated: sql`s.generated_at`,
    type: sql`s.recommendation_type`,
    reason: sql`e.reason_code`,
    model: sql`s.model_version`,
  }[options.sort ?? 'rejected']
  const dir = sql.raw(options.dir === 'asc' ? 'asc' : 'desc')
  const size = options.size
  const from = sql`from recommendation_states s join recommendation_events e on e.event_id = s.decision_event_id
    left join recommendation_events g on g.event_id = s.generated_event_id`
  const counted = await sql<{ n: number | string }>`select count(*) as n ${from} where ${where}`.execute(db)
  const total = Number(counted.rows[0]?.n ?? 0)
  const pages = size === null ? 1 : Math.max(1, Math.ceil(total / size))
  const page = size === null ? 1 : Math.min(Math.max(1, options.page ?? 1), pages)
  const rows = await sql<{
    recommendation_id: string
    seller_id: string | null
    recommendation_type: string | null
    model_version: string | null
    has_explanation: boolean
    account_id: string | null
    generated_at: Date
    rejected_at: Date
    reason_code: string | null
    reason_text: string | null
  }>`
    select s.recommendation_id, ${options.withReps ? sql`s.seller_id` : sql`null::text`} as seller_id,
      s.recommendation_type, s.model_version, s.has_explanation,
      coalesce(g.account_id, e.account_id) as account_id, s.generated_at, e.occurred_at as rejected_at,
      e.reason_code, e.reason_text
    ${from}
    where ${where}
    order by ${column} ${dir} nulls last, s.recommendation_id
    ${size === null ? sql`` : sql`limit ${size} offset ${(page - 1) * size}`}`.execute(db)
  return { rows: rows.rows, total, page, pages }
}

export type Proportion = {
  successes: number
  n: number
  rate: number | null
  low: number | null
  high: number | null
}

export function proportion(successes: number, n: number): Proportion {
  const interval = wilsonInterval(successes, n)
  return { successes, n, rate: rate(successes, n), low: interval?.low ?? null, high: interval?.high ?? null }
}

export type Comparison = {
  acceptance: { a: Proportion; b: Proportion; test: { z: number; p: number } | null }
  conversion: { a: Proportion; b: Proportion; test: { z: number; p: number } | null }
}

/** Acceptance (accepted ÷ decided) and conversion (opportunities ÷ shown) of group a against group b. */
export function compare(a: FunnelCounts, b: FunnelCounts): Comparison {
  const decidedA = a.accepted + a.rejected
  const decidedB = b.accepted + b.rejected
  return {
    acceptance: {
      a: proportion(a.accepted, decidedA),
      b: proportion(b.accepted, decidedB),
      test: twoProportionTest(a.accepted, decidedA, b.accepted, decidedB),
    },
    conversion: {
      a: proportion(a.opportunities, a.shown),
      b: proportion(b.opportunities, b.shown),
      test: twoProportionTest(a.opportunities, a.shown, b.opportunities, b.shown),
    },
  }
}

export type Adjusted = {
  oddsRatio: ReturnType<typeof mantelHaenszel>
  difference: ReturnType<typeof clusteredDifference>
}

/**
 * Acceptance (accepted among decided) and conversion (an opportunity among shown) of group a against b
 * within strata: the Mantel–Haenszel odds ratio and the within-stratum difference with a rep-clustered
 * standard error (docs/metrics.md, "Adjusted comparisons"). Rows whose group is null are left out.
 */
async function adjustedComparison(
  db: Executor,
  range: Range,
  timezone: string,
  stratum: RawBuilder<string>,
  group: RawBuilder<'a' | 'b' | null>,
): Promise<{ acceptance: Adjusted; conversion: Adjusted }> {
  const rows = await sql<{
    stratum: string
    rep: string
    grp: 'a' | 'b'
    decided: number
    accepted: number
    shown: number
    opportunities: number
  }>`
    select ${stratum} as stratum, s.seller_id as rep, ${group} as grp,
      count(*) filter (where s.decision is not null)::int as decided,
      count(*) filter (where s.decision = 'accepted')::int as accepted,
      count(*) filter (where s.shown)::int as shown,
      count(*) filter (where s.shown and s.opportunity)::int as opportunities
    from recommendation_states s left join sellers r on r.seller_id = s.seller_id
    where s.generated_at >= ${dayStartSql(range.from, timezone)} and s.generated_at < ${dayStartSql(range.to, timezone)}
      and ${group} is not null
    group by 1, 2, 3`.execute(db)
  const cells = (n: 'decided' | 'shown', successes: 'accepted' | 'opportunities'): Cell[] =>
    rows.rows
      .filter((row) => row[n] > 0)
      .map((row) => ({
        stratum: row.stratum,
        rep: row.rep,
        group: row.grp,
        n: row[n],
        successes: row[successes],
      }))
  const adjusted = (list: Cell[]) => ({
    oddsRatio: mantelHaenszel(list),
    difference: clusteredDifference(list),
  })
  return {
    acceptance: adjusted(cells('decided', 'accepted')),
    conversion: adjusted(cells('shown', 'opportunities')),
  }
}

/**
 * With an explanation (a) against without (b): adjusted within tech affinity × segment (explanations
 * go mostly to enthusiasts), and the naive comparison of all recommendations beside it.
 */
export async function explanationEvidence(db: Executor, range: Range, timezone: string) {
  const groups = await funnelCounts(db, { ...range, group_by: 'explanation' }, timezone)
  const naive = compare(groups.get('with') ?? emptyCounts(), groups.get('without') ?? emptyCounts())
  const adjusted = await adjustedComparison(
    db,
    range,
    timezone,
    sql<string>`coalesce(r.tech_affinity::text, 'unknown') || ' · ' || coalesce(r.segment, 'unknown')`,
    sql<'a' | 'b'>`case when s.has_explanation then 'a' else 'b' end`,
  )
  return { ...naive, adjusted }
}

/**
 * Model versions in the order they first generated a recommendation; each compared with the version
 * before it (a = the version, b = its predecessor), over the cohort of the range.
 */
export async function modelVersionEvidence(db: Executor, range: Range, timezone: string) {
  // First: it catches up with the queue, so the versions below see every committed event too.
  const groups = await funnelCounts(db, { ...range, group_by: 'model_version' }, timezone)
  const versions = await sql<{ model_version: string; first_at: Date }>`
    select model_version, min(generated_at) as first_at
    from recommendation_states
    where generated_at >= ${dayStartSql(range.from, timezone)} and generated_at < ${dayStartSql(range.to, timezone)}
      and model_version is not null
    group by 1 order by 2, 1`.execute(db)
  // A recommendation without a version is no version: it is left out, and the version before v3 is the
  // real one before it. Versions are compared within the weeks both ran (a week is the stratum).
  const week = sql<string>`to_char(date_trunc('week', s.generated_at at time zone ${timezone}), 'YYYY-MM-DD')`
  return Promise.all(
    versions.rows.map(async (version, index) => {
      const counts = groups.get(version.model_version) ?? emptyCounts()
      const previous = index > 0 ? versions.rows[index - 1]!.model_version : null
      return {
        version: version.model_version,
        firstAt: version.first_at,
        figures: withRates(counts),
        previous,
        comparison: previous ? compare(counts, groups.get(previous) ?? emptyCounts()) : null,
        adjusted: previous
          ? await adjustedComparison(
              db,
              range,
              timezone,
              week,
              sql<
                'a' | 'b' | null
              >`case s.model_version when ${version.model_version} then 'a' when ${previous} then 'b' end`,
            )
          : null,
      }
    }),
  )
}

/**
 * Weekly cohort retention: eligible reps by the week (Monday, reporting zone) of their first activity in
 * the range; for each cohort, the share of its reps active in each following week.
 */
export async function cohortRetention(db: Executor, range: Range, timezone: string) {
  await readyToRead(db, timezone, { activity: true })
  const rows = await sql<{ cohort: string; offset: number; reps: number }>`
    with active_days as (${activeDaysSql(range)}),
    rep_weeks as (
      select distinct a.seller_id, date_trunc('week', a.day)::date as week
      from active_days a join (${eligibleRepsSql}) r on r.seller_id = a.seller_id
    ), firsts as (select seller_id, min(week) as cohort from rep_weeks group by seller_id)
    select to_char(f.cohort, 'YYYY-MM-DD') as cohort, ((w.week - f.cohort) / 7)::int as offset,
      count(*)::int as reps
    from firsts f join rep_weeks w on w.seller_id = f.seller_id
    group by 1, 2 order by 1, 2`.execute(db)
  const cohorts = new Map<string, { size: number; retained: number[] }>()
  for (const row of rows.rows) {
    const cohort = cohorts.get(row.cohort) ?? { size: 0, retained: [] }
    if (row.offset === 0) cohort.size = row.reps
    cohort.retained[row.offset] = row.reps
    cohorts.set(row.cohort, cohort)
  }
  const maxOffset = Math.max(0, ...rows.rows.map((row) => row.offset))
  return {
    offsets: Array.from({ length: maxOffset + 1 }, (_, i) => i),
    cohorts: [...cohorts].map(([week, cohort]) => ({
      week,
      size: cohort.size,
      retention: Array.from({ length: maxOffset + 1 }, (_, i) =>
        // Weeks after the range's end have not happened yet for this cohort: null, not 0.
        week.localeCompare(addDays(range.to, -7 * i)) >= 0
          ? null
          : rate(cohort.retained[i] ?? 0, cohort.size),
      ),
    })),
  }
}
