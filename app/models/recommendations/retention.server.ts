import { sql } from 'kysely'
import type { Database } from '~/utils/db.server'
import { audit, type Actor } from '../foundation/audit.server'
import { reportingProgram, reportingProgramQuery } from '../foundation/reporting-program.server'
import { dayStartSql } from './funnel.server'
import { readyToRead } from './projection.server'

// Rep-data privacy: raw events and per-rep activity days older than the reporting program's retention
// (months before today in the reporting zone) are deleted. The recommendation states and the funnel
// rollups, which every funnel figure is read from, are kept, so the aggregates do not change. A
// recommendation's deciding event is kept with its state: the rejection reasons are read from it.

export type PurgeReport = { cutoff: string; events: number; activityDays: number }

export async function purgeExpired(db: Database, actor: Actor, today?: string): Promise<PurgeReport> {
  const { timezone } = await reportingProgram(db)
  // Everything committed is projected first, so no event leaves before the states count it.
  await readyToRead(db, timezone, { rollup: true, activity: true })
  return db.transaction().execute(async (trx) => {
    const day = today ?? sql`(now() at time zone ${timezone})::date`
    const { rows } = await sql<{ cutoff: string }>`
      select to_char((${day}::date - make_interval(months => coalesce(
        (${reportingProgramQuery(trx).select('data_retention_months')}), 25)))::date, 'YYYY-MM-DD') as cutoff`.execute(
      trx,
    )
    const cutoff = rows[0]!.cutoff
    const events = await sql`
      delete from recommendation_events e
      where e.occurred_at < ${dayStartSql(cutoff, timezone)}
        and not exists (select 1 from recommendation_states s where s.decision_event_id = e.event_id)`.execute(
      trx,
    )
    const days = await sql`delete from recommendation_activity_days where day < ${cutoff}::date`.execute(trx)
    const report = {
      cutoff,
      events: Number(events.numAffectedRows ?? 0),
      activityDays: Number(days.numAffectedRows ?? 0),
    }
    await audit(trx, {
      actor,
      action: 'recommendations.purge',
      entityType: 'recommendation_events',
      after: report,
    })
    return report
  })
}
