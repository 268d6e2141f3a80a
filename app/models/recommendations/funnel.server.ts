import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { FUNNEL_STAGE_CONDITIONS, FUNNEL_STAGES, type FunnelStage } from './funnel-stages'
import { rate, type FunnelGroup } from './metrics.schema'
import { reportingProgram } from '../foundation/reporting-program.server'
import { readyToRead } from './projection.server'
import { rollupCounts, ROLLUP_DIMENSIONS, type RollupDimension } from './rollup.server'
import { pilotOnDaySql } from '../eet/pilot.server'

// The conversion funnel (defined in docs/api.md). The cohort is the recommendations whose earliest
// `generated` event falls in [from, to) of the reporting zone; each is one row of
// recommendation_states, which the projection keeps merged with all of its events whenever they arrive
// (each read first catches up with every committed event).
// Roster dimensions are joined from `sellers` at query time (a small table), so a rep moved to another
// team moves all of their history with them and a seller missing from the roster shows as "unknown".

export type FunnelCounts = Record<FunnelStage, number> & { won_amount: Record<string, number> }
export type FunnelFigures = FunnelCounts & {
  shown_rate: number | null
  view_rate: number | null
  acceptance_rate: number | null
  conversion_rate: number | null
  win_rate: number | null
}
export type FunnelResult = {
  from: string
  to: string
  timezone: string
  group_by: FunnelGroup | null
  total: FunnelFigures
  groups: ({ key: string } & FunnelFigures)[]
}

const COUNT_KEYS = FUNNEL_STAGES
const STAGE_COUNTS = sql.raw(
  FUNNEL_STAGES.map((stage) => {
    const condition = FUNNEL_STAGE_CONDITIONS[stage]
    return `count(*)${condition === null ? '' : ` filter (where s.${condition})`}::int as ${stage}`
  }).join(', '),
)

/** The SQL that names a state row's group (s = recommendation_states, r = its roster entry). */
export function groupKeySql(group: FunnelGroup | 'pilot' | null, timezone: string): RawBuilder<string> {
  switch (group) {
    case null:
      return sql<string>`'total'`
    case 'recommendation_type':
      return sql<string>`coalesce(s.recommendation_type, 'unknown')`
    case 'model_version':
      return sql<string>`coalesce(s.model_version, 'unknown')`
    case 'explanation':
      return sql<string>`case when s.has_explanation then 'with' else 'without' end`
    case 'region':
    case 'segment':
    case 'team':
    case 'tech_affinity':
      return sql<string>`coalesce(${sql.ref(`r.${group}`)}, 'unknown')`
    case 'manager':
      return sql<string>`coalesce(r.manager_id, 'unknown')`
    case 'seller':
      return sql<string>`s.seller_id`
    case 'week':
      return sql<string>`to_char(date_trunc('week', s.generated_at at time zone ${timezone}), 'YYYY-MM-DD')`
    case 'pilot':
      // On an EET on the day the recommendation was generated (stint dates, in the reporting zone).
      return sql<string>`case when ${pilotOnDaySql(sql`s.seller_id`, sql`(s.generated_at at time zone ${timezone})::date`)} then 'pilot' else 'rest' end`
  }
}

/** The instant a reporting-zone day starts. */
export function dayStartSql(day: string, timezone: string) {
  return sql<Date>`(${day}::date::timestamp at time zone ${timezone})`
}

/** The counts with their rates. Fields listed, not spread: a grouped answer makes hundreds of these, and
 * V8 copies a spread object several times slower than it builds a literal. */
export function withRates(counts: FunnelCounts): FunnelFigures {
  return {
    generated: counts.generated,
    shown: counts.shown,
    viewed: counts.viewed,
    accepted: counts.accepted,
    rejected: counts.rejected,
    actioned: counts.actioned,
    opportunities: counts.opportunities,
    won: counts.won,
    won_amount: counts.won_amount,
    shown_rate: rate(counts.shown, counts.generated),
    view_rate: rate(counts.viewed, counts.shown),
    acceptance_rate: rate(counts.accepted, counts.accepted + counts.rejected),
    conversion_rate: rate(counts.opportunities, counts.shown),
    win_rate: rate(counts.won, counts.opportunities),
  }
}

/** Zero of every stage: a slice with no recommendations. */
export function emptyCounts(): FunnelCounts {
  return {
    ...(Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>),
    won_amount: {},
  }
}

type Filter = { explanation?: boolean; modelVersion?: string }

export async function funnelCounts(
  db: Executor,
  range: { from: string; to: string; group_by?: FunnelGroup | 'pilot' | null },
  timezone: string,
  filter: Filter = {},
): Promise<Map<string, FunnelCounts>> {
  const group = range.group_by ?? null
  const dimension = group === null || group === 'week' ? 'total' : group
  const rolledUp =
    filter.explanation === undefined &&
    filter.modelVersion === undefined &&
    (ROLLUP_DIMENSIONS as readonly string[]).includes(dimension)
  await readyToRead(db, timezone, { rollup: rolledUp })
  if (rolledUp) {
    const rolled = await rollupCounts(db, range, dimension as RollupDimension, group === 'week')
    return toCounts(rolled.counts, rolled.amounts)
  }
  const key = groupKeySql(group, timezone)
  const needsRoster = ['region', 'segment', 'team', 'manager', 'tech_affinity'].includes(range.group_by ?? '')
  const from = sql`recommendation_states s ${needsRoster ? sql`left join sellers r on r.seller_id = s.seller_id` : sql``}`
  const where = sql`s.generated_at >= ${dayStartSql(range.from, timezone)}
    and s.generated_at < ${dayStartSql(range.to, timezone)}
    ${filter.explanation === undefined ? sql`` : sql`and s.has_explanation = ${filter.explanation}`}
    ${filter.modelVersion === undefined ? sql`` : sql`and s.model_version = ${filter.modelVersion}`}`
  const [counts, amounts] = await Promise.all([
    sql<{ key: string } & Record<(typeof COUNT_KEYS)[number], number>>`
      select ${key} as key, ${STAGE_COUNTS}
      from ${from} where ${where} group by 1 order by 1`.execute(db),
    sql<{ key: string; currency: string; amount: number }>`
      select ${key} as key, a.currency, sum(a.amount::numeric) as amount
      from ${from} cross join lateral jsonb_each_text(s.won_amounts) as a(currency, amount)
      where ${where} and s.won group by 1, 2 order by 1, 2`.execute(db),
  ])
  return toCounts(counts.rows, amounts.rows)
}

function toCounts(
  counts: ({ key: string } & Record<(typeof COUNT_KEYS)[number], number>)[],
  amounts: { key: string; currency: string; amount: number }[],
) {
  const byKey = new Map<string, FunnelCounts>()
  for (const row of counts) {
    const entry = emptyCounts()
    for (const name of COUNT_KEYS) entry[name] = row[name]
    byKey.set(row.key, entry)
  }
  for (const row of amounts) {
    const entry = byKey.get(row.key)
    if (entry) entry.won_amount[row.currency] = Number(row.amount)
  }
  return byKey
}

function addCounts(total: FunnelCounts, part: FunnelCounts) {
  for (const name of COUNT_KEYS) total[name] += part[name]
  for (const [currency, amount] of Object.entries(part.won_amount))
    total.won_amount[currency] = (total.won_amount[currency] ?? 0) + amount
}

/** The funnel API's answer for [from, to) in the reporting zone, optionally grouped. */
export async function recommendationFunnel(
  db: Executor,
  query: { from: string; to: string; group_by?: FunnelGroup | null },
  filter: Filter = {},
): Promise<FunnelResult> {
  const { timezone } = await reportingProgram(db)
  const byKey = await funnelCounts(db, query, timezone, filter)
  const total = emptyCounts()
  for (const counts of byKey.values()) addCounts(total, counts)
  return {
    from: query.from,
    to: query.to,
    timezone,
    group_by: query.group_by ?? null,
    total: withRates(total),
    groups: query.group_by ? [...byKey].map(([key, counts]) => ({ key, ...withRates(counts) })) : [],
  }
}
