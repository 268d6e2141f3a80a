import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import { ATTENTION_KINDS, type AttentionKind } from './kinds'
export { DELIVERY_CHOICES } from './kinds'
import type { DeliveryChoice } from './tables'

// How each person wants to hear about each kind. Without a choice: decisions asked of them and
// decisions about their work come by email too; the rest stays in the app.

const EMAIL_BY_DEFAULT: ReadonlySet<AttentionKind> = new Set([
  'case.submitted',
  'case.changes_requested',
  'case.decided',
  'gate.requested',
  'gate.decided',
  'feedback.status',
])

export function defaultChoice(kind: AttentionKind): DeliveryChoice {
  return EMAIL_BY_DEFAULT.has(kind) ? 'email' : 'in_app'
}

/** Each kind's choice for these users: their saved one, or the default. */
export async function preferencesOf(db: Executor, userIds: readonly string[]) {
  const rows = userIds.length
    ? await db
        .selectFrom('notification_preferences')
        .select(['user_id', 'kind', 'channel'])
        .where('user_id', 'in', userIds)
        .execute()
    : []
  const saved = new Map(rows.map((row) => [`${row.user_id} ${row.kind}`, row.channel]))
  return (userId: string, kind: AttentionKind): DeliveryChoice =>
    saved.get(`${userId} ${kind}`) ?? defaultChoice(kind)
}

export async function listPreferences(db: Executor, userId: string) {
  const choiceOf = await preferencesOf(db, [userId])
  return ATTENTION_KINDS.map((kind) => ({ kind, channel: choiceOf(userId, kind) }))
}

export async function savePreferences(
  db: Database,
  user: AuthUser,
  choices: readonly { kind: AttentionKind; channel: DeliveryChoice }[],
) {
  await db.transaction().execute(async (trx) => {
    const before = await listPreferences(trx, user.id)
    for (const choice of choices)
      await trx
        .insertInto('notification_preferences')
        .values({ user_id: user.id, kind: choice.kind, channel: choice.channel })
        .onConflict((oc) =>
          oc.columns(['user_id', 'kind']).doUpdateSet({ channel: choice.channel, updated_at: new Date() }),
        )
        .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'notification-preferences.update',
      entityType: 'user',
      entityId: user.id,
      before: Object.fromEntries(before.map((p) => [p.kind, p.channel])),
      after: Object.fromEntries(choices.map((p) => [p.kind, p.channel])),
    })
  })
}

/** The signed unsubscribe link: email about this kind stops (in-app stays); audited as the user's own change. */
export async function unsubscribe(db: Database, userId: string, kind: AttentionKind) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return false
  await savePreferences(db, user, [{ kind, channel: 'in_app' }])
  return true
}

/** A program's Teams and Slack incoming webhooks (program-wide events). */
export function getProgramWebhooks(db: Executor, programId: string) {
  return db
    .selectFrom('program_webhooks')
    .select(['teams_url', 'slack_url'])
    .where('program_id', '=', programId)
    .executeTakeFirst()
}

export async function saveProgramWebhooks(
  db: Database,
  admin: AuthUser,
  programId: string,
  input: { teams_url?: string | null; slack_url?: string | null },
) {
  const values = { teams_url: input.teams_url ?? null, slack_url: input.slack_url ?? null }
  await db.transaction().execute(async (trx) => {
    const before = await getProgramWebhooks(trx, programId)
    // Saving what is already there changes nothing, so it writes nothing (and audits nothing).
    const same =
      (before?.teams_url ?? null) === values.teams_url && (before?.slack_url ?? null) === values.slack_url
    if (same) return
    await trx
      .insertInto('program_webhooks')
      .values({ program_id: programId, ...values, updated_by: admin.id })
      .onConflict((oc) =>
        oc.column('program_id').doUpdateSet({ ...values, updated_by: admin.id, updated_at: new Date() }),
      )
      .execute()
    // The URLs are secrets of a kind (anyone holding one can post): the audit says which changed, not what to.
    await audit(trx, {
      actor: actorOf(admin),
      action: 'program.webhooks',
      entityType: 'program',
      entityId: programId,
      before: { teams: Boolean(before?.teams_url), slack: Boolean(before?.slack_url) },
      after: { teams: Boolean(values.teams_url), slack: Boolean(values.slack_url) },
    })
  })
}
