import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { addDays, daysBetween } from './recommendation-metrics.schema'

// Funnel rollups: for each dimension below, one row per (reporting-zone day or ISO week, key) summing the
// state rows of the recommendations generated that day. Ingest keeps them in step with the state rows
// (the difference between each touched state row before and after, in the same statement), under one
// advisory lock so that "before" is never stale. They are valid for one reporting zone and one roster
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

/** Ingest and rebuilds take this transaction-scoped lock; funnel reads do not need it. */
export const INGEST_LOCK = 7_201_807

export const COUNT_COLUMNS = [
  'generated',
  'shown',
  'viewed',
  'accepted',
  'rejected',
  'actioned',
  'opportunities',
  'won',
] as const

/** What identifies the roster the rollup was built with: a counter every write to `sellers` moves (migration 1830). */
export async function rosterFingerprint(db: Executor) {
  const row = await db.selectFrom('roster_version').select('version').executeTakeFirstOrThrow()
  return String(row.version)
}

/** One round trip: the rollups were built for this zone and for the roster as it is now. */
export async function rollupIsValid(db: Executor, timezone: string) {
  const meta = await db
    .selectFrom('recommendation_rollup_meta as m')
    .innerJoin('roster_version as v', (join) => join.onTrue())
    .select(['m.timezone', 'm.roster', 'v.version'])
    .executeTakeFirst()
  return meta !== undefined && meta.timezone === timezone && meta.roster === String(meta.version)
}

/**
 * Each state row of `source` (columns as in recommendation_states) as its contribution to every
 * dimension's daily row, multiplied by `sign` (+1 new, -1 old). Roster keys come from `sellers` now.
 */
export function contributionsSql(source: RawBuilder<unknown>, timezone: string, sign: 1 | -1) {
  const one = sql.lit(sign)
  const n = (condition: RawBuilder<unknown>) => sql`(case when ${condition} then ${one} else 0 end)`
  return sql`
    select d.dimension, g.grain, g.day, d.key,
      ${one} as generated, ${n(sql`c.shown`)} as shown, ${n(sql`c.viewed`)} as viewed,
      ${n(sql`c.decision = 'accepted'`)} as accepted, ${n(sql`c.decision = 'rejected'`)} as rejected,
      ${n(sql`c.actioned`)} as actioned, ${n(sql`c.opportunity`)} as opportunities, ${n(sql`c.won`)} as won,
      c.won_amounts, ${one} as sign
    from ${source} as c
    left join sellers r on r.seller_id = c.seller_id
    cross join lateral (values
      ('total', 'total'),
      ('recommendation_type', coalesce(c.recommendation_type, 'unknown')),
      ('model_version', coalesce(c.model_version, 'unknown')),
      ('explanation', case when c.has_explanation then 'with' else 'without' end),
      ('region', coalesce(r.region, 'unknown')),
      ('segment', coalesce(r.segment, 'unknown')),
      ('team', coalesce(r.team, 'unknown')),
      ('manager', coalesce(r.manager_id, 'unknown')),
      ('tech_affinity', coalesce(r.tech_affinity, 'unknown'))
    ) as d(dimension, key)
    cross join lateral (select (c.generated_at at time zone ${timezone})::date as local_day) as l
    cross join lateral (values ('day', l.local_day), ('week', date_trunc('week', l.local_day)::date))
      as g(grain, day)
    where c.generated_at is not null`
}

const sums = sql.raw(COUNT_COLUMNS.map((c) => `sum(${c})::int as ${c}`).join(', '))
const adds = sql.raw(COUNT_COLUMNS.map((c) => `${c} = f.${c} + excluded.${c}`).join(', '))

/** Upserts summed contributions (a CTE named `contributions`) into both rollup tables. SQL fragments for a WITH. */
export function applyContributionsSql() {
  return sql`
    rolled as (
      insert into recommendation_funnel_daily as f (dimension, grain, day, key, ${sql.raw(COUNT_COLUMNS.join(', '))})
      select dimension, grain, day, key, ${sums} from contributions group by dimension, grain, day, key
      order by dimension, grain, day, key
      on conflict (dimension, grain, day, key) do update set ${adds}
      returning 1
    ), rolled_amounts as (
      insert into recommendation_funnel_daily_amounts as f (dimension, grain, day, key, currency, amount)
      select c.dimension, c.grain, c.day, c.key, a.currency, sum(a.amount::numeric * c.sign)
      from contributions c cross join lateral jsonb_each_text(c.won_amounts) as a(currency, amount)
      group by c.dimension, c.grain, c.day, c.key, a.currency order by 1, 2, 3, 4, 5
      on conflict (dimension, grain, day, key, currency) do update set amount = f.amount + excluded.amount
      returning 1
    )`
}

/** Rebuilds the rollups from every state row for this zone and the current roster. */
export async function rebuildRollup(trx: Executor, timezone: string) {
  await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`.execute(trx)
  await sql`delete from recommendation_funnel_daily`.execute(trx)
  await sql`delete from recommendation_funnel_daily_amounts`.execute(trx)
  await sql`
    with contributions as (${contributionsSql(sql`recommendation_states`, timezone, 1)}),
    ${applyContributionsSql()}
    select (select count(*) from rolled) as rolled, (select count(*) from rolled_amounts) as amounts`.execute(
    trx,
  )
  const roster = await rosterFingerprint(trx)
  await trx.deleteFrom('recommendation_rollup_meta').execute()
  await trx.insertInto('recommendation_rollup_meta').values({ id: true, timezone, roster }).execute()
}

/**
 * How [from, to) splits into whole ISO weeks (Monday to Sunday) and the days left at either end: the
 * weekly rows cover [weeksFrom, weeksTo), the daily rows the rest. No whole week: weeksFrom = weeksTo = to.
 */
export function weekSplit(from: string, to: string) {
  const monday = addDays(from, (8 - new Date(`${from}T00:00:00Z`).getUTCDay()) % 7)
  const weeks = Math.floor(daysBetween(monday, to) / 7)
  return weeks > 0
    ? { weeksFrom: monday, weeksTo: addDays(monday, weeks * 7) }
    : { weeksFrom: to, weeksTo: to }
}

/** The funnel's counts per key from the rollups (valid ones: check rollupIsValid first). */
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
