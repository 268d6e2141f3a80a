import { describe, expect, test } from 'vitest'
import { actorOf } from '~/models/foundation/audit.server'
import { createUser as createUserModel } from '~/models/foundation/user.server'
import { PASSWORD_FORM_LIMIT } from '~/auth/throttle.server'
import { action as changePasswordAction, loader as changePasswordLoader } from '~/routes/account.password'
import { action as loginAction } from '~/routes/login'
import { action as setPasswordAction } from '~/routes/set-password.$token'
import { db } from '~/utils/db.server'
import { createUser, TEST_PASSWORD } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

type Answer = {
  data: {
    result: { initialValue?: Record<string, unknown> | null }
    fieldErrors: Record<string, string[]> | null
    formError: string | null
  }
  init: ResponseInit | null
}

const NEW_PASSWORD = 'a walk along the Tamsui river'
const sessionCount = async (userId: string) =>
  (await db.selectFrom('user_sessions').select('id_hash').where('user_id', '=', userId).execute()).length

describe('password forms', () => {
  test('a refused sign-in, set-password or change-password answer carries no password typed', async () => {
    const user = await createUser()
    const signIn = (await run(
      loginAction,
      buildRequest('/login', { form: { email: user.email, password: 'not the password at all' } }),
    )) as Answer
    expect(statusOf(signIn)).toBe(400)
    expect(signIn.data.result.initialValue).toEqual({ email: user.email })

    const admin = await createUser({ role: 'admin' })
    const { token } = await createUserModel(db, actorOf(admin), {
      email: 'invited@example.test',
      name: 'Invited',
      role: 'viewer',
    })
    const setPassword = (await run(
      setPasswordAction,
      buildRequest(`/set-password/${token}`, { form: { password: NEW_PASSWORD, confirm: 'something else' } }),
      { token: token! },
    )) as Answer
    expect(setPassword.data.fieldErrors).toEqual({ confirm: ['The two passwords differ.'] })

    const change = (await run(
      changePasswordAction,
      buildRequest('/account/password', {
        cookie: await sessionCookieFor(user.id),
        form: { current: 'not the password at all', password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      }),
    )) as Answer
    expect(change.data.fieldErrors).toEqual({ current: ['The current password is incorrect.'] })
    for (const answer of [signIn, setPassword, change]) {
      const text = JSON.stringify(answer.data)
      expect(text).not.toContain('not the password at all')
      expect(text).not.toContain(NEW_PASSWORD)
    }
  })

  test('a missing current password does not hide that the new ones differ', async () => {
    const user = await createUser()
    const answer = (await run(
      changePasswordAction,
      buildRequest('/account/password', {
        cookie: await sessionCookieFor(user.id),
        form: { current: '', password: NEW_PASSWORD, confirm: 'something else entirely' },
      }),
    )) as Answer
    expect(statusOf(answer)).toBe(400)
    expect(answer.data.fieldErrors).toEqual({
      current: ['This field is required.'],
      confirm: ['The two passwords differ.'],
    })
  })

  test('a changed password ends every other session and keeps this one (no new cookie: also without JavaScript), with the form empty again', async () => {
    const user = await createUser()
    await sessionCookieFor(user.id)
    const cookie = await sessionCookieFor(user.id)
    const answer = (await run(
      changePasswordAction,
      buildRequest('/account/password', {
        cookie,
        form: { current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      }),
    )) as Answer
    expect(statusOf(answer)).toBe(200)
    expect(answer.data.result).toEqual({ initialValue: null })
    expect(new Headers(answer.init?.headers).get('Set-Cookie')).not.toMatch(/tenfold_session=/)
    expect(await sessionCount(user.id)).toBe(1)
    // The page rendered after the answer (a document post without JavaScript) still has its user.
    expect(statusOf(await run(changePasswordLoader, buildRequest('/account/password', { cookie })))).toBe(200)
    const signIn = (await run(
      loginAction,
      buildRequest('/login', { form: { email: user.email, password: NEW_PASSWORD } }),
    )) as Response
    expect(signIn.status).toBe(302)
  })

  test('wrong current passwords are throttled per user: past the limit 429 with Retry-After, unchecked', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    const attempt = (current: string) =>
      run(
        changePasswordAction,
        buildRequest('/account/password', {
          cookie,
          form: { current, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        }),
      )
    const statuses = (await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`wrong ${i}`)))).map(
      statusOf,
    )
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(PASSWORD_FORM_LIMIT)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(
      30 - PASSWORD_FORM_LIMIT,
    )
    // Even the right password waits for the window to end.
    const blocked = (await attempt(TEST_PASSWORD)) as { init: ResponseInit }
    expect(statusOf(blocked)).toBe(429)
    expect(Number(new Headers(blocked.init.headers).get('Retry-After'))).toBeGreaterThan(0)
  })
})
