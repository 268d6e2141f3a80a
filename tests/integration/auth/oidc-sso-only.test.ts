import { describe, expect, test } from 'vitest'

// PASSWORD_SIGNIN=false with single sign-on configured: the login page offers only the provider, a
// password post is refused (403) without any password being checked, and set-password links set none.
// No provider needs to answer here: nothing below starts a sign-in.

Object.assign(process.env, {
  OIDC_ISSUER: 'http://127.0.0.1:9/realm',
  OIDC_CLIENT_ID: 'tenfold',
  OIDC_CLIENT_SECRET: 'not-used-here',
  OIDC_PROVIDER_NAME: 'Corp ID',
  PASSWORD_SIGNIN: 'false',
})
const { action: loginAction, loader: loginLoader } = await import('~/routes/login')
const setPassword = await import('~/routes/set-password.$token')
const { createUser, TEST_PASSWORD } = await import('#tests/factories')
const { issuePasswordToken } = await import('~/models/foundation/user.server')
const { db } = await import('~/utils/db.server')
const { buildRequest, run, statusOf } = await import('#tests/support/requests')

describe('PASSWORD_SIGNIN=false', () => {
  test('the login page offers only single sign-on', async () => {
    const page = await run(loginLoader, buildRequest('/login'))
    expect(page).toEqual({ sso: { name: 'Corp ID' }, passwordSignIn: false })
  })

  test('a correct password is refused with 403 and no session', async () => {
    const user = await createUser()
    const result = await run(
      loginAction,
      buildRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '' } }),
    )
    expect(statusOf(result)).toBe(403)
    expect((result as { data: { formError: string } }).data.formError).toBe(
      'Password sign-in is turned off: sign in with your company account.',
    )
    expect(
      await db.selectFrom('user_sessions').select('id_hash').where('user_id', '=', user.id).execute(),
    ).toEqual([])
  })

  test('a set-password link sets no password', async () => {
    const user = await createUser()
    const token = await issuePasswordToken(db, user.id)
    const page = await run(setPassword.loader, buildRequest(`/set-password/${token}`), { token })
    expect(page).toEqual({ account: null, passwordOff: true })
    const before = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    const result = await run(
      setPassword.action,
      buildRequest(`/set-password/${token}`, {
        form: { password: 'a brand new long password', confirm: 'a brand new long password' },
      }),
      { token },
    )
    expect(statusOf(result)).toBe(403)
    const after = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(after.password_hash).toBe(before.password_hash)
    const unused = await db
      .selectFrom('password_tokens')
      .select('used_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(unused.used_at).toBeNull()
  })
})

describe('the env schema', () => {
  test('refuses half a configuration, a bad role map and PASSWORD_SIGNIN=false without SSO', async () => {
    const { readEnv: read } = await import('~/utils/env.server')
    const readEnv = (vars: Record<string, string>) => read({ NODE_ENV: 'test', ...vars })
    const sso = { OIDC_ISSUER: 'https://id.example/', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }
    expect(() => readEnv({ OIDC_ISSUER: 'https://id.example/' })).toThrow(/must be set together/)
    expect(() => readEnv({ PASSWORD_SIGNIN: 'false' })).toThrow(/PASSWORD_SIGNIN false needs single sign-on/)
    expect(() => readEnv({ ...sso, OIDC_ISSUER: 'http://id.example/' })).toThrow(/must be an https:\/\/ URL/)
    expect(() => readEnv({ ...sso, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'A=boss' })).toThrow(
      /"boss" is not a role/,
    )
    expect(() => readEnv({ ...sso, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'A=admin,A=lead' })).toThrow(
      /mapped twice/,
    )
    expect(() => readEnv({ ...sso, OIDC_ROLE_MAP: 'A=admin' })).toThrow(/needs OIDC_ROLE_CLAIM/)
    const parsed = readEnv({
      ...sso,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: ' Tenfold Admins = admin ,Sales=lead',
      OIDC_SCOPES: 'email groups',
    })
    expect(parsed.OIDC_ROLE_MAP).toEqual([
      { group: 'Tenfold Admins', role: 'admin' },
      { group: 'Sales', role: 'lead' },
    ])
    expect(parsed.OIDC_SCOPES).toBe('openid email groups')
    expect(parsed.PASSWORD_SIGNIN).toBe(true)
  })
})
