import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { addDays, daysBetween, mondayOnOrAfter } from '~/utils/calendar'
import { FUNNEL_STAGE_CONDITIONS, FUNNEL_STAGES } from './funnel-stages'

// Funnel rollups: for each dimension below, one row per (reporting-zone day or ISO week, key) summing the
// state rows of the recommendations generated that day. The projection keeps them in step with the
// state rows (the difference between each touched state row before and after, in the same statement;
// recommendation-projection.server.ts). They are valid for one reporting zone and one roster
// (recommendation_rollup_meta); when either changes, the next funnel query rebuilds them first.

export const ROLLUP_DIMENSIONS = [
  'total',
  'recommendation_type',
  'model_version',
  'explanation',
  'region',
  'segment',
  'team',
  'manager',
  'tech_affinity',
] as const
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number]

const COUNT_COLUMNS = FUNNEL_STAGES

/** What identifies the roster the rollup was built with: a counter every write to `sellers` moves (migration 1830). */
export async function rosterFingerprint(db: Executor) {
  const row = await db.selectFrom('roster_version').select('version').executeTakeFirstOrThrow()
  return String(row.version)
}

/** SQL: the rollups were built for the zone `timezone` (an SQL expression) and the roster as it is now. */
export function rollupValidSql(timezone: RawBuilder<unknown>) {
  return sql<boolean>`coalesce((select m.timezone = ${timezone} and m.roster = v.version::text
    from recommendation_rollup_meta m cross join roster_version v), false)`
}

const KEYED = ROLLUP_DIMENSIONS.filter((dimension) => dimension !== 'total')
const GRAINS = ['day', 'week'] as const
/** The grouping sets of every dimension at both grains, each with the `extra` columns too. */
const groupingSets = (...extra: string[]) =>
  sql.raw(
    GRAINS.flatMap((grain) => [[grain], ...KEYED.map((dimension) => [grain, dimension])])
      .map((columns) => `(${[...columns, ...extra].join(', ')})`)
      .join(', '),
  )
// In a grouping set's output the columns it does not group by are null; every key is non-null.
const DIMENSION = sql.raw(
  `case ${KEYED.map((dimension) => `when grouping(${dimension}) = 0 then '${dimension}'`).join(' ')} else 'total' end`,
)
const GRAIN = sql.raw(`case when grouping(day) = 0 then 'day' else 'week' end`)
const KEY = sql.raw(`coalesce(${KEYED.join(', ')}, 'total')`)
const signed = (condition: string) => `sum(case when ${condition} then sign else 0 end)::int`
const COUNTS = sql.raw(
  FUNNEL_STAGES.map((stage) => {
    const condition = FUNNEL_STAGE_CONDITIONS[stage]
    return `${condition === null ? 'sum(sign)::int' : signed(condition)} as ${stage}`
  }).join(', '),
)
const STATE_COLUMNS = sql.raw(
  'seller_id, generated_at, recommendation_type, model_version, has_explanation, shown, viewed, decision, actioned, opportunity, won, won_amounts',
)

/**
 * SQL fragments for a WITH: what the state rows `after` (added) and `before` (subtracted; null for a
 * rebuild) contribute to every dimension's daily and weekly rows, upserted into both rollup tables.
 * One pass of grouping sets per table; roster keys come from `sellers` now.
 */
export function rollupDeltaSql(
  after: RawBuilder<unknown>,
  before: RawBuilder<unknown> | null,
  timezone: string,
) {
  const adds = sql.raw(COUNT_COLUMNS.map((c) => `${c} = f.${c} + excluded.${c}`).join(', '))
  const changed = sql.raw(COUNT_COLUMNS.map((c) => `${c} <> 0`).join(' or '))
  return sql`
    contributions as (
      select c.sign, l.day, date_trunc('week', l.day)::date as week,
        coalesce(c.recommendation_type, 'unknown') as recommendation_type,
        coalesce(c.model_version, 'unknown') as model_version,
        case when c.has_explanation then 'with' else 'without' end as explanation,
        coalesce(r.region, 'unknown') as region, coalesce(r.segment, 'unknown') as segment,
        coalesce(r.team, 'unknown') as team, coalesce(r.manager_id, 'unknown') as manager,
        coalesce(r.tech_affinity, 'unknown') as tech_affinity,
        c.shown, c.viewed, c.decision, c.actioned, c.opportunity, c.won, c.won_amounts
      from (select ${STATE_COLUMNS}, 1 as sign from ${after}
            ${before ? sql`union all select ${STATE_COLUMNS}, -1 as sign from ${before}` : sql``}) as c
      left join sellers r on r.seller_id = c.seller_id
      cross join lateral (select (c.generated_at at time zone ${timezone})::date as day) as l
      where c.generated_at is not null
    ), rolled as (
      insert into recommendation_funnel_daily as f (dimension, grain, day, key, ${sql.raw(COUNT_COLUMNS.join(', '))})
      select * from (
        select ${DIMENSION} as dimension, ${GRAIN} as grain, coalesce(day, week) as day, ${KEY} as key, ${COUNTS}
        from contributions group by grouping sets (${groupingSets()})) as totals
      where ${changed}
      order by dimension, grain, day, key
      on conflict (dimension, grain, day, key) do update set ${adds}
      returning 1
    ), rolled_amounts as (
      insert into recommendation_funnel_daily_amounts as f (dimension, grain, day, key, currency, amount)
      select ${DIMENSION}, ${GRAIN}, coalesce(day, week), ${KEY}, currency, sum(amount::numeric * sign)
      from contributions cross join lateral jsonb_each_text(won_amounts) as a(currency, amount)
      where won_amounts <> '{}'::jsonb
      group by grouping sets (${groupingSets('currency')})
      having sum(amount::numeric * sign) <> 0
      order by 1, 2, 3, 4, 5
      on conflict (dimension, grain, day, key, currency) do update set amount = f.amount + excluded.amount
      returning 1
    )`
}

const sums = sql.raw(COUNT_COLUMNS.map((c) => `sum(${c})::int as ${c}`).join(', '))

/**
 * How [from, to) splits into whole ISO weeks (Monday to Sunday) and the days left at either end: the
 * weekly rows cover [weeksFrom, weeksTo), the daily rows the rest. No whole week: weeksFrom = weeksTo = to.
 */
export function weekSplit(from: string, to: string) {
  const monday = mondayOnOrAfter(from)
  const weeks = Math.floor(daysBetween(monday, to) / 7)
  return weeks > 0
    ? { weeksFrom: monday, weeksTo: addDays(monday, weeks * 7) }
    : { weeksFrom: to, weeksTo: to }
}

/** The funnel's counts per key from the rollups (call readyToRead({ rollup }) first). */
export async function rollupCounts(
  db: Executor,
  range: { from: string; to: string },
  dimension: RollupDimension,
  week: boolean,
) {
  const key = week ? sql`to_char(date_trunc('week', day), 'YYYY-MM-DD')` : sql`key`
  // Grouped by week: the daily rows (few: one key per day). Otherwise whole weeks from the weekly rows.
  const { weeksFrom, weeksTo } = week
    ? { weeksFrom: range.to, weeksTo: range.to }
    : weekSplit(range.from, range.to)
  const where = sql`dimension = ${dimension} and (
    (grain = 'day' and day >= ${range.from}::date and day < ${weeksFrom}::date)
    or (grain = 'week' and day >= ${weeksFrom}::date and day < ${weeksTo}::date)
    or (grain = 'day' and day >= ${weeksTo}::date and day < ${range.to}::date))`
  const [counts, amounts] = await Promise.all([
    sql<{ key: string } & Record<(typeof COUNT_COLUMNS)[number], number>>`
      select ${key} as key, ${sums} from recommendation_funnel_daily where ${where}
      group by 1 having sum(generated) > 0 order by 1`.execute(db),
    sql<{ key: string; currency: string; amount: number }>`
      select ${key} as key, currency, sum(amount) as amount from recommendation_funnel_daily_amounts
      where ${where} group by 1, 2 having sum(amount) <> 0 order by 1, 2`.execute(db),
  ])
  return { counts: counts.rows, amounts: amounts.rows }
}
