import { describe, expect, test } from 'vitest'
import { action as loginAction } from '~/routes/login'
import { loader as homeLoader } from '~/routes/_index'
import { db } from '~/utils/db.server'
import { ACCOUNT_LIMIT, IP_LIMIT } from '~/auth/throttle.server'
import { hashSessionId } from '~/auth/lucia.server'
import { createUser, TEST_PASSWORD } from '#tests/factories'
import { buildRequest, run, statusOf } from '#tests/support/requests'

function login(
  email: string,
  password: string,
  options: { ip?: string; redirectTo?: string; cookie?: string } = {},
) {
  const request = buildRequest('/login', {
    form: { email, password, redirectTo: options.redirectTo ?? '' },
    cookie: options.cookie,
  })
  return loginAction({ request, params: {}, context: { clientIp: options.ip ?? '10.0.0.1' } }).catch(
    (error: unknown) => {
      if (error instanceof Response) return error
      throw error
    },
  )
}

function cookieOf(response: Response) {
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

describe('sign-in', () => {
  test('a correct password signs in with a fresh HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await createUser({ role: 'lead' })
    const response = (await login(user.email, TEST_PASSWORD)) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/')
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^tenfold_session=[a-z0-9]{40};/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const home = await run(homeLoader, buildRequest('/', { cookie: cookieOf(response) }))
    expect(statusOf(home)).toBe(200)
  })

  test('over HTTPS the cookie is Secure and uses the __Host- prefix', async () => {
    const user = await createUser()
    const request = new Request('https://tenfold.example/login', {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    })
    const response = (await loginAction({ request, params: {}, context: {} })) as Response
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^__Host-tenfold_session=/)
    expect(setCookie).toMatch(/Secure/)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Domain=/i)
  })

  test('every sign-in issues a new session id and ends the one the browser carried', async () => {
    const user = await createUser()
    const first = cookieOf((await login(user.email, TEST_PASSWORD)) as Response)
    const second = cookieOf((await login(user.email, TEST_PASSWORD, { cookie: first })) as Response)
    expect(second).not.toBe(first)
    const sessions = await db
      .selectFrom('user_sessions')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute()
    expect(sessions.map((s) => s.id_hash)).toEqual([hashSessionId(second.split('=')[1]!)])
  })

  test('redirects after sign-in go only to paths of this site', async () => {
    const user = await createUser()
    for (const [target, expected] of [
      ['/initiatives?x=1', '/initiatives?x=1'],
      ['https://evil.example/', '/'],
      ['//evil.example/path', '/'],
      ['/\\evil.example', '/'],
      ['javascript:alert(1)', '/'],
      ['/.//evil.example', '/'],
      ['/%2F%2Fevil.example', '/'],
    ]) {
      const response = (await login(user.email, TEST_PASSWORD, { redirectTo: target })) as Response
      expect(response.headers.get('Location'), target).toBe(expected)
    }
  })

  test('a wrong password, an unknown email and a disabled user all get the same refusal', async () => {
    const user = await createUser()
    const disabled = await createUser({ disabled: true })
    for (const [email, password] of [
      [user.email, 'wrong password here'],
      ['nobody@example.test', TEST_PASSWORD],
      [disabled.email, TEST_PASSWORD],
    ]) {
      const result = await login(email!, password!, { ip: `10.1.0.${Math.floor(Math.random() * 200)}` })
      expect(statusOf(result)).toBe(400)
      expect((result as { data: { formError: string } }).data.formError).toBe(
        'The email or password is incorrect.',
      )
    }
  })

  test(`an account is throttled after ${ACCOUNT_LIMIT} failures with 429 and Retry-After, then released`, async () => {
    const user = await createUser()
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect(statusOf(await login(user.email, 'not the password', { ip: `10.2.0.${i}` }))).toBe(400)
    }
    const blocked = (await login(user.email, TEST_PASSWORD, { ip: '10.2.1.1' })) as { init: ResponseInit }
    expect(statusOf(blocked)).toBe(429)
    const retryAfter = Number(new Headers(blocked.init.headers).get('Retry-After'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    // Never a permanent lock-out: once the window has passed, the right password works again.
    await db
      .updateTable('auth_throttle')
      .set({ window_start: new Date(Date.now() - 16 * 60 * 1000) })
      .execute()
    expect(statusOf(await login(user.email, TEST_PASSWORD, { ip: '10.2.1.1' }))).toBe(302)
  })

  test(`an address is throttled after ${IP_LIMIT} failures across accounts`, async () => {
    for (let i = 0; i < IP_LIMIT; i++) {
      expect(statusOf(await login(`someone-${i}@example.test`, 'not the password', { ip: '10.3.0.1' }))).toBe(
        400,
      )
    }
    const user = await createUser()
    expect(statusOf(await login(user.email, TEST_PASSWORD, { ip: '10.3.0.1' }))).toBe(429)
    expect(statusOf(await login(user.email, TEST_PASSWORD, { ip: '10.3.0.2' }))).toBe(302)
  })

  test(`200 parallel wrong passwords for one account: at most ${ACCOUNT_LIMIT} are checked, the rest 429 with Retry-After`, async () => {
    const user = await createUser()
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login(user.email, `wrong password ${i}`, { ip: `10.4.${Math.floor(i / 200)}.${i % 200}` }),
      ),
    )
    const statuses = results.map(statusOf)
    // A 400 is an answer after the password was checked; a 429 was refused before any check.
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(ACCOUNT_LIMIT)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(200 - ACCOUNT_LIMIT)
    expect(statuses.every((status) => status === 400 || status === 429)).toBe(true)
    for (const result of results.filter((r) => statusOf(r) === 429)) {
      const retryAfter = Number(
        new Headers((result as { init: ResponseInit }).init.headers).get('Retry-After'),
      )
      expect(retryAfter).toBeGreaterThan(0)
    }
  })

  test(`200 parallel wrong passwords from one address: at most ${IP_LIMIT} are checked`, async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login(`nobody-${i}@example.test`, 'wrong', { ip: '10.5.0.1' })),
    )
    const statuses = results.map(statusOf)
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(IP_LIMIT)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(200 - IP_LIMIT)
  })

  test('a successful sign-in gives its attempt back to the address', async () => {
    const user = await createUser()
    for (let i = 0; i < IP_LIMIT + 5; i++)
      expect(statusOf(await login(user.email, TEST_PASSWORD, { ip: '10.6.0.1' }))).toBe(302)
  })

  test('sign-in is audited', async () => {
    const user = await createUser()
    await login(user.email, TEST_PASSWORD)
    const row = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'auth.sign-in')
      .where('actor_id', '=', user.id)
      .executeTakeFirst()
    expect(row).toEqual({ action: 'auth.sign-in', actor_id: user.id })
  })
})
