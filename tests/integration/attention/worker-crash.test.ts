import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { enqueue } from '~/models/attention/outbox.server'
import {
  deliverDue,
  LEASE_MS,
  postJson,
  smtpTransport,
  type Transports,
} from '~/models/attention/worker.server'
import { db } from '~/utils/db.server'
import { startSmtp, type TestSmtp } from '#tests/support/mail'

// Delivery survives a crash and several workers: a worker killed with SIGKILL in the middle of an SMTP
// delivery (PostgreSQL: a real second process) loses no message and sends none twice once another round
// takes its lease over; two workers on one database deliver each message once.

let smtp: TestSmtp
let transports: Transports
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

beforeAll(async () => {
  smtp = await startSmtp()
  transports = { email: smtpTransport(smtp.url, 'Tenfold <tenfold@example.test>'), post: postJson }
})
afterAll(() => smtp?.close())

async function mails(prefix: string, count: number) {
  await enqueue(
    db,
    Array.from({ length: count }, (_, i) => ({
      key: `${prefix}:${i}`,
      channel: 'email' as const,
      kind: 'case.submitted',
      address: `${prefix}-${i}@example.test`,
      subject: `${prefix} ${i}`,
      text: 'body',
    })),
  )
}
const subjectsOf = (prefix: string) =>
  smtp.mails
    .map((mail) => mail.subject ?? '')
    .filter((subject) => subject.startsWith(`${prefix} `))
    .sort()

describe('the delivery worker', () => {
  test.skipIf(!onPostgres)(
    'killed with SIGKILL mid-delivery, it loses none and doubles none',
    async () => {
      await mails('crash', 3)
      smtp.hold(60_000) // the first message's data arrives, its answer never does before the kill
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/outbox-child.ts'], {
        env: { ...process.env, SMTP_URL: smtp.url, LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      })
      await smtp.received()
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      smtp.hold(0)
      // The killed worker's claim holds until its lease ends; no round takes the rows before that.
      expect(await deliverDue(db, { transports })).toMatchObject({ sent: 0 })
      const afterLease = new Date(Date.now() + LEASE_MS + 1_000)
      expect(await deliverDue(db, { transports, now: afterLease })).toMatchObject({ sent: 3 })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(subjectsOf('crash')).toEqual(['crash 0', 'crash 1', 'crash 2'])
    },
    60_000,
  )

  test('two workers on one database deliver each message once', async () => {
    await mails('pair', 12)
    const slow: Transports = {
      post: postJson,
      email: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 10))
        await transports.email!(message)
      },
    }
    const worker = async () => {
      let total = 0
      for (;;) {
        const round = await deliverDue(db, { transports: slow, batch: 3 })
        total += round.sent
        if (!round.sent && !round.retried) return total
      }
    }
    const [a, b] = await Promise.all([worker(), worker()])
    expect(a + b).toBe(12)
    expect(subjectsOf('pair')).toEqual(Array.from({ length: 12 }, (_, i) => `pair ${i}`).sort())
    if (onPostgres) {
      // Two separate processes too: each message still once.
      await mails('procs', 10)
      const run = () =>
        new Promise<void>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/outbox-child.ts'], {
            env: { ...process.env, SMTP_URL: smtp.url, BATCH: '3', LOG_LEVEL: 'silent' },
            stdio: 'ignore',
          })
          child.once('exit', () => resolve())
        })
      for (let round = 0; round < 5 && subjectsOf('procs').length < 10; round++)
        await Promise.all([run(), run()])
      expect(subjectsOf('procs')).toEqual(Array.from({ length: 10 }, (_, i) => `procs ${i}`).sort())
    }
  }, 120_000)
})
