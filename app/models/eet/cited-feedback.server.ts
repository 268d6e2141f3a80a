import type { Executor } from '~/utils/db.server'

// Pilot feedback as the delivery area cites it: a backlog item or a sprint plan change names the
// feedback that asked for it. Callers scope the initiative to the user's rights.

/** Every feedback item's id and title, to join to in a query that names feedback by id. */
export function feedbackTitles(db: Executor) {
  return db.selectFrom('pilot_feedback').select(['id', 'title'])
}

/** Pilot feedback of this initiative that a backlog item or plan change may cite. */
export function listLinkableFeedback(db: Executor, initiativeId: string) {
  return db
    .selectFrom('pilot_feedback')
    .select(['id', 'title', 'status'])
    .where('initiative_id', '=', initiativeId)
    .where('merged_into', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
}

/** Which of these ids are feedback of this initiative. */
export function findFeedbackIds(trx: Executor, initiativeId: string, ids: readonly string[]) {
  return trx
    .selectFrom('pilot_feedback')
    .select('id')
    .where('initiative_id', '=', initiativeId)
    .where('id', 'in', ids)
    .execute()
}
