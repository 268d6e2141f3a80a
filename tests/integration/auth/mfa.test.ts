import { createHmac } from 'node:crypto'
import { describe, expect, test, vi } from 'vitest'

import { confirmEnrolment, getMfaStatus, resetMfa, startEnrolment } from '~/auth/mfa.server'
import { MFA_LIMIT } from '~/auth/throttle.server'
import { getUser } from '~/auth/session.server'
import { actorOf } from '~/models/foundation/audit.server'
import { action as loginAction } from '~/routes/login'
import { action as mfaAction, loader as mfaLoader } from '~/routes/login_.mfa'
import { action as securityAction } from '~/routes/account.security'
import { action as reauthAction } from '~/routes/account.reauth'
import { db } from '~/utils/db.server'
import { createUser, TEST_PASSWORD } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// The default (admin and sponsor) is what is tested, whatever another file of this worker set.
vi.hoisted(() => {
  delete process.env.MFA_REQUIRED_ROLES
})

// An independent TOTP (RFC 6238 over RFC 4226), written from the RFCs with Node's HMAC-SHA1, so the
// codes these tests type are not the code under test's.
function base32Decode(text: string) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of text.replace(/\s/g, '').toUpperCase())
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  const bytes = []
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2))
  return Buffer.from(bytes)
}
function referenceTotp(secret: string, at = Date.now(), offsetSteps = 0) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30) + offsetSteps))
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(value).padStart(6, '0')
}
const secretOf = async (userId: string) =>
  (await db.selectFrom('user_mfa').select('secret').where('user_id', '=', userId).executeTakeFirstOrThrow())
    .secret

async function enrolled(role: 'viewer' | 'admin' | 'lead' = 'viewer') {
  const user = await createUser({ role })
  await startEnrolment(db, user)
  const secret = await secretOf(user.id)
  // The code of the previous step: the tests' own sign-in below uses the current one.
  const codes = await confirmEnrolment(db, user, referenceTotp(secret, Date.now(), -1))
  return { user, secret, codes }
}

async function passwordStep(email: string) {
  const response = (await run(
    loginAction,
    buildRequest('/login', { form: { email, password: TEST_PASSWORD } }),
  )) as Response
  return { response, cookie: response.headers.get('Set-Cookie')!.split(';')[0]! }
}
const postCode = (cookie: string, code: string) =>
  run(mfaAction, buildRequest('/login/mfa', { cookie, form: { code, redirectTo: '/initiatives' } }))

describe('MFA', () => {
  test('enrolment stores a key and ten hashed recovery codes; the codes are shown once and not in the database', async () => {
    const { user, codes } = await enrolled()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    const rows = await db
      .selectFrom('mfa_recovery_codes')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute()
    expect(rows).toHaveLength(10)
    const stored = JSON.stringify(rows)
    for (const code of codes) expect(stored).not.toContain(code.replace('-', ''))
    expect(await getMfaStatus(db, user.id)).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 })
  })

  test('a wrong code does not confirm an enrolment', async () => {
    const user = await createUser()
    await startEnrolment(db, user)
    const secret = await secretOf(user.id)
    const wrong = referenceTotp(secret, Date.now() + 10 * 60_000)
    await expect(confirmEnrolment(db, user, wrong)).rejects.toMatchObject({
      code: 'mfa.codeWrong',
      field: 'code',
    })
    expect((await getMfaStatus(db, user.id)).enrolled).toBe(false)
  })

  test('after the password, the session signs no one in until the code; the code works once', async () => {
    const { user, secret } = await enrolled()
    const { response, cookie } = await passwordStep(user.email)
    expect(response.headers.get('Location')).toBe('/login/mfa')
    expect(await getUser(buildRequest('/', { cookie }))).toBeNull()
    expect(await run(mfaLoader, buildRequest('/login/mfa', { cookie }))).toMatchObject({ step: 'mfa' })
    expect(statusOf(await postCode(cookie, '000000'))).toBe(400)
    const code = referenceTotp(secret)
    const done = (await postCode(cookie, code)) as Response
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/initiatives')
    expect((await getUser(buildRequest('/', { cookie })))?.id).toBe(user.id)
    // The same code cannot open a second sign-in (replay).
    const again = await passwordStep(user.email)
    expect(statusOf(await postCode(again.cookie, code))).toBe(400)
    expect(await getUser(buildRequest('/', { cookie: again.cookie }))).toBeNull()
  })

  test('a recovery code signs in once', async () => {
    const { user, codes } = await enrolled()
    const first = await passwordStep(user.email)
    expect(statusOf(await postCode(first.cookie, codes[3]!.toUpperCase()))).toBe(302)
    const second = await passwordStep(user.email)
    expect(statusOf(await postCode(second.cookie, codes[3]!))).toBe(400)
    expect((await getMfaStatus(db, user.id)).recoveryCodesLeft).toBe(9)
  })

  test(`wrong codes are throttled per user: past ${MFA_LIMIT}, 429 with Retry-After even for the right one`, async () => {
    const { user, secret } = await enrolled()
    const { cookie } = await passwordStep(user.email)
    const statuses = (
      await Promise.all(Array.from({ length: 12 }, (_, i) => postCode(cookie, String(100000 + i))))
    ).map(statusOf)
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(MFA_LIMIT)
    const blocked = (await postCode(cookie, referenceTotp(secret))) as { init: ResponseInit }
    expect(statusOf(blocked)).toBe(429)
    expect(Number(new Headers(blocked.init.headers).get('Retry-After'))).toBeGreaterThan(0)
  })

  test('a role in MFA_REQUIRED_ROLES (admin, sponsor by default) enrols at sign-in; others sign in with the password', async () => {
    const admin = await createUser({ role: 'admin' })
    const { response, cookie } = await passwordStep(admin.email)
    expect(response.headers.get('Location')).toBe('/login/mfa')
    expect(await getUser(buildRequest('/', { cookie }))).toBeNull()
    const page = (await run(mfaLoader, buildRequest('/login/mfa', { cookie }))) as {
      step: string
      enrolment: { qrDataUrl: string; secret: string }
    }
    expect(page.step).toBe('mfa-enrol')
    expect(page.enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(page.enrolment.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg')
    const secret = page.enrolment.secret.replace(/\s/g, '')
    expect(secret).toBe(await secretOf(admin.id))
    const answer = (await postCode(cookie, referenceTotp(secret))) as { data: { recoveryCodes: string[] } }
    expect(answer.data.recoveryCodes).toHaveLength(10)
    expect((await getUser(buildRequest('/', { cookie })))?.id).toBe(admin.id)

    const lead = await createUser({ role: 'lead' })
    expect((await passwordStep(lead.email)).response.headers.get('Location')).toBe('/')
  })

  test('changing MFA needs a recent sign-in: past 10 minutes, the user confirms who they are first', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    await db
      .updateTable('user_sessions')
      .set({ authenticated_at: new Date(Date.now() - 11 * 60_000) })
      .where('user_id', '=', user.id)
      .execute()
    const start = (await run(
      securityAction,
      buildRequest('/account/security', { cookie, form: { intent: 'start' } }),
    )) as Response
    expect(start.headers.get('Location')).toBe('/account/reauth?redirectTo=%2Faccount%2Fsecurity')
    expect((await getMfaStatus(db, user.id)).pendingSecret).toBeNull()
    expect(
      statusOf(
        await run(
          reauthAction,
          buildRequest('/account/reauth', { cookie, form: { password: 'not it at all' } }),
        ),
      ),
    ).toBe(400)
    const reauth = (await run(
      reauthAction,
      buildRequest('/account/reauth', {
        cookie,
        form: { password: TEST_PASSWORD, redirectTo: '/account/security' },
      }),
    )) as Response
    expect(reauth.headers.get('Location')).toBe('/account/security')
    expect(
      statusOf(
        await run(securityAction, buildRequest('/account/security', { cookie, form: { intent: 'start' } })),
      ),
    ).toBe(302)
    expect((await getMfaStatus(db, user.id)).pendingSecret).toMatch(/^[A-Z2-7]{32}$/)
  })

  test('an admin resets a user’s MFA: key and codes removed, sessions ended, audited', async () => {
    const admin = await createUser({ role: 'admin' })
    const { user } = await enrolled()
    const cookie = await sessionCookieFor(user.id)
    await resetMfa(db, actorOf(admin), user.id)
    expect(await getMfaStatus(db, user.id)).toMatchObject({
      enrolled: false,
      recoveryCodesLeft: 0,
      pendingSecret: null,
    })
    expect(await getUser(buildRequest('/', { cookie }))).toBeNull()
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('entity_id', '=', user.id)
      .where('action', '=', 'mfa.reset')
      .execute()
    expect(audit).toEqual([{ actor_id: admin.id, action: 'mfa.reset' }])
    expect((await passwordStep(user.email)).response.headers.get('Location')).toBe('/')
  })
})
