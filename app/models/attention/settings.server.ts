import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import type { DigestFrequency } from './tables'

// A person's digest (off, daily, weekly; from which hour of the program's day) and quiet hours (no
// email from the scheduler or the outbox between them; the mail waits until they end). Without a
// saved row: a weekly digest from 08:00, no quiet hours.

export type NotificationSettings = {
  digest: DigestFrequency
  digest_hour: number
  quiet_from: number | null
  quiet_to: number | null
}
export const DEFAULT_SETTINGS: NotificationSettings = {
  digest: 'weekly',
  digest_hour: 8,
  quiet_from: null,
  quiet_to: null,
}

export async function settingsOf(db: Executor, userIds: readonly string[]) {
  const rows = userIds.length
    ? await db
        .selectFrom('notification_settings')
        .select(['user_id', 'digest', 'digest_hour', 'quiet_from', 'quiet_to'])
        .where('user_id', 'in', userIds)
        .execute()
    : []
  const saved = new Map(rows.map(({ user_id, ...settings }) => [user_id, settings]))
  return (userId: string): NotificationSettings => saved.get(userId) ?? DEFAULT_SETTINGS
}

export async function getNotificationSettings(db: Executor, userId: string) {
  return (await settingsOf(db, [userId]))(userId)
}

export async function saveNotificationSettings(db: Database, user: AuthUser, input: NotificationSettings) {
  const values = {
    digest: input.digest,
    digest_hour: input.digest_hour,
    // Quiet hours need both ends; from = to means none.
    quiet_from:
      input.quiet_from !== null && input.quiet_to !== null && input.quiet_from !== input.quiet_to
        ? input.quiet_from
        : null,
    quiet_to:
      input.quiet_from !== null && input.quiet_to !== null && input.quiet_from !== input.quiet_to
        ? input.quiet_to
        : null,
  }
  await db.transaction().execute(async (trx) => {
    const before = await getNotificationSettings(trx, user.id)
    await trx
      .insertInto('notification_settings')
      .values({ user_id: user.id, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'notification-settings.update',
      entityType: 'user',
      entityId: user.id,
      before,
      after: values,
    })
  })
}
