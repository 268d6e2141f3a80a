import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { isLocale, DEFAULT_LOCALE, type Locale } from '~/i18n/locales'
import type { Executor } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { attentionItems, type AttentionGroup } from './conditions.server'
import type { AttentionItem, AttentionKind } from './kinds'
import { chatText, renderEmail, slackBlocks, teamsCard } from './message'
import { notify } from './notification.server'
import { preferencesOf } from './preferences.server'
import { afterQuietHours } from './schedule'
import { settingsOf } from './settings.server'
import type { OutboxChannel, ReportAttachment } from './tables'

// The outbox: a change that makes a condition true calls announce() in its own transaction, so the
// messages about it commit with it or not at all. Each message has an idempotency key (the
// condition's key, the channel, the recipient): announcing twice enqueues once, and the worker
// (worker.server.ts) delivers each row once.

const secret = env().SESSION_SECRET ?? randomBytes(32).toString('hex')

export function origin() {
  return env().APP_ORIGIN ? new URL(env().APP_ORIGIN!).origin : `http://${env().HOST}:${env().PORT}`
}

/** The unsubscribe link's token: the user and the kind, signed (no table to look up). */
export function unsubscribeToken(userId: string, kind: string) {
  const mac = createHmac('sha256', secret).update(`${userId}:${kind}`).digest('base64url')
  return `${Buffer.from(`${userId}:${kind}`).toString('base64url')}.${mac}`
}

export function readUnsubscribeToken(token: string): { userId: string; kind: string } | null {
  const [body, mac] = token.split('.')
  if (!body || !mac) return null
  const [userId, kind] = Buffer.from(body, 'base64url').toString().split(':') as [string, string]
  const expected = unsubscribeToken(userId, kind).split('.')[1]!
  const given = Buffer.from(mac)
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected))
    ? { userId, kind }
    : null
}

export type OutboxInput = {
  key: string
  channel: OutboxChannel
  kind: string
  userId?: string | null
  programId?: string | null
  address: string
  subject?: string
  text?: string
  html?: string
  payload?: Record<string, unknown>
  /** Not delivered before this moment (quiet hours); now by default. */
  notBefore?: Date
  attachment?: ReportAttachment
}

/** Adds messages; a key already in the outbox is skipped. Returns how many were added. */
export async function enqueue(trx: Executor, messages: readonly OutboxInput[]) {
  if (!messages.length) return 0
  const result = await trx
    .insertInto('outbox_messages')
    .values(
      messages.map((m) => ({
        idempotency_key: m.key,
        channel: m.channel,
        kind: m.kind,
        user_id: m.userId ?? null,
        program_id: m.programId ?? null,
        address: m.address,
        subject: m.subject ?? '',
        body_text: m.text ?? '',
        body_html: m.html ?? '',
        payload: JSON.stringify(m.payload ?? {}),
        attachment: m.attachment ? JSON.stringify(m.attachment) : null,
        ...(m.notBefore ? { next_attempt_at: m.notBefore } : {}),
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** Email and chat messages for these items (already decided to be announced now). */
export async function messagesFor(
  trx: Executor,
  items: readonly AttentionItem[],
  options: { now: Date; programWide?: boolean; tag?: string; prefix?: (locale: Locale) => string },
) {
  if (!items.length) return []
  const userIds = [...new Set(items.map((item) => item.userId))]
  const [users, choiceOf, programs, settingOf] = await Promise.all([
    trx
      .selectFrom('users')
      .select(['id', 'email', 'locale'])
      .where('id', 'in', userIds)
      .where('disabled_at', 'is', null)
      .execute(),
    preferencesOf(trx, userIds),
    trx
      .selectFrom('programs')
      .leftJoin('program_webhooks as w', 'w.program_id', 'programs.id')
      .select(['programs.id', 'programs.reporting_timezone', 'w.teams_url', 'w.slack_url'])
      .execute(),
    settingsOf(trx, userIds),
  ])
  const userOf = new Map(users.map((user) => [user.id, user]))
  const programOf = new Map(programs.map((program) => [program.id, program]))
  const tag = options.tag ? `:${options.tag}` : ''
  const messages: OutboxInput[] = []
  const chatted = new Set<string>()
  for (const item of items) {
    const user = userOf.get(item.userId)
    const program = item.programId ? programOf.get(item.programId) : undefined
    const url = `${origin()}${item.link}`
    if (user && choiceOf(user.id, item.kind) === 'email') {
      const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE
      const zone = program?.reporting_timezone ?? 'UTC'
      const settings = settingOf(user.id)
      const mail = renderEmail({
        locale,
        item,
        url,
        unsubscribeUrl: `${origin()}/unsubscribe/${unsubscribeToken(user.id, item.kind)}`,
        zone,
        at: options.now,
        prefix: options.prefix?.(locale),
      })
      messages.push({
        key: `${item.key}${tag}:email:${user.id}`,
        channel: 'email',
        kind: item.kind,
        userId: user.id,
        programId: item.programId,
        address: user.email,
        notBefore: afterQuietHours(zone, options.now, {
          from: settings.quiet_from,
          to: settings.quiet_to,
        }),
        ...mail,
      })
    }
    if (options.programWide && program && !chatted.has(item.key)) {
      chatted.add(item.key)
      const text = chatText(item)
      if (program.teams_url)
        messages.push({
          key: `${item.key}${tag}:teams:${program.id}`,
          channel: 'teams',
          kind: item.kind,
          programId: program.id,
          address: program.teams_url,
          notBefore: options.now,
          payload: teamsCard(text, url),
        })
      if (program.slack_url)
        messages.push({
          key: `${item.key}${tag}:slack:${program.id}`,
          channel: 'slack',
          kind: item.kind,
          programId: program.id,
          address: program.slack_url,
          notBefore: options.now,
          payload: slackBlocks(text, url),
        })
    }
  }
  return messages
}

/**
 * Announces the conditions with these keys (just made true by the caller's change, in its transaction):
 * an in-app notification for each person concerned (unless they turned the kind off), an email for
 * those who chose email, and, for program-wide events, the program's Teams and Slack channels.
 */
export async function announce(
  trx: Executor,
  keys: readonly string[],
  options: { groups: readonly AttentionGroup[]; programWide?: boolean; inApp?: boolean; now?: Date },
) {
  const now = options.now ?? new Date()
  const wanted = new Set(keys)
  const items = (await attentionItems(trx, now, { groups: options.groups })).filter((item) =>
    wanted.has(item.key),
  )
  // The scheduler announces what it has not seen yet: what is announced here, it has.
  await recordSightings(trx, items, now)
  if (options.inApp !== false) {
    const choiceOf = await preferencesOf(
      trx,
      items.map((item) => item.userId),
    )
    await notify(
      trx,
      items
        .filter((item) => choiceOf(item.userId, item.kind as AttentionKind) !== 'off')
        .map((item) => ({
          userId: item.userId,
          kind: `attention.${item.kind}`,
          payload: { vars: item.vars },
          link: item.link,
          entityType: 'attention_item',
          entityId: item.key,
        })),
    )
  }
  return enqueue(trx, await messagesFor(trx, items, { now, programWide: options.programWide }))
}

/** Marks these items as announced to their people; returns those not announced before. */
export async function recordSightings(trx: Executor, items: readonly AttentionItem[], now: Date) {
  const unique = new Map(items.map((item) => [`${item.userId} ${item.key}`, item]))
  const fresh = new Set<string>()
  const rows = [...unique.values()]
  for (let start = 0; start < rows.length; start += 500) {
    const inserted = await trx
      .insertInto('attention_sightings')
      .values(
        rows.slice(start, start + 500).map((item) => ({
          user_id: item.userId,
          item_key: item.key,
          kind: item.kind,
          first_seen_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'item_key']).doNothing())
      .returning(['user_id', 'item_key'])
      .execute()
    for (const row of inserted) fresh.add(`${row.user_id} ${row.item_key}`)
  }
  return [...unique.entries()].filter(([id]) => fresh.has(id)).map(([, item]) => item)
}
