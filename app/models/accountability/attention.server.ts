import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'

// What of this area waits for someone (read by app/models/attention/): the newest version of each
// open initiative's business case that is submitted or came back, the stage gates pending or recently
// decided, and governance reviews coming due. Facts only; who is told and when is the attention area's.

/** The newest case version of each open initiative, when it is not a draft. */
export function caseFacts(db: Executor) {
  return db
    .selectFrom('business_cases as c')
    .innerJoin('initiatives as i', 'i.id', 'c.initiative_id')
    .select([
      'c.id',
      'c.version',
      'c.status',
      'c.author_id',
      'c.submitted_by',
      'c.submitted_at',
      'c.decided_at',
      'i.id as initiative_id',
      'i.name as initiative_name',
      'i.program_id',
      'i.lead_id',
      'i.sponsor_id',
    ])
    .where('i.archived_at', 'is', null)
    .where('c.status', '!=', 'draft')
    .where(
      'c.version',
      '=',
      sql<number>`(select max(l.version) from business_cases l where l.initiative_id = c.initiative_id)`,
    )
    .execute()
}

/** Pending gates, and gates decided on or after `decidedSince` (a date). */
export function gateFacts(db: Executor, decidedSince: string) {
  return db
    .selectFrom('stage_gates as g')
    .innerJoin('initiatives as i', 'i.id', 'g.initiative_id')
    .select([
      'g.id',
      'g.from_stage',
      'g.to_stage',
      'g.status',
      'g.requested_by',
      'g.requested_at',
      'g.decision_date',
      'i.id as initiative_id',
      'i.name as initiative_name',
      'i.program_id',
      'i.lead_id',
      'i.sponsor_id',
    ])
    .where('i.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('g.status', '=', 'pending'),
        eb.and([eb('g.status', '!=', 'pending'), eb('g.decision_date', '>=', decidedSince)]),
      ]),
    )
    .execute()
}

/** Open governance reviews whose due date is on or before `dueBy`. */
export function governanceReviewFacts(db: Executor, dueBy: string) {
  return db
    .selectFrom('governance_reviews as r')
    .select(['r.id', 'r.subject', 'r.due_date', 'r.owner_id', 'r.created_by', 'r.initiative_ids'])
    .where('r.done_at', 'is', null)
    .where('r.due_date', 'is not', null)
    .where('r.due_date', '<=', dueBy)
    .execute()
}
