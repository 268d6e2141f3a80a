import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deliverDue, postJson, smtpTransport } from '~/models/attention/worker.server'
import { findValidPasswordToken } from '~/models/foundation/user.server'
import { action as newUserAction } from '~/routes/admin.users.new'
import { action as userAction } from '~/routes/admin.users.$userId'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'
import { startSmtp, type TestSmtp } from '#tests/support/mail'

// Invitations: an admin creates a user and the set-password link is mailed (through a real SMTP
// server) as well as shown; "send the invitation again" mails a new link; each link sets the password
// for 72 hours (the token's own rule, tested with the foundation).

let smtp: TestSmtp
let admin: Awaited<ReturnType<typeof createUser>>
const linkIn = (text: string) => /https?:\/\/\S+\/set-password\/([\w-]+)/.exec(text)
const deliver = () =>
  deliverDue(db, {
    now: new Date(Date.now() + 1000),
    transports: { email: smtpTransport(smtp.url, 'Tenfold <tenfold@example.test>'), post: postJson },
  })

beforeAll(async () => {
  smtp = await startSmtp()
  admin = await createUser({ role: 'admin' })
})
afterAll(async () => smtp?.close())

describe('invitations', () => {
  test('creating a user mails the set-password link shown on the page; a resend mails a new one', async () => {
    const cookie = await sessionCookieFor(admin.id)
    const created = (await run(
      newUserAction,
      buildRequest('/admin/users/new', {
        method: 'POST',
        cookie,
        form: { name: 'Iris Invited', email: 'iris@example.test', role: 'lead' },
      }),
    )) as { created: { id: string; link: string } }
    expect(await deliver()).toMatchObject({ sent: 1 })
    const [mail] = smtp.mails
    expect(mail!.to && 'text' in mail!.to && mail!.to.text).toBe('iris@example.test')
    expect(mail!.subject).toBe('[Tenfold] You are invited to Tenfold')
    const mailed = linkIn(mail!.text ?? '')!
    expect(mailed[0]).toBe(created.created.link)
    expect((await findValidPasswordToken(db, mailed[1]!))?.email).toBe('iris@example.test')
    expect(mail!.text).toContain('72 hours')

    const again = (await run(
      userAction,
      buildRequest(`/admin/users/${created.created.id}`, {
        method: 'POST',
        cookie,
        form: { intent: 'invite' },
      }),
      { userId: created.created.id },
    )) as { link: string }
    expect(await deliver()).toMatchObject({ sent: 1 })
    const resent = linkIn(smtp.mails[1]!.text ?? '')!
    expect(resent[0]).toBe(again.link)
    expect(resent[0]).not.toBe(mailed[0])
    expect((await findValidPasswordToken(db, resent[1]!))?.email).toBe('iris@example.test')
    // Each mailing is audited; a second round sends nothing again.
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'user.invitation-mailed')
      .where('entity_id', '=', created.created.id)
      .execute()
    expect(audited).toHaveLength(2)
    expect(await deliver()).toMatchObject({ sent: 0 })
  })
})
