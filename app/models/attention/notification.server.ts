import type { Executor } from '~/utils/db.server'

// In-app notifications. Another area's model calls notify() inside its own transaction, so a change and
// the notice about it commit together; the shell shows countUnreadNotifications().

export type NotificationInput = {
  userId: string
  kind: string
  /** Plain values the page renders in the reader's language (e.g. status keys, titles). */
  payload?: Record<string, unknown>
  link?: string | null
  entityType?: string | null
  entityId?: string | null
}

export async function notify(trx: Executor, notices: readonly NotificationInput[]) {
  if (!notices.length) return
  await trx
    .insertInto('notifications')
    .values(
      notices.map((notice) => ({
        user_id: notice.userId,
        kind: notice.kind,
        payload: JSON.stringify(notice.payload ?? {}),
        link: notice.link ?? null,
        entity_type: notice.entityType ?? null,
        entity_id: notice.entityId ?? null,
      })),
    )
    .execute()
}

export async function countUnreadNotifications(db: Executor, userId: string) {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

export function listNotifications(db: Executor, userId: string, { limit = 100 } = {}) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'link', 'read_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Marks one notification (or all when id is omitted) as read; only the owner's rows are touched. */
export async function markNotificationsRead(db: Executor, userId: string, id?: string) {
  let query = db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id) query = query.where('id', '=', id)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
