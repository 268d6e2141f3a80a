import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decideCase, submitCase } from '~/models/accountability/business-case.server'
import { decideGate, requestGate } from '~/models/accountability/gate.server'
import { announce } from '~/models/attention/outbox.server'
import { savePreferences } from '~/models/attention/preferences.server'
import {
  deliverDue,
  listOutbox,
  MAX_ATTEMPTS,
  postJson,
  retryDead,
  smtpTransport,
  type Transports,
} from '~/models/attention/worker.server'
import { triageFeedback } from '~/models/eet/feedback.server'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { startReceiver, startSmtp, type TestReceiver, type TestSmtp } from '#tests/support/mail'

// Delivery end to end: the models' changes enqueue in their transactions, the worker delivers through a
// real SMTP server and a webhook receiver on 127.0.0.1. Each condition gives exactly one message per
// recipient and channel, in the recipient's language; a second round, a second announcement or a
// failing receiver never doubles one.

let smtp: TestSmtp
let receiver: TestReceiver
let transports: Transports
type User = Awaited<ReturnType<typeof createUser>>
let admin: User, lead: User, sponsor: User, rep: User
let initiative: Awaited<ReturnType<typeof createInitiative>>

const mailsTo = (user: User) =>
  smtp.mails.filter((mail) => mail.to && 'text' in mail.to && mail.to.text.includes(user.email))
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

beforeAll(async () => {
  ;[smtp, receiver] = await Promise.all([startSmtp(), startReceiver()])
  transports = { email: smtpTransport(smtp.url, 'Tenfold <tenfold@example.test>'), post: postJson }
  const program = await createProgram({ reporting_timezone: 'Asia/Taipei' })
  ;[admin, lead, sponsor, rep] = await Promise.all([
    createUser({ role: 'admin' }),
    createUser({ role: 'lead' }),
    createUser({ role: 'sponsor' }),
    createUser({ role: 'eet_member' }),
  ])
  await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', 'in', [lead.id, rep.id]).execute()
  await db.updateTable('users').set({ locale: 'en' }).where('id', '=', sponsor.id).execute()
  initiative = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  await db
    .insertInto('program_webhooks')
    .values({
      program_id: program.id,
      teams_url: `${receiver.url}/teams`,
      slack_url: `${receiver.url}/slack`,
    })
    .execute()
})

afterAll(async () => {
  await Promise.all([smtp?.close(), receiver?.close()])
})

describe('one message per recipient and channel', () => {
  test('case, gate and feedback events reach their people by email and the program by Teams and Slack', async () => {
    await db
      .insertInto('business_cases')
      .values({ initiative_id: initiative.id, version: 1, author_id: lead.id })
      .execute()
    const submitted = await submitCase(db, lead, initiative.id)
    await decideCase(db, sponsor, initiative, 'approved', 'Go ahead')
    const gate = await requestGate(
      db,
      lead,
      gateInitiative(initiative),
      { criteria: [], notes: {}, request_note: 'Ready' },
      '2026-12-04',
    )
    await decideGate(
      db,
      sponsor,
      gateInitiative(initiative),
      {
        gate_id: gate.id,
        decision: 'approved',
        decision_date: '2026-12-04',
        override_reason: 'Judged by the sponsor',
        decision_notes: '',
      },
      '2026-12-04',
    )
    const feedback = await db
      .insertInto('pilot_feedback')
      .values({
        initiative_id: initiative.id,
        submitter_id: rep.id,
        release: '1.0',
        kind: 'idea',
        usefulness: 4,
        ease: 4,
        recommend: 9,
        title: 'Explain each call',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await triageFeedback(db, lead, initiative.id, feedback.id, { status: 'under_review', note: '' } as never)

    expect(await deliverDue(db, { transports })).toEqual({ sent: 9, kept: 0, retried: 0, dead: 0 })
    // A second round and a second announcement of the same condition add nothing.
    expect(await deliverDue(db, { transports, now: later(10) })).toEqual({
      sent: 0,
      kept: 0,
      retried: 0,
      dead: 0,
    })
    expect(await announce(db, [`case.submitted:${submitted.id}`], { groups: ['accountability'] })).toBe(0)

    // The sponsor (English): the case to decide and the gate to decide.
    expect(
      mailsTo(sponsor)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual([
      `[Tenfold] ${initiative.name} asks to pass the gate from Frame to Design.`,
      `[Tenfold] The business case of ${initiative.name} (version 1) awaits your decision.`,
    ])
    // The lead (Traditional Chinese): both decisions. The rep: the status change.
    expect(
      mailsTo(lead)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual([
      `[Tenfold] 「${initiative.name}」從「界定問題」進入「設計模型」的階段關卡已有決定：已核准。`,
      `[Tenfold] 「${initiative.name}」的提案理由說明書已有決定：已核准。`,
    ])
    expect(mailsTo(rep).map((mail) => mail.subject)).toEqual([
      `[Tenfold] 您的回饋「Explain each call」（${initiative.name}）狀態已變更為「審查中」。`,
    ])
    expect(smtp.mails).toHaveLength(5)
    const mail = mailsTo(lead)[0]!
    expect(mail.html).toContain('/unsubscribe/')
    expect(mail.text).toContain('Asia/Taipei')
    expect(mail.text).toContain(`/initiatives/${initiative.id}/`)
    // Program-wide: the case approved and the gate decided, once each per channel.
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack', '/slack', '/teams', '/teams'])
    const card = receiver.received.find((r) => r.path === '/teams')!.body as {
      attachments: { contentType: string }[]
    }
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive')
    const slack = receiver.received.find((r) => r.path === '/slack')!.body as { blocks: { type: string }[] }
    expect(slack.blocks.map((block) => block.type)).toEqual(['section', 'actions'])
  })

  test('a preference decides the channel: off or in-app sends no email', async () => {
    await savePreferences(db, sponsor, [{ kind: 'case.submitted', channel: 'in_app' }])
    const before = smtp.mails.length
    await db
      .updateTable('business_cases')
      .set({ status: 'draft' })
      .where('initiative_id', '=', initiative.id)
      .execute()
    await submitCase(db, lead, initiative.id)
    await deliverDue(db, { transports, now: later(20) })
    expect(smtp.mails.length).toBe(before)
    const notices = await db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', sponsor.id)
      .execute()
    expect(notices.map((n) => n.kind)).toContain('attention.case.submitted')
  })

  test('a failing receiver is retried with back-off, then dead-lettered, and an admin retry delivers it once', async () => {
    receiver.received.length = 0
    receiver.failNext(1)
    // The case is submitted (previous test): the sponsor rejects it → no program-wide post. Use the
    // gate instead: request and decide a second gate.
    const gate = await requestGate(
      db,
      lead,
      gateInitiative(initiative),
      { criteria: [], notes: {}, request_note: '' },
      '2026-12-04',
    )
    await decideGate(
      db,
      sponsor,
      gateInitiative(initiative),
      {
        gate_id: gate.id,
        decision: 'rejected',
        decision_date: '2026-12-04',
        override_reason: 'Judged by the sponsor',
        decision_notes: '',
      },
      '2026-12-04',
    )
    let now = later(30)
    const first = await deliverDue(db, { transports, now })
    expect(first.retried).toBe(1) // the first post (Teams or Slack) failed once
    // Not due again before its back-off (30 s after the first attempt) has passed.
    expect(await deliverDue(db, { transports, now: new Date(now.getTime() + 10_000) })).toMatchObject({
      sent: 0,
    })
    expect(await deliverDue(db, { transports, now: new Date(now.getTime() + 31_000) })).toMatchObject({
      sent: 1,
    })
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack', '/teams'])

    // A receiver that always fails: MAX_ATTEMPTS attempts, then dead.
    receiver.received.length = 0
    receiver.failNext(1000)
    const third = await requestGate(
      db,
      lead,
      gateInitiative(initiative),
      { criteria: [], notes: {}, request_note: '' },
      '2026-12-04',
    )
    await decideGate(
      db,
      sponsor,
      gateInitiative(initiative),
      {
        gate_id: third.id,
        decision: 'rejected',
        decision_date: '2026-12-04',
        override_reason: 'Judged by the sponsor',
        decision_notes: '',
      },
      '2026-12-04',
    )
    now = later(60)
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await deliverDue(db, { transports, now })
      now = new Date(now.getTime() + 60 * 60_000)
    }
    const dead = await listOutbox(db, { status: 'dead' })
    expect(dead).toHaveLength(2)
    receiver.failNext(0)
    for (const message of dead) await retryDead(db, admin, message.id)
    expect(await deliverDue(db, { transports, now })).toMatchObject({ sent: 2 })
    expect(receiver.received).toHaveLength(2)
    expect(await listOutbox(db, { status: 'dead' })).toEqual([])
  })
})

/** The initiative as the gate models take it (the routes add the lead's and sponsor's names). */
function gateInitiative<T extends { id: string; program_id: string }>(initiative: T) {
  return { lead_id: null, sponsor_id: null, ...initiative, lead_name: null, sponsor_name: null }
}
