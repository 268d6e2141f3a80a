import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { validateSession } from '~/auth/lucia.server'
import { renderReportPdf } from '~/models/attention/report-pdf.server'
import { reportPeriod, subscribeReport } from '~/models/attention/reports.server'
import { runSchedule } from '~/models/attention/scheduler.server'
import { saveNotificationSettings } from '~/models/attention/settings.server'
import { deliverDue, postJson, smtpTransport } from '~/models/attention/worker.server'
import { DomainError } from '~/utils/domain-error'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'
import { startSmtp, type TestSmtp } from '#tests/support/mail'

// Scheduled reports: a sponsor's subscriptions are queued once per period on their day and hour (the
// program's zone, UTC here), and sent through a real SMTP server with the PDF attached. The PDF is
// printed by real Chromium from the report page, signed in as the subscriber through a session made
// for the print (a local HTTP server stands in for the report page and checks that session).

let smtp: TestSmtp
let sponsor: Awaited<ReturnType<typeof createUser>>
let programId: string
const at = (iso: string) => new Date(`${iso}Z`)

beforeAll(async () => {
  smtp = await startSmtp()
  programId = (await createProgram({ reporting_timezone: 'UTC', name: 'Sales digital' })).id
  sponsor = await createUser({ role: 'sponsor' })
  await saveNotificationSettings(db, sponsor, {
    digest: 'off',
    digest_hour: 8,
    quiet_from: null,
    quiet_to: null,
  })
})
afterAll(async () => smtp?.close())

describe('scheduled reports', () => {
  test('the period each frequency is due for (worked out on a calendar)', () => {
    // 2027-01-01 is a Friday: the monthly report for December from 08:00; not a Monday, so no weekly.
    expect(reportPeriod('monthly', 8, { date: '2027-01-01', hour: 7 })).toBeNull()
    expect(reportPeriod('monthly', 8, { date: '2027-01-01', hour: 8 })).toEqual({
      key: '2027-01',
      period: '2026-12',
    })
    expect(reportPeriod('weekly', 8, { date: '2027-01-01', hour: 9 })).toBeNull()
    // Monday 2026-12-28: the weekly one covers December so far; Monday 2027-01-04 covers January 1–3.
    expect(reportPeriod('weekly', 8, { date: '2026-12-28', hour: 9 })).toEqual({
      key: 'W2026-12-28',
      period: '2026-12',
    })
    expect(reportPeriod('weekly', 8, { date: '2027-01-04', hour: 9 })).toEqual({
      key: 'W2027-01-04',
      period: '2027-01',
    })
    expect(reportPeriod('monthly', 8, { date: '2026-12-28', hour: 9 })).toBeNull()
  })

  test('a sponsor’s subscriptions are queued once per period and mailed with the PDF', async () => {
    await subscribeReport(db, sponsor, { report: 'board_pack', frequency: 'monthly', programId })
    await subscribeReport(db, sponsor, { report: 'period_report', frequency: 'weekly', programId })
    const viewer = await createUser({ role: 'eet_member' })
    await expect(
      subscribeReport(db, viewer, { report: 'board_pack', frequency: 'monthly', programId }),
    ).rejects.toThrow(DomainError)

    expect((await runSchedule(db, { now: at('2026-12-28T07:00:00') }))?.reports).toBe(0)
    expect((await runSchedule(db, { now: at('2026-12-28T09:00:00') }))?.reports).toBe(1)
    expect((await runSchedule(db, { now: at('2026-12-28T15:00:00') }))?.reports).toBe(0)
    expect((await runSchedule(db, { now: at('2027-01-01T08:30:00') }))?.reports).toBe(1)
    const queued = await db
      .selectFrom('outbox_messages')
      .select(['kind', 'subject', 'attachment'])
      .where('user_id', '=', sponsor.id)
      .orderBy('created_at')
      .execute()
    expect(queued.map((row) => [row.kind, row.subject, row.attachment?.period])).toEqual([
      ['report.period_report', '[Tenfold] Period report: Sales digital, 2026-12', '2026-12'],
      ['report.board_pack', '[Tenfold] Board pack: Sales digital, 2026-12', '2026-12'],
    ])

    const rendered: string[] = []
    const outcome = await deliverDue(db, {
      now: at('2027-01-01T09:00:00'),
      transports: {
        email: smtpTransport(smtp.url, 'Tenfold <tenfold@example.test>'),
        post: postJson,
        render: async (attachment) => {
          rendered.push(`${attachment.report} ${attachment.period} ${attachment.userId === sponsor.id}`)
          return {
            filename: `${attachment.report}.pdf`,
            content: Buffer.from('%PDF-1.4 test'),
            contentType: 'application/pdf',
          }
        },
      },
    })
    expect(outcome.sent).toBe(2)
    expect(rendered.sort()).toEqual(['board_pack 2026-12 true', 'period_report 2026-12 true'])
    const attached = smtp.mails.flatMap((mail) =>
      mail.attachments.map((file) => [file.filename, file.contentType]),
    )
    expect(attached.sort()).toEqual([
      ['board_pack.pdf', 'application/pdf'],
      ['period_report.pdf', 'application/pdf'],
    ])
  })

  test('the PDF is the report page printed by Chromium as the subscriber, whose print session then ends', async () => {
    const seen: { path: string; user: string | null }[] = []
    const server = http.createServer((request, response) => {
      const cookie = /tenfold_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? null
      void (async () => {
        const session = cookie ? await validateSession(cookie) : null
        seen.push({ path: request.url ?? '', user: session?.user.id ?? null })
        response.writeHead(session ? 200 : 401, { 'Content-Type': 'text/html' })
        response.end('<!doctype html><html><body><h1>Board pack</h1></body></html>')
      })()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const file = await renderReportPdf(
        { report: 'board_pack', programId, period: '2026-12', locale: 'zh-TW', userId: sponsor.id },
        { base },
      )
      expect(file.filename).toBe('board-pack-2026-12.pdf')
      expect(file.content.subarray(0, 5).toString()).toBe('%PDF-')
      expect(seen[0]).toEqual({
        path: `/portfolio/board-pack?program=${programId}&period=2026-12&lang=zh-TW`,
        user: sponsor.id,
      })
      const sessions = await db
        .selectFrom('user_sessions')
        .select('id_hash')
        .where('user_id', '=', sponsor.id)
        .execute()
      expect(sessions).toEqual([])
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
