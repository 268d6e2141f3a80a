import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import { feedbackTitles, findFeedbackIds } from '../eet/cited-feedback.server'
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
        .innerJoin(feedbackTitles(db).as('f'), 'f.id', 'l.feedback_id')
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

/** Pilot feedback of this initiative that a backlog item or plan change may cite (the EET area's). */
export { listLinkableFeedback } from '../eet/cited-feedback.server'

/** Throws unless every id is feedback of this initiative. */
export async function checkFeedbackIds(trx: Executor, initiativeId: string, ids: string[]) {
  if (ids.length === 0) return
  const found = await findFeedbackIds(trx, initiativeId, ids)
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

/** Backlog items (agile delivery) a planned feedback item may be linked to. */
export function listBacklogChoices(db: Executor, initiativeId: string) {
  return db
    .selectFrom('backlog_items')
    .select(['id', 'title', 'status'])
    .where('initiative_id', '=', initiativeId)
    .where('status', '=', 'todo')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
}

/** The backlog items that cite one feedback item, with the sprint each is planned in. */
export function listBacklogItemsCiting(db: Executor, feedbackId: string) {
  return db
    .selectFrom('backlog_item_feedback as l')
    .innerJoin('backlog_items as b', 'b.id', 'l.backlog_item_id')
    .leftJoin('sprints as s', 's.id', 'b.sprint_id')
    .select(['b.id', 'b.title', 'b.status', 's.number as sprint_number'])
    .where('l.feedback_id', '=', feedbackId)
    .orderBy('b.created_at')
    .execute()
}

/** One backlog item of this initiative, if it is one. */
export function findBacklogItem(trx: Executor, initiativeId: string, id: string) {
  return trx
    .selectFrom('backlog_items')
    .select('id')
    .where('id', '=', id)
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst()
}
