import { todayIn } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'
import { nextPeriodEnd } from './period'
import { ensureKpiStates } from './state.server'

// What of this area waits for someone (read by app/models/attention/): each KPI whose value is stale,
// off track, or whose check-in is due (its next period has ended, the grace days not yet over), as of
// `now` in its program's reporting zone.

export type KpiConcern = 'stale' | 'off_track' | 'checkin_due'

export async function kpiConcerns(db: Executor, now: Date) {
  const programs = await db
    .selectFrom('programs')
    .select(['id', 'reporting_timezone'])
    .where('archived_at', 'is', null)
    .execute()
  for (const program of programs) await ensureKpiStates(db, { programId: program.id })
  const zoneOf = new Map(programs.map((program) => [program.id, program.reporting_timezone]))
  const kpis = await db
    .selectFrom('kpis as k')
    .leftJoin('initiatives as i', 'i.id', 'k.initiative_id')
    .select([
      'k.id',
      'k.program_id',
      'k.initiative_id',
      'k.name_en',
      'k.name_zh_tw',
      'k.owner_id',
      'k.cadence',
      'k.rollup',
      'k.state_status',
      'k.state_period_end',
      'k.state_stale_after',
      'i.lead_id',
      'i.name as initiative_name',
    ])
    .where('k.archived_at', 'is', null)
    .where((eb) => eb.or([eb('k.initiative_id', 'is', null), eb('i.archived_at', 'is', null)]))
    .execute()
  return kpis.flatMap((kpi) => {
    const zone = zoneOf.get(kpi.program_id)
    if (!zone || !kpi.state_period_end) return []
    const today = todayIn(zone, now)
    const stale = kpi.state_stale_after !== null && today > kpi.state_stale_after
    let concern: KpiConcern | null = null
    let dueOn: string | null = null
    if (stale) {
      concern = 'stale'
      dueOn = kpi.state_stale_after
    } else if (kpi.state_status === 'off_track') concern = 'off_track'
    else if (kpi.rollup === 'none' && nextPeriodEnd(kpi.state_period_end, kpi.cadence) <= today) {
      concern = 'checkin_due'
      dueOn = kpi.state_stale_after
    }
    return concern ? [{ ...kpi, concern, dueOn, today }] : []
  })
}
