import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { addDays, daysBetween } from '~/utils/calendar'
import type { RepScope } from '../foundation/team.server'
import { activeDaysSql, eligibleRepsSql, figures, type AdoptionFigures } from './adoption.server'
import { dayStartSql, emptyCounts, withRates, type FunnelCounts, type FunnelFigures } from './funnel.server'
import { FUNNEL_STAGE_CONDITIONS, FUNNEL_STAGES } from './funnel-stages'
import { rate } from './metrics.schema'
import { readyToRead } from './projection.server'

// A team's figures, rep by rep: the same definitions as the company-wide funnel and adoption (docs/api.md),
// restricted to the reps of a scope (app/models/foundation/team.server.ts). Read from the state rows and
// the activity days directly, since the rollups are company-wide.

type Range = { from: string; to: string }

/** SQL: `column` is one of the scope's reps. */
export function scopeSql(scope: RepScope, column: RawBuilder<unknown>) {
  if (scope.all) return sql<boolean>`true`
  if (!scope.sellerIds.length) return sql<boolean>`false`
  return sql<boolean>`${column} in (${sql.join([...scope.sellerIds])})`
}

const STAGE_COUNTS = sql.raw(
  FUNNEL_STAGES.map((stage) => {
    const condition = FUNNEL_STAGE_CONDITIONS[stage]
    return `count(*)${condition === null ? '' : ` filter (where s.${condition})`}::int as ${stage}`
  }).join(', '),
)

export type RepFunnel = { seller_id: string; name: string } & FunnelFigures

/** The funnel of the scope's reps (recommendations generated in [from, to)), in total and per rep. */
export async function teamFunnel(db: Executor, range: Range, timezone: string, scope: RepScope) {
  await readyToRead(db, timezone, {})
  const [counts, amounts] = await Promise.all([
    sql<{ seller_id: string } & Record<(typeof FUNNEL_STAGES)[number], number>>`
      select s.seller_id, ${STAGE_COUNTS} from recommendation_states s
      where s.generated_at >= ${dayStartSql(range.from, timezone)}
        and s.generated_at < ${dayStartSql(range.to, timezone)} and ${scopeSql(scope, sql`s.seller_id`)}
      group by 1`.execute(db),
    sql<{ seller_id: string; currency: string; amount: number }>`
      select s.seller_id, a.currency, sum(a.amount::numeric)::float8 as amount
      from recommendation_states s cross join lateral jsonb_each_text(s.won_amounts) as a(currency, amount)
      where s.won and s.generated_at >= ${dayStartSql(range.from, timezone)}
        and s.generated_at < ${dayStartSql(range.to, timezone)} and ${scopeSql(scope, sql`s.seller_id`)}
      group by 1, 2`.execute(db),
  ])
  const bySeller = new Map<string, FunnelCounts>()
  for (const row of counts.rows) {
    const entry = emptyCounts()
    for (const stage of FUNNEL_STAGES) entry[stage] = row[stage]
    bySeller.set(row.seller_id, entry)
  }
  for (const row of amounts.rows) {
    const entry = bySeller.get(row.seller_id)
    if (entry) entry.won_amount[row.currency] = Number(row.amount)
  }
  const total = emptyCounts()
  for (const entry of bySeller.values()) {
    for (const stage of FUNNEL_STAGES) total[stage] += entry[stage]
    for (const [currency, amount] of Object.entries(entry.won_amount))
      total.won_amount[currency] = (total.won_amount[currency] ?? 0) + amount
  }
  const reps = await scopeReps(db, scope)
  return {
    total: withRates(total),
    reps: reps.map((rep): RepFunnel => ({
      seller_id: rep.seller_id,
      name: rep.name,
      ...withRates(bySeller.get(rep.seller_id) ?? emptyCounts()),
    })),
  }
}

/** The scope's current eligible reps, by name. */
export async function scopeReps(db: Executor, scope: RepScope) {
  const result = await sql<{ seller_id: string; name: string; team: string; manager_id: string | null }>`
    select seller_id, name, team, manager_id from (${eligibleRepsSql}) r
    where ${scopeSql(scope, sql`r.seller_id`)} order by name, seller_id`.execute(db)
  return result.rows
}

export type RepActivity = {
  seller_id: string
  name: string
  active_days: number
  last_active_day: string | null
}

/** Adoption of the scope's eligible reps in [from, to), and each rep's active days and last active day. */
export async function teamAdoption(db: Executor, range: Range, timezone: string, scope: RepScope) {
  await readyToRead(db, timezone, { activity: true })
  const rows = await sql<{
    seller_id: string
    name: string
    active_days: number
    active_weeks: number
    last_active_day: string | null
  }>`
    with active_days as (${activeDaysSql(range)})
    select r.seller_id, r.name, count(a.day)::int as active_days,
      count(distinct (a.day - ${range.from}::date) / 7)::int as active_weeks,
      to_char(max(a.day), 'YYYY-MM-DD') as last_active_day
    from (${eligibleRepsSql}) r left join active_days a on a.seller_id = r.seller_id
    where ${scopeSql(scope, sql`r.seller_id`)}
    group by r.seller_id, r.name order by r.name, r.seller_id`.execute(db)
  const total = {
    eligible: rows.rows.length,
    active: rows.rows.filter((row) => row.active_days > 0).length,
    active_days: rows.rows.reduce((sum, row) => sum + row.active_days, 0),
    active_weeks: rows.rows.reduce((sum, row) => sum + row.active_weeks, 0),
  }
  return {
    total: figures(total, daysBetween(range.from, range.to)) satisfies AdoptionFigures,
    reps: rows.rows.map((row): RepActivity => ({
      seller_id: row.seller_id,
      name: row.name,
      active_days: row.active_days,
      last_active_day: row.last_active_day,
    })),
  }
}

/** Weekly cohort retention (as on the adoption page) of the scope's eligible reps. */
export async function teamCohortRetention(db: Executor, range: Range, timezone: string, scope: RepScope) {
  await readyToRead(db, timezone, { activity: true })
  const rows = await sql<{ cohort: string; offset: number; reps: number }>`
    with active_days as (${activeDaysSql(range)}),
    rep_weeks as (
      select distinct a.seller_id, date_trunc('week', a.day)::date as week
      from active_days a join (${eligibleRepsSql}) r on r.seller_id = a.seller_id
      where ${scopeSql(scope, sql`r.seller_id`)}
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
        week.localeCompare(addDays(range.to, -7 * i)) >= 0
          ? null
          : rate(cohort.retained[i] ?? 0, cohort.size),
      ),
    })),
  }
}

/** Every (rep, reporting-zone day) of activity of the scope's reps in [from, to), as 'seller|day' keys. */
export async function teamActiveDays(db: Executor, range: Range, timezone: string, scope: RepScope) {
  await readyToRead(db, timezone, { activity: true })
  const rows = await sql<{ seller_id: string; day: string }>`
    select a.seller_id, to_char(a.day, 'YYYY-MM-DD') as day from (${activeDaysSql(range)}) a
    where ${scopeSql(scope, sql`a.seller_id`)}`.execute(db)
  return new Set(rows.rows.map((row) => `${row.seller_id}|${row.day}`))
}

/** The rejection reasons the scope's reps gave most (decided rejections of recommendations generated in range). */
export async function teamRejectionReasons(db: Executor, range: Range, timezone: string, scope: RepScope) {
  await readyToRead(db, timezone, {})
  const rows = await sql<{ reason: string; count: number }>`
    select coalesce(e.reason_code, 'other') as reason, count(*)::int as count
    from recommendation_states s join recommendation_events e on e.event_id = s.decision_event_id
    where s.decision = 'rejected' and s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)} and ${scopeSql(scope, sql`s.seller_id`)}
    group by 1 order by 2 desc, 1 limit 5`.execute(db)
  return rows.rows
}
