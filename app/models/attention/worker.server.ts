import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import nodemailer from 'nodemailer'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { env } from '~/utils/env.server'
import { actorOf, audit } from '../foundation/audit.server'
import { renderReportPdf, type RenderedFile } from './report-pdf.server'
import type { OutboxMessagesTable, ReportAttachment } from './tables'
import type { Selectable } from 'kysely'

// The delivery worker. A round claims due messages with `for update skip locked` (several app servers
// on one PostgreSQL database never claim the same row; PGlite has one process), each claim a lease:
// a worker killed mid-delivery leaves its rows claimed until the lease ends, then another round takes
// them again. A message is marked sent only after its channel accepted it, and only by the claim that
// sent it. A failure retries with exponential back-off; after MAX_ATTEMPTS the message is dead, listed
// for admins to retry. Email carries a Message-ID derived from its idempotency key, so the rare resend
// after a crash between acceptance and the mark is recognisable as the same message downstream.

export const MAX_ATTEMPTS = 6
export const BASE_BACKOFF_MS = 30_000
export const LEASE_MS = 120_000

type Message = Selectable<OutboxMessagesTable>
export type Transports = {
  /** Sends one email; undefined: no SMTP server, the mail is kept (shown on /admin/mail). */
  email?: (message: Message, files?: RenderedFile[]) => Promise<void>
  post: (url: string, body: unknown) => Promise<void>
  /** Renders a message's attachment (a report as PDF) as it is sent. */
  render?: (attachment: ReportAttachment) => Promise<RenderedFile>
}

export function messageIdOf(message: Pick<Message, 'idempotency_key'>) {
  return `<${createHash('sha256').update(message.idempotency_key).digest('hex').slice(0, 32)}@tenfold>`
}

export function smtpTransport(url: string, from: string): Transports['email'] {
  const transport = nodemailer.createTransport(url)
  return async (message, files = []) => {
    await transport.sendMail({
      attachments: files.map((file) => ({ ...file })),
      from,
      to: message.address,
      subject: message.subject,
      text: message.body_text,
      html: message.body_html,
      messageId: messageIdOf(message),
    })
  }
}

export async function postJson(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
}

export function defaultTransports(): Transports {
  const { SMTP_URL, MAIL_FROM } = env()
  return {
    email: SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : undefined,
    post: postJson,
    render: (attachment) => renderReportPdf(attachment),
  }
}

/** Claims up to `batch` due messages for `leaseUntil`. */
async function claim(db: Executor, now: Date, leaseUntil: Date, batch: number) {
  const { rows } = await sql<Message>`
    update outbox_messages set claimed_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox_messages
      where status = 'pending' and next_attempt_at <= ${now}
        and (claimed_until is null or claimed_until < ${now})
      order by created_at, id
      limit ${batch}
      for update skip locked
    )
    returning *`.execute(db)
  return rows
}

export function backoffMs(attempts: number) {
  return BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1)
}

/** One delivery round as of `now`: what was sent, kept, retried later, given up. */
export async function deliverDue(
  db: Database,
  {
    now = new Date(),
    transports = defaultTransports(),
    batch = 20,
  }: { now?: Date; transports?: Transports; batch?: number } = {},
) {
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  const claimed = await claim(db, now, leaseUntil, batch)
  const outcome = { sent: 0, kept: 0, retried: 0, dead: 0 }
  for (const message of claimed) {
    // Only the claim that sent it marks it: a round whose lease ran out must not overwrite a newer one.
    const mine = () =>
      db.updateTable('outbox_messages').where('id', '=', message.id).where('claimed_until', '=', leaseUntil)
    try {
      let status: 'sent' | 'kept' = 'sent'
      if (message.channel === 'email') {
        if (!transports.email) status = 'kept'
        else if (message.attachment && transports.render)
          await transports.email(message, [await transports.render(message.attachment)])
        else await transports.email(message)
      } else await transports.post(message.address, message.payload)
      await mine().set({ status, sent_at: new Date(), claimed_until: null, last_error: null }).execute()
      outcome[status]++
    } catch (error) {
      const dead = message.attempts >= MAX_ATTEMPTS
      await mine()
        .set({
          status: dead ? 'dead' : 'pending',
          claimed_until: null,
          next_attempt_at: new Date(now.getTime() + backoffMs(message.attempts)),
          last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
        })
        .execute()
      outcome[dead ? 'dead' : 'retried']++
    }
  }
  return outcome
}

export function listOutbox(db: Executor, filter: { status: 'dead' | 'kept'; limit?: number }) {
  return db
    .selectFrom('outbox_messages')
    .select([
      'id',
      'channel',
      'kind',
      'address',
      'subject',
      'body_text',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
    ])
    .where('status', '=', filter.status)
    .orderBy('created_at', 'desc')
    .limit(filter.limit ?? 200)
    .execute()
}

/** Puts a dead message back in the queue for the next round (an admin's decision, audited). */
export async function retryDead(db: Database, admin: AuthUser, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('outbox_messages')
      .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), claimed_until: null })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .returning(['id', 'idempotency_key', 'last_error'])
      .executeTakeFirst()
    if (!row) throw new DomainError('attention.errors.notDead', { status: 409 })
    await audit(trx, {
      actor: actorOf(admin),
      action: 'outbox.retry',
      entityType: 'outbox_message',
      entityId: row.id,
      before: { status: 'dead', last_error: row.last_error },
      after: { status: 'pending' },
    })
  })
}

/** Counts by status, for the operations page and monitoring. */
export async function outboxCounts(db: Executor) {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<
    Record<string, number>
  >
}
