import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { pilotDuringSql } from '../eet/pilot.server'
import { daysBetween } from '~/utils/calendar'
import { rate, type RosterGroup } from './metrics.schema'
import { readyToRead } from './projection.server'
import { reportingProgram } from '../foundation/reporting-program.server'

// Adoption (defined in docs/api.md). Eligible reps: the roster's current reps (no left_at, or one in the
// future) marked eligible. A rep is active on a reporting-zone day when they have a viewed, accepted,
// rejected or actioned event that day. Weekly windows are 7-day windows starting at `from`.

export type AdoptionFigures = {
  eligible: number
  active: number
  adoption_rate: number | null
  avg_daily_active: number
  avg_weekly_active: number
  stickiness: number | null
}
export type AdoptionResult = {
  from: string
  to: string
  timezone: string
  group_by: RosterGroup | null
  total: AdoptionFigures
  groups: ({ key: string } & AdoptionFigures)[]
}
type AdoptionGroup = RosterGroup | 'pilot' | null

function rosterKeySql(group: AdoptionGroup, range: { from: string; to: string }) {
  switch (group) {
    case null:
      return sql<string>`'total'`
    case 'manager':
      return sql<string>`coalesce(r.manager_id, 'unknown')`
    case 'pilot':
      // On an EET on any day of the range (stint dates), with or without a portal login.
      return sql<string>`case when ${pilotDuringSql(sql`r.seller_id`, range)} then 'pilot' else 'rest' end`
    default:
      return sql<string>`coalesce(${sql.ref(`r.${group}`)}, 'unknown')`
  }
}

/** Each (rep, reporting-zone day) with activity in [from, to); call readyToRead({ activity }) first. */
export function activeDaysSql(range: { from: string; to: string }) {
  return sql`select seller_id, day from recommendation_activity_days
    where day >= ${range.from}::date and day < ${range.to}::date`
}

export const eligibleRepsSql = sql`select * from sellers where eligible and (left_at is null or left_at > now())`

export function figures(
  row: { eligible: number; active: number; active_days: number; active_weeks: number },
  days: number,
): AdoptionFigures {
  const windows = Math.ceil(days / 7)
  const avgDaily = days > 0 ? row.active_days / days : 0
  return {
    eligible: row.eligible,
    active: row.active,
    adoption_rate: rate(row.active, row.eligible),
    avg_daily_active: avgDaily,
    avg_weekly_active: windows > 0 ? row.active_weeks / windows : 0,
    stickiness: rate(avgDaily, row.active),
  }
}

/** Adoption counts per roster key; call readyToRead({ activity }) first. */
export async function adoptionRows(
  db: Executor,
  range: { from: string; to: string; group_by?: AdoptionGroup },
) {
  const key = rosterKeySql(range.group_by ?? null, range)
  const result = await sql<{
    key: string
    eligible: number
    active: number
    active_days: number
    active_weeks: number
  }>`
    with active_days as (${activeDaysSql(range)}),
    -- Per rep first (one row each), not per rep-day: active days, and active 7-day windows.
    rep_days as (select seller_id, count(*) as days from active_days group by seller_id),
    rep_weeks as (
      select seller_id, count(*) as weeks
      from (select distinct seller_id, (day - ${range.from}::date) / 7 as window_index from active_days) w
      group by seller_id
    )
    select ${key} as key, count(*)::int as eligible, count(d.seller_id)::int as active,
      coalesce(sum(d.days), 0)::int as active_days, coalesce(sum(w.weeks), 0)::int as active_weeks
    from (${eligibleRepsSql}) r
    left join rep_days d on d.seller_id = r.seller_id
    left join rep_weeks w on w.seller_id = r.seller_id
    group by 1 order by 1`.execute(db)
  return result.rows
}

/** The adoption API's answer for [from, to) in the reporting zone, optionally grouped by a roster key. */
export async function recommendationAdoption(
  db: Executor,
  query: { from: string; to: string; group_by?: RosterGroup | null },
): Promise<AdoptionResult> {
  const { timezone } = await reportingProgram(db)
  await readyToRead(db, timezone, { activity: true })
  const days = daysBetween(query.from, query.to)
  const [totalRows, groupRows] = await Promise.all([
    adoptionRows(db, { ...query, group_by: null }),
    query.group_by ? adoptionRows(db, query) : Promise.resolve([]),
  ])
  const total = totalRows[0] ?? { eligible: 0, active: 0, active_days: 0, active_weeks: 0 }
  return {
    from: query.from,
    to: query.to,
    timezone,
    group_by: query.group_by ?? null,
    total: figures(total, days),
    groups: groupRows.map((row) => ({ key: row.key, ...figures(row, days) })),
  }
}

/** Adoption grouped by a roster key or by pilot (EET) membership, for the adoption page. */
export async function adoptionBy(
  db: Executor,
  range: { from: string; to: string },
  group: RosterGroup | 'pilot',
  timezone: string,
) {
  await readyToRead(db, timezone, { activity: true })
  const days = daysBetween(range.from, range.to)
  const rows = await adoptionRows(db, { ...range, group_by: group })
  return rows.map((row) => ({ key: row.key, ...figures(row, days) }))
}
