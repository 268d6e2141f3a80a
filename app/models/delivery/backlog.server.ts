import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import type { BacklogItemInput } from './delivery.schema'
import { DomainError } from '~/utils/domain-error'

// The backlog of an initiative: stories, bugs, experiments and chores, estimated in points, each
// linked to the pilot feedback that asked for it.

export async function listBacklog(db: Executor, initiativeId: string) {
  const items = await db
    .selectFrom('backlog_items as b')
    .leftJoin('sprints as s', 's.id', 'b.sprint_id')
    .select([
      'b.id',
      'b.title',
      'b.type',
      'b.estimate',
      'b.status',
      'b.sprint_id',
      's.number as sprint_number',
    ])
    .where('b.initiative_id', '=', initiativeId)
    .orderBy('b.created_at')
    .execute()
  const links = items.length
    ? await db
        .selectFrom('backlog_item_feedback as l')
        .innerJoin('pilot_feedback as f', 'f.id', 'l.feedback_id')
        .select(['l.backlog_item_id', 'f.id', 'f.title'])
        .where(
          'l.backlog_item_id',
          'in',
          items.map((item) => item.id),
        )
        .execute()
    : []
  return items.map((item) => ({
    ...item,
    feedback: links
      .filter((link) => link.backlog_item_id === item.id)
      .map(({ id, title }) => ({ id, title })),
  }))
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

/** Throws unless every id is feedback of this initiative. */
export async function checkFeedbackIds(trx: Executor, initiativeId: string, ids: string[]) {
  if (ids.length === 0) return
  const found = await trx
    .selectFrom('pilot_feedback')
    .select('id')
    .where('initiative_id', '=', initiativeId)
    .where('id', 'in', ids)
    .execute()
  if (found.length !== new Set(ids).size)
    throw new DomainError('errors.invalidChoice', { field: 'feedback_id' })
}

export async function linkFeedback(trx: Executor, itemId: string, feedbackIds: string[]) {
  if (feedbackIds.length === 0) return
  await trx
    .insertInto('backlog_item_feedback')
    .values(
      [...new Set(feedbackIds)].map((feedbackId) => ({ backlog_item_id: itemId, feedback_id: feedbackId })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function createBacklogItem(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  input: BacklogItemInput,
) {
  return db.transaction().execute(async (trx) => {
    await checkFeedbackIds(trx, initiativeId, input.feedback_id)
    const values = { title: input.title, type: input.type, estimate: input.estimate }
    const item = await trx
      .insertInto('backlog_items')
      .values({ initiative_id: initiativeId, ...values, created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await linkFeedback(trx, item.id, input.feedback_id)
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.backlog.create',
      entityType: 'backlog_item',
      entityId: item.id,
      after: { initiative_id: initiativeId, ...values, feedback: input.feedback_id },
    })
    return item
  })
}
