import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ATTENTION_KINDS } from '~/models/attention/kinds'
import { savePreferences } from '~/models/attention/preferences.server'
import { runSchedule } from '~/models/attention/scheduler.server'
import { saveNotificationSettings, type NotificationSettings } from '~/models/attention/settings.server'
import { deliverDue, postJson, smtpTransport, type Transports } from '~/models/attention/worker.server'
import { recordMeasurements, writerForUser } from '~/models/kpi/measurement.server'
import { saveHealthOverrides } from '~/models/sponsor/health-settings.server'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { startReceiver, startSmtp, type TestReceiver, type TestSmtp } from '#tests/support/mail'

// The scheduler on a controlled clock (the program reports in UTC), through a real SMTP server and a
// webhook receiver on 127.0.0.1. Conditions no change announces (a KPI stale or due, a phase at 80 %,
// a sprint ending, feedback waiting, a member inactive, a failure mode, a review due) arise in a round
// and give one message per recipient and channel, however many rounds and runners follow; reminders
// come at their stages, digests once per period from their hour and never in quiet hours, and an
// item ignored after two reminders is in the sponsor's weekly brief. The dates below are worked out
// by hand in the comments.

let smtp: TestSmtp
let receiver: TestReceiver
let transports: Transports
type User = Awaited<ReturnType<typeof createUser>>
let admin: User, lead: User, sponsor: User, rep: User, idleRep: User
let programId: string

const at = (iso: string) => new Date(`${iso}Z`)
const NOW = at('2026-12-10T12:00:00') // a Thursday
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000)
const mailsTo = (user: User) =>
  smtp.mails.filter((mail) => mail.to && 'text' in mail.to && mail.to.text.includes(user.email))
const deliver = (now: Date) => deliverDue(db, { transports, now, batch: 200 })
const settings = (user: User, values: Partial<NotificationSettings>) =>
  saveNotificationSettings(db, user, {
    digest: 'off',
    digest_hour: 8,
    quiet_from: null,
    quiet_to: null,
    ...values,
  })
async function outboxKinds(user: User, like = '%') {
  const rows = await db
    .selectFrom('outbox_messages')
    .select('kind')
    .where('user_id', '=', user.id)
    .where('idempotency_key', 'like', like)
    .orderBy('kind')
    .execute()
  return rows.map((row) => row.kind)
}

beforeAll(async () => {
  ;[smtp, receiver] = await Promise.all([startSmtp(), startReceiver()])
  transports = { email: smtpTransport(smtp.url, 'Tenfold <tenfold@example.test>'), post: postJson }
  programId = (await createProgram({ reporting_timezone: 'UTC' })).id
  ;[admin, lead, sponsor, rep, idleRep] = await Promise.all([
    createUser({ role: 'admin' }),
    createUser({ role: 'lead', name: 'Lena Lead' }),
    createUser({ role: 'sponsor' }),
    createUser({ role: 'eet_member' }),
    createUser({ role: 'eet_member' }),
  ])
  await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', lead.id).execute()
  await db.updateTable('users').set({ locale: 'en' }).where('id', '=', sponsor.id).execute()
  for (const user of [lead, sponsor]) {
    await savePreferences(
      db,
      user,
      ATTENTION_KINDS.map((kind) => ({ kind, channel: 'email' as const })),
    )
    await settings(user, { digest: 'off' })
  }
  // Bands at 100: the initiative's scored failure modes are red for its sponsor.
  await saveHealthOverrides(db, admin, programId, { inputs: {}, bands: { green: 100, amber: 100 } })
  const initiative = await createInitiative({
    programId,
    leadId: lead.id,
    sponsorId: sponsor.id,
    stage: 'design',
  })
  await db
    .insertInto('program_webhooks')
    .values({ program_id: programId, teams_url: `${receiver.url}/teams`, slack_url: `${receiver.url}/slack` })
    .execute()
  // A review the lead owns, due 2026-12-13: shows from 12-06, 3 days to go on 12-10 (the 7-day stage).
  await db
    .insertInto('governance_reviews')
    .values({
      overlap_kind: 'kpi',
      subject: 'Shared adoption KPI',
      initiative_ids: [initiative.id],
      action: 'share',
      decision: 'Share one KPI',
      owner_id: lead.id,
      due_date: '2026-12-13',
      created_by: lead.id,
    })
    .execute()
  // A weekly KPI last measured for the week ending 11-01: stale after 11-11 (11-08 + 3 grace days).
  // A monthly KPI measured for October: its check-in is due from 11-30, stale only after
  // 11-30 + 22 = 12-22, so the check-in is due on 12-22 (7 days before: 12-15; 1 day: 12-21).
  const kpis = await db
    .insertInto('kpis')
    .values(
      (['weekly', 'monthly'] as const).map((cadence) => ({
        program_id: programId,
        initiative_id: initiative.id,
        key: `kpi-${cadence}`,
        name_en: cadence === 'weekly' ? 'Customers contacted' : 'Pipeline reviewed',
        name_zh_tw: cadence === 'weekly' ? '聯繫的客戶數' : '檢視的商機',
        kind: 'leading' as const,
        category: 'adoption' as const,
        direction: 'higher' as const,
        cadence,
        owner_id: lead.id,
        grace_days: cadence === 'weekly' ? 3 : 22,
      })),
    )
    .returning(['id', 'key', 'cadence'])
    .execute()
  await recordMeasurements(
    db,
    writerForUser(lead, 'form'),
    kpis.map((kpi) => ({
      kpi: { ...kpi, rollup: 'none' as const },
      period_end: kpi.cadence === 'weekly' ? '2026-11-01' : '2026-10-31',
      value: 10,
    })),
  )
  // Feedback new for seven days (more than 5): triage waits. Two members since 11-10; one gave that
  // feedback, the other nothing in 14 days: inactive.
  await db
    .insertInto('pilot_feedback')
    .values({
      initiative_id: initiative.id,
      submitter_id: rep.id,
      release: '1.0',
      kind: 'idea',
      usefulness: 4,
      ease: 4,
      recommend: 8,
      title: 'Explain each call',
      created_at: daysAgo(7),
    })
    .execute()
  for (const user of [rep, idleRep]) {
    const seller = await db
      .insertInto('sellers')
      .values({
        seller_id: user.id.slice(0, 8),
        name: `Rep ${user.id.slice(0, 4)}`,
        region: 'N',
        segment: 'SMB',
        team: 'T',
        role: 'AE',
        user_id: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('eet_members')
      .values({ initiative_id: initiative.id, seller_id: seller.id, joined_on: '2026-11-10' })
      .execute()
  }
  // A sprint ending tomorrow; one closed three days ago with 3 committed points slipped.
  await db
    .insertInto('sprints')
    .values([
      {
        initiative_id: initiative.id,
        number: 2,
        start_date: '2026-11-28',
        end_date: '2026-12-11',
        status: 'active',
      },
      {
        initiative_id: initiative.id,
        number: 1,
        start_date: '2026-11-14',
        end_date: '2026-11-27',
        status: 'closed',
        closed_at: daysAgo(3),
        snapshot: JSON.stringify({
          figures: { committed: 10, completedCommitted: 6, cancelledCommitted: 1 },
          burndown: {},
          carriedTo: null,
        }),
      },
    ])
    .execute()
  // A design phase of 10 working days from Monday 11-30: 9 used on 12-10 (90 %, the 80 % warning).
  const cycle = await db
    .insertInto('delivery_cycles')
    .values({ initiative_id: initiative.id, number: 1, started_on: '2026-11-20' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('delivery_phases')
    .values([
      {
        cycle_id: cycle.id,
        phase: 'frame',
        budget: 10,
        started_on: '2026-11-20',
        closed_on: '2026-11-30',
        outcome: 'Framed',
      },
      { cycle_id: cycle.id, phase: 'design', budget: 10, started_on: '2026-11-30' },
    ])
    .execute()
})

afterAll(async () => {
  await Promise.all([smtp?.close(), receiver?.close()])
})

describe('the scheduler', () => {
  test('each condition that arises gives one message per recipient and channel, whatever the rounds and runners', async () => {
    // Two runners at once: one takes the advisory lock, the other skips (or, on the one PGlite
    // connection, finds everything already announced).
    const [first, second] = await Promise.all([runSchedule(db, { now: NOW }), runSchedule(db, { now: NOW })])
    const arisen = (first?.arisen ?? 0) + (second?.arisen ?? 0)
    expect(await outboxKinds(lead)).toEqual([
      'cycle.phase_warning',
      'eet.inactive',
      'feedback.untriaged',
      'governance.review_due',
      'kpi.checkin_due',
      'kpi.stale',
      'sprint.ending',
      'sprint.slipped',
    ])
    const sponsorKinds = await outboxKinds(sponsor)
    expect(sponsorKinds.length).toBeGreaterThan(0)
    expect(new Set(sponsorKinds)).toEqual(new Set(['initiative.failure_mode']))
    expect(arisen).toBe(8 + sponsorKinds.length)

    const round = await deliver(NOW)
    // 8 mails to the lead, one per failure mode to the sponsor and to each of Teams and Slack.
    expect(round).toEqual({ sent: 8 + 3 * sponsorKinds.length, kept: 0, retried: 0, dead: 0 })
    expect(mailsTo(lead)).toHaveLength(8)
    // In the lead's language (zh-TW): every subject has Chinese in it; the sponsor's is English.
    for (const mail of mailsTo(lead)) expect(mail.subject).toMatch(/[\u4e00-\u9fff]/)
    for (const mail of mailsTo(sponsor)) expect(mail.subject).not.toMatch(/[\u4e00-\u9fff]/)
    expect(receiver.received.filter((r) => r.path === '/teams')).toHaveLength(sponsorKinds.length)
    expect(receiver.received.filter((r) => r.path === '/slack')).toHaveLength(sponsorKinds.length)
    // In-app: one notification per condition.
    const notices = await db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', lead.id)
      .execute()
    expect(notices).toHaveLength(8)

    // Later rounds find nothing new to announce and send nothing again.
    const again = await runSchedule(db, { now: new Date(NOW.getTime() + 60_000) })
    expect(again?.arisen).toBe(0)
    expect(await deliver(new Date(NOW.getTime() + 120_000))).toEqual({
      sent: 0,
      kept: 0,
      retried: 0,
      dead: 0,
    })
    expect(mailsTo(lead)).toHaveLength(8)
  })

  test('reminders at 1 day, due and overdue, once each; quiet hours hold the mail until they end', async () => {
    await settings(lead, { quiet_from: 20, quiet_to: 7 })
    const reminders = () => outboxKinds(lead, '%:remind-%')
    // 12-12 03:00 is inside the lead's quiet hours: the review's 1-day reminder (due 12-13) is queued
    // for 07:00 and the 03:30 round delivers nothing of it.
    await runSchedule(db, { now: at('2026-12-12T03:00:00') })
    expect(await reminders()).toContain('governance.review_due')
    const before = mailsTo(lead).length
    await deliver(at('2026-12-12T03:30:00'))
    const reminderMails = () => mailsTo(lead).filter((mail) => mail.subject?.includes('提醒'))
    expect(reminderMails().filter((m) => m.subject!.includes('明天到期'))).toHaveLength(0)
    await deliver(at('2026-12-12T07:01:00'))
    expect(
      reminderMails()
        .filter((m) => m.subject!.includes('明天到期'))
        .map((m) => m.subject),
    ).toEqual([expect.stringContaining('Shared adoption KPI')])
    expect(mailsTo(lead).length).toBeGreaterThan(before)
    // The same stage again: nothing. Due (12-13) and overdue (12-14): one each.
    await runSchedule(db, { now: at('2026-12-12T09:00:00') })
    await runSchedule(db, { now: at('2026-12-13T09:00:00') })
    await runSchedule(db, { now: at('2026-12-13T10:00:00') })
    await deliver(at('2026-12-13T10:30:00'))
    await runSchedule(db, { now: at('2026-12-14T09:00:00') })
    await deliver(at('2026-12-14T09:30:00'))
    const reviewReminders = reminderMails().filter((m) => m.subject!.includes('Shared adoption KPI'))
    expect(reviewReminders.map((m) => m.subject!.split(' ')[1])).toEqual([
      '提醒：明天到期。',
      '提醒：今天到期。',
      '提醒：已逾期。',
    ])
  })

  test('a daily digest once a day from its hour, none in quiet hours; the sponsor’s weekly brief lists what was ignored after two reminders', async () => {
    // The monthly KPI's check-in (due 12-22): the 7-day reminder on 12-15 and the 1-day one on 12-21.
    await runSchedule(db, { now: at('2026-12-15T09:00:00') })
    await settings(lead, { digest: 'daily', digest_hour: 8, quiet_from: 20, quiet_to: 7 })
    const digests = async (user: User) =>
      await db
        .selectFrom('outbox_messages')
        .select(['idempotency_key', 'subject', 'body_text'])
        .where('user_id', '=', user.id)
        .where('kind', '=', 'digest')
        .orderBy('created_at')
        .execute()
    // 12-16 07:30 is before 08:00; 06:00 is in quiet hours: no digest.
    await runSchedule(db, { now: at('2026-12-16T06:00:00') })
    await runSchedule(db, { now: at('2026-12-16T07:30:00') })
    expect(await digests(lead)).toEqual([])
    await runSchedule(db, { now: at('2026-12-16T08:05:00') })
    await runSchedule(db, { now: at('2026-12-16T17:00:00') })
    expect((await digests(lead)).map((d) => d.idempotency_key)).toEqual([
      `digest:2026-12-16:email:${lead.id}`,
    ])
    expect((await digests(lead))[0]!.subject).toMatch(/^\[Tenfold\] 今日有 \d+ 項事項待您處理$/)
    // A daily digest with its hour inside quiet hours goes when they end.
    await settings(lead, { digest: 'daily', digest_hour: 5, quiet_from: 20, quiet_to: 7 })
    await runSchedule(db, { now: at('2026-12-17T05:30:00') })
    expect(await digests(lead)).toHaveLength(1)
    await runSchedule(db, { now: at('2026-12-17T07:00:00') })
    expect(await digests(lead)).toHaveLength(2)

    // Monday 12-21: the 1-day reminder at 07:00 is the second; the sponsor's brief from 08:00 lists it.
    await settings(sponsor, { digest: 'weekly', digest_hour: 8 })
    await runSchedule(db, { now: at('2026-12-21T07:00:00') })
    expect(await digests(sponsor)).toEqual([])
    await runSchedule(db, { now: at('2026-12-21T09:00:00') })
    const [brief] = await digests(sponsor)
    expect(brief!.idempotency_key).toBe(`digest:W2026-12-21:email:${sponsor.id}`)
    expect(brief!.subject).toMatch(/^\[Tenfold\] Weekly brief: \d+ items? needs? you, 1 ignored item$/)
    expect(brief!.body_text).toContain('Still not acted on after two reminders')
    expect(brief!.body_text).toContain('Lena Lead: ')
    expect(brief!.body_text).toContain('Pipeline reviewed')
    expect(brief!.body_text).toContain('(2 reminders)')
    // Later that week, no second brief.
    await runSchedule(db, { now: at('2026-12-23T09:00:00') })
    expect(await digests(sponsor)).toHaveLength(1)
  })
})
