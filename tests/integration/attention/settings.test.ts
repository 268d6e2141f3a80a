import { describe, expect, test } from 'vitest'
import { enqueue, unsubscribeToken } from '~/models/attention/outbox.server'
import { listPreferences } from '~/models/attention/preferences.server'
import { webhooksSchema } from '~/models/attention/webhooks.schema'
import { deliverDue } from '~/models/attention/worker.server'
import { loader as outboxLoader } from '~/routes/admin.outbox'
import { action as webhooksAction } from '~/routes/programs.$programId.webhooks'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/unsubscribe.$token'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// The settings around delivery: webhook URLs are https (127.0.0.1 only when allowed), the unsubscribe
// link stops one kind's email for one user, and without SMTP mail is kept for admins to read.

describe('delivery settings', () => {
  test('webhook URLs: https, or http://127.0.0.1 only when local receivers are allowed', () => {
    const strict = webhooksSchema(false)
    const local = webhooksSchema(true)
    expect(
      strict.safeParse({ intent: 'save', teams_url: 'https://example.webhook.office.com/x' }).success,
    ).toBe(true)
    expect(strict.safeParse({ intent: 'save', teams_url: 'http://example.com/x' }).success).toBe(false)
    expect(strict.safeParse({ intent: 'save', slack_url: 'http://127.0.0.1:9/x' }).success).toBe(false)
    expect(local.safeParse({ intent: 'save', slack_url: 'http://127.0.0.1:9/x' }).success).toBe(true)
    expect(local.safeParse({ intent: 'save', slack_url: 'http://10.0.0.1/x' }).success).toBe(false)
    // A body that does not say it is the form saves nothing.
    expect(strict.safeParse({ slack_url: 'https://hooks.slack.com/x' }).success).toBe(false)
    expect(strict.parse({ intent: 'save', teams_url: '' })).toEqual({ intent: 'save', teams_url: null })
  })

  test('the webhooks form saves and audits; a bad URL is refused next to its field', async () => {
    const admin = await createUser({ role: 'admin' })
    const program = await createProgram()
    const cookie = await sessionCookieFor(admin.id)
    const path = `/programs/${program.id}/webhooks`
    const refused = await run(
      webhooksAction,
      buildRequest(path, { cookie, form: { intent: 'save', teams_url: 'ftp://x' } }),
      { programId: program.id },
    )
    expect(statusOf(refused)).toBe(400)
    const saved = await run(
      webhooksAction,
      buildRequest(path, {
        cookie,
        form: { intent: 'save', slack_url: 'https://hooks.slack.com/services/T/B/X' },
      }),
      { programId: program.id },
    )
    expect(statusOf(saved)).toBe(302)
    const row = await db
      .selectFrom('program_webhooks')
      .selectAll()
      .where('program_id', '=', program.id)
      .executeTakeFirstOrThrow()
    expect(row.slack_url).toBe('https://hooks.slack.com/services/T/B/X')
    const audited = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'program.webhooks')
      .execute()
    expect(audited.map((a) => a.after)).toEqual([{ teams: false, slack: true }])
  })

  test('the unsubscribe link: opening changes nothing, the button stops that kind by email', async () => {
    const sponsor = await createUser({ role: 'sponsor' })
    const token = unsubscribeToken(sponsor.id, 'case.submitted')
    const choice = async () =>
      (await listPreferences(db, sponsor.id)).find((p) => p.kind === 'case.submitted')!.channel
    await run(unsubscribeLoader, buildRequest(`/unsubscribe/${token}`), { token })
    expect(await choice()).toBe('email')
    await run(unsubscribeAction, buildRequest(`/unsubscribe/${token}`, { method: 'POST' }), { token })
    expect(await choice()).toBe('in_app')
    const forged = `${token.split('.')[0]}.AAAA`
    expect(
      statusOf(await run(unsubscribeLoader, buildRequest(`/unsubscribe/${forged}`), { token: forged })),
    ).toBe(404)
  })

  test('without SMTP, mail is kept and shown to admins as outgoing mail', async () => {
    const admin = await createUser({ role: 'admin' })
    await enqueue(db, [
      {
        key: 'kept:1',
        channel: 'email',
        kind: 'case.submitted',
        address: 'a@example.test',
        subject: 'Kept one',
        text: 'Hello',
      },
    ])
    expect(await deliverDue(db, { transports: { post: async () => {} } })).toMatchObject({ kept: 1 })
    const data = (await run(
      outboxLoader,
      buildRequest('/admin/outbox', { cookie: await sessionCookieFor(admin.id) }),
    )) as {
      kept: { subject: string; address: string }[]
    }
    expect(data.kept.map((mail) => [mail.subject, mail.address])).toEqual([['Kept one', 'a@example.test']])
  })
})
