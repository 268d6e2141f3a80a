import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'

// The reps on a pilot today, as the roster's seller_ids: for a lead's rep scope (the initiatives they
// lead) and for the checklist's frontline-manager item (one initiative). `today` is the reporting zone's
// day (app/utils/calendar todayIn); a stint's end day is included.

/** The seller_ids on the EETs of the initiatives this user leads, today. */
export async function pilotSellerIdsLedBy(db: Executor, leadId: string, today: string): Promise<string[]> {
  const result = await sql<{ seller_id: string }>`
    select distinct s.seller_id from eet_members m
    join initiatives i on i.id = m.initiative_id
    join sellers s on s.id = m.seller_id
    where i.lead_id = ${leadId} and m.joined_on <= ${today}::date
      and (m.left_on is null or m.left_on >= ${today}::date)
    order by s.seller_id`.execute(db)
  return result.rows.map((row) => row.seller_id)
}

/** Each initiative's pilot reps today: seller_id and the roster's manager_id. */
export async function pilotRepsOf(db: Executor, initiativeIds: readonly string[], today: string) {
  if (!initiativeIds.length) return []
  const result = await sql<{ initiative_id: string; seller_id: string; manager_id: string | null }>`
    select distinct m.initiative_id, s.seller_id, s.manager_id from eet_members m
    join sellers s on s.id = m.seller_id
    where m.initiative_id in (${sql.join([...initiativeIds])}) and m.joined_on <= ${today}::date
      and (m.left_on is null or m.left_on >= ${today}::date)
    order by 1, 2`.execute(db)
  return result.rows
}
