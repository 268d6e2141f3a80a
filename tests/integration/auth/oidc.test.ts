import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { startOidcProvider } from '#tests/support/oidc-provider'
import { TestBrowser } from './oidc-browser'

// Single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1, over real HTTP to the
// app's production server: the happy paths (a user created just in time with the role its groups map
// to and linked to the roster, an existing user) and each attack failing safely: no session, no user,
// back to the login page.

const provider = await startOidcProvider()
Object.assign(process.env, {
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
  OIDC_PROVIDER_NAME: 'Corp ID',
  OIDC_SCOPES: 'openid email profile groups',
  OIDC_ROLE_CLAIM: 'groups',
  OIDC_ROLE_MAP: 'Tenfold Admins=admin, Sales Leads=lead, Pilot Reps=eet_member',
})
// The security log's lines, read where the app writes them: its channel's logger is made (by
// logger.child) when app/utils/security-log.server.ts first loads, which is below.
const securityEvents: { security: string; reason?: string }[] = []
const { logger } = await import('~/utils/logger.server')
const makeChild = logger.child.bind(logger)
vi.spyOn(logger, 'child').mockImplementation((...args: Parameters<typeof logger.child>) => {
  const child = makeChild(...args)
  const info = child.info.bind(child)
  child.info = ((fields: { security?: string; reason?: string }, ...rest: unknown[]) => {
    if (fields?.security) securityEvents.push({ security: fields.security, reason: fields.reason })
    return (info as (...all: unknown[]) => void)(fields, ...rest)
  }) as typeof child.info
  return child
})
// Imported only now: the app reads the environment above once, when it first needs it.
const { startHttpApp } = await import('#tests/support/http-app')
const { db } = await import('~/utils/db.server')
const { createInitiative, createProgram, createUser } = await import('#tests/factories')
const app = await startHttpApp()
provider.register(app.url)

afterAll(async () => {
  await app.close()
  await provider.close()
})

beforeEach(() => {
  provider.tamper = null
  securityEvents.length = 0
})

/** The failed sign-ins the security log recorded during this test, by reason. */
function failedSignIns() {
  return securityEvents.filter((event) => event.security === 'sso.failed').map((event) => event.reason)
}

let counter = 0
function account(
  overrides: { email?: string; groups?: string[]; name?: string; email_verified?: boolean } = {},
) {
  const login = `person-${++counter}`
  provider.accounts.set(login, {
    email: overrides.email ?? `${login}@corp.example`,
    email_verified: overrides.email_verified ?? true,
    name: overrides.name ?? `Person ${counter}`,
    groups: overrides.groups ?? [],
  })
  return { login, email: (overrides.email ?? `${login}@corp.example`).toLowerCase() }
}

async function sessionsOf(email: string) {
  return db
    .selectFrom('user_sessions')
    .innerJoin('users', 'users.id', 'user_sessions.user_id')
    .select('user_sessions.id_hash')
    .where('users.email', '=', email)
    .execute()
}

/** The answer is a refusal that left nothing behind: back to /login, no session cookie. */
function expectRefused(response: Response) {
  expect(response.status).toBe(302)
  expect(response.headers.get('Location')).toBe('/login')
  expect(response.headers.getSetCookie().some((line) => line.startsWith('tenfold_session='))).toBe(false)
}

async function isSignedIn(browser: TestBrowser) {
  const home = await browser.request(`${app.url}/`)
  return home.status === 200
}

describe('single sign-on: the login page', () => {
  test('offers "Sign in with <provider>" beside the password form', async () => {
    const page = await (await fetch(`${app.url}/login`)).text()
    expect(page).toContain('Sign in with Corp ID')
    expect(page).toContain('action="/auth/oidc/start"')
    expect(page).toContain('name="password"')
  })

  test('the CSP lets the sign-in form be redirected to the provider', async () => {
    const response = await fetch(`${app.url}/login`)
    expect(response.headers.get('Content-Security-Policy')).toContain(`form-action 'self' ${provider.issuer}`)
  })
})

describe('single sign-on: signing in', () => {
  test('a first sign-in creates the user with the role the groups map to and signs in where asked', async () => {
    const person = account({ groups: ['Everyone', 'Sales Leads', 'Tenfold Admins'], name: 'Ana Lima' })
    const browser = new TestBrowser(app.url)
    const response = await browser.callback(await browser.startSignIn(person.login, '/initiatives?x=1'))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/initiatives?x=1')
    expect(browser.cookies.has('tenfold_session')).toBe(true)
    // The first mapping in OIDC_ROLE_MAP the user has wins: admin is listed before lead.
    const user = await db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'password_hash'])
      .where('email', '=', person.email)
      .executeTakeFirstOrThrow()
    expect(user).toMatchObject({ name: 'Ana Lima', role: 'admin', password_hash: null })
    const identity = await db
      .selectFrom('user_identities')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: person.login })
    const actions = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute()
    expect(actions).toEqual([
      { action: 'user.create', actor_label: 'single sign-on' },
      { action: 'user.identity.link', actor_label: person.email },
      { action: 'auth.sign-in', actor_label: person.email },
    ])
    expect(await isSignedIn(browser)).toBe(true)
    // The started sign-in is spent.
    expect(await db.selectFrom('oidc_sign_ins').select('state_hash').execute()).toEqual([])
  })

  test('without a mapped group the new user is a viewer', async () => {
    const person = account({ groups: ['Everyone'] })
    const browser = new TestBrowser(app.url)
    await browser.callback(await browser.startSignIn(person.login))
    const user = await db
      .selectFrom('users')
      .select('role')
      .where('email', '=', person.email)
      .executeTakeFirstOrThrow()
    expect(user.role).toBe('viewer')
  })

  test('a rep of the roster is linked to their roster row, and so to the EET they are in', async () => {
    const program = await createProgram()
    const lead = await createUser({ role: 'lead' })
    const initiative = await createInitiative({ programId: program.id, leadId: lead.id })
    const person = account({ email: 'Rita.Rep@Corp.example', groups: ['Pilot Reps'], name: '' })
    const seller = await db
      .insertInto('sellers')
      .values({
        seller_id: 'S-SSO-1',
        name: 'Rita Rep',
        email: 'rita.rep@corp.example',
        region: 'North',
        segment: 'Enterprise',
        team: 'T1',
        role: 'rep',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('eet_members')
      .values({ initiative_id: initiative.id, seller_id: seller.id, joined_on: '2026-01-05' })
      .execute()
    const browser = new TestBrowser(app.url)
    await browser.callback(await browser.startSignIn(person.login))
    const user = await db
      .selectFrom('users')
      .select(['id', 'role', 'name'])
      .where('email', '=', 'rita.rep@corp.example')
      .executeTakeFirstOrThrow()
    // No name from the provider: the roster's.
    expect(user).toMatchObject({ role: 'eet_member', name: 'Rita Rep' })
    const row = await db
      .selectFrom('sellers')
      .select('user_id')
      .where('id', '=', seller.id)
      .executeTakeFirstOrThrow()
    expect(row.user_id).toBe(user.id)
    const membership = await db
      .selectFrom('initiative_members')
      .select('kind')
      .where('initiative_id', '=', initiative.id)
      .where('user_id', '=', user.id)
      .execute()
    expect(membership).toEqual([{ kind: 'eet' }])
  })

  test('a lead in the roster is not linked to a rep row (only EET members are, as on the roster page)', async () => {
    const person = account({ groups: ['Sales Leads'] })
    await db
      .insertInto('sellers')
      .values({
        seller_id: 'S-SSO-2',
        name: 'L',
        email: person.email,
        region: 'N',
        segment: 'E',
        team: 'T',
        role: 'rep',
      })
      .execute()
    const browser = new TestBrowser(app.url)
    await browser.callback(await browser.startSignIn(person.login))
    const row = await db
      .selectFrom('sellers')
      .select('user_id')
      .where('seller_id', '=', 'S-SSO-2')
      .executeTakeFirstOrThrow()
    expect(row.user_id).toBeNull()
  })

  test('an existing user signs in by email, keeps their role, and later by the provider’s subject alone', async () => {
    const existing = await createUser({ role: 'sponsor', email: 'sam.sponsor@corp.example' })
    const person = account({ email: 'Sam.Sponsor@corp.example', groups: ['Tenfold Admins'] })
    const browser = new TestBrowser(app.url)
    const response = await browser.callback(await browser.startSignIn(person.login))
    expect(response.headers.get('Location')).toBe('/')
    const sessions = await sessionsOf(existing.email)
    expect(sessions).toHaveLength(1)
    const user = await db
      .selectFrom('users')
      .select('role')
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow()
    expect(user.role).toBe('sponsor')
    // The provider changes the email: the identity (issuer + subject) still finds the same user.
    provider.accounts.get(person.login)!.email = 'sam.renamed@corp.example'
    const again = new TestBrowser(app.url)
    await again.callback(await again.startSignIn(person.login))
    expect(await sessionsOf(existing.email)).toHaveLength(2)
    expect(
      await db.selectFrom('users').select('id').where('email', '=', 'sam.renamed@corp.example').execute(),
    ).toEqual([])
  })

  test('a disabled user is refused, and nothing is written', async () => {
    const disabled = await createUser({ role: 'lead', email: 'dora.disabled@corp.example', disabled: true })
    const person = account({ email: disabled.email })
    const browser = new TestBrowser(app.url)
    expectRefused(await browser.callback(await browser.startSignIn(person.login)))
    expect(await sessionsOf(disabled.email)).toEqual([])
    expect(
      await db.selectFrom('user_identities').select('subject').where('user_id', '=', disabled.id).execute(),
    ).toEqual([])
    expect(await isSignedIn(browser)).toBe(false)
    expect(failedSignIns()).toEqual(['disabled: account disabled'])
  })

  test('an email the provider has not verified neither creates nor finds a user', async () => {
    const existing = await createUser({ email: 'vic@corp.example' })
    const person = account({ email: 'vic@corp.example', email_verified: false })
    const browser = new TestBrowser(app.url)
    expectRefused(await browser.callback(await browser.startSignIn(person.login)))
    expect(await sessionsOf(existing.email)).toEqual([])
  })
})

describe('single sign-on: attacks fail safely', () => {
  async function noUser(email: string) {
    expect(await db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([])
  }

  test('a wrong state is refused', async () => {
    const person = account()
    const browser = new TestBrowser(app.url)
    const callback = new URL(await browser.startSignIn(person.login))
    callback.searchParams.set('state', 'not-the-state-this-browser-started')
    expectRefused(await browser.callback(callback.href))
    await noUser(person.email)
    expect(failedSignIns()).toEqual(['state: state differs from this browser’s'])
  })

  test('a callback in a browser that did not start the sign-in is refused (login CSRF)', async () => {
    const attacker = account()
    const callback = await new TestBrowser(app.url).startSignIn(attacker.login)
    const victim = new TestBrowser(app.url)
    expectRefused(await victim.callback(callback))
    await noUser(attacker.email)
    expect(failedSignIns()).toEqual(['state: no sign-in started in this browser'])
  })

  test('a replayed callback is refused: the started sign-in is spent, and the provider refuses the code again', async () => {
    const person = account()
    const browser = new TestBrowser(app.url)
    const callback = await browser.startSignIn(person.login)
    const stateCookie = browser.cookies.get('tenfold_oidc')!
    expect((await browser.callback(callback)).headers.get('Location')).toBe('/')
    const sessionsAfterSignIn = (await sessionsOf(person.email)).length
    // The same callback with the same cookie, as an attacker who copied both would send it.
    browser.cookies.set('tenfold_oidc', stateCookie)
    expectRefused(await browser.callback(callback))
    // The code again, with a sign-in started afresh in this browser (so Tenfold does exchange it).
    const fresh = new URL(await browser.startSignIn(person.login))
    const replay = new URL(callback)
    replay.searchParams.set('state', fresh.searchParams.get('state')!)
    expectRefused(await browser.callback(replay.href))
    expect((await sessionsOf(person.email)).length).toBe(sessionsAfterSignIn)
    expect(failedSignIns()).toEqual([
      'state: sign-in already completed or unknown',
      expect.stringMatching(/^provider: .*\(invalid_grant\)$/),
    ])
  })

  test('a code obtained in another browser is refused (PKCE: its verifier is not this sign-in’s)', async () => {
    const attacker = account()
    const attackerCode = new URL(await new TestBrowser(app.url).startSignIn(attacker.login)).searchParams.get(
      'code',
    )!
    const victimPerson = account()
    const victim = new TestBrowser(app.url)
    const callback = new URL(await victim.startSignIn(victimPerson.login))
    callback.searchParams.set('code', attackerCode)
    expectRefused(await victim.callback(callback.href))
    await noUser(attacker.email)
    expect(failedSignIns()).toEqual([expect.stringMatching(/^provider: .*\(invalid_grant\)$/)])
  })

  test('an ID token issued to another application (wrong audience) is refused', async () => {
    const person = account()
    provider.tamper = 'wrong-audience'
    const browser = new TestBrowser(app.url)
    expectRefused(await browser.callback(await browser.startSignIn(person.login)))
    await noUser(person.email)
    expect(failedSignIns()).toEqual([expect.stringMatching(/^provider: .*JWT "aud" \(audience\) claim/)])
  })

  test('an expired ID token is refused', async () => {
    const person = account()
    provider.tamper = 'expired'
    const browser = new TestBrowser(app.url)
    expectRefused(await browser.callback(await browser.startSignIn(person.login)))
    await noUser(person.email)
    expect(failedSignIns()).toEqual([
      expect.stringMatching(/^provider: .*JWT "exp" \(expiration time\) claim/),
    ])
  })

  test('an ID token with another nonce is refused', async () => {
    const person = account()
    provider.tamper = 'wrong-nonce'
    const browser = new TestBrowser(app.url)
    expectRefused(await browser.callback(await browser.startSignIn(person.login)))
    await noUser(person.email)
    expect(failedSignIns()).toEqual([expect.stringMatching(/^provider: .*ID Token "nonce" claim/)])
  })

  test('a sign-in started more than 10 minutes ago is refused', async () => {
    const person = account()
    const browser = new TestBrowser(app.url)
    const callback = await browser.startSignIn(person.login)
    await db
      .updateTable('oidc_sign_ins')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute()
    expectRefused(await browser.callback(callback))
    await noUser(person.email)
    expect(failedSignIns()).toEqual(['state: sign-in started too long ago'])
  })

  test('a callback carrying the provider’s error is refused', async () => {
    const browser = new TestBrowser(app.url)
    const started = await browser.request(`${app.url}/auth/oidc/start`, { form: { redirectTo: '' } })
    const state = new URL(started.headers.get('Location')!).searchParams.get('state')!
    const iss = encodeURIComponent(provider.issuer)
    expectRefused(
      await browser.callback(`${app.url}/auth/oidc/callback?error=access_denied&state=${state}&iss=${iss}`),
    )
    expect(failedSignIns()).toEqual([expect.stringMatching(/^provider: .*\(access_denied\)/)])
  })

  test('starting a sign-in: open to anyone, never cross-site, and its redirect stays on this site', async () => {
    const signedIn = new TestBrowser(app.url)
    signedIn.cookies.set('tenfold_session', 'whatever')
    for (const browser of [new TestBrowser(app.url), signedIn]) {
      const response = await browser.request(`${app.url}/auth/oidc/start`, {
        form: { redirectTo: '//evil.example' },
      })
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')!.startsWith(`${provider.issuer}/`)).toBe(true)
    }
    const crossSite = await fetch(`${app.url}/auth/oidc/start`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: new URLSearchParams({ redirectTo: '' }),
      redirect: 'manual',
    })
    expect(crossSite.status).toBe(403)
    const person = account()
    const browser = new TestBrowser(app.url)
    const response = await browser.callback(await browser.startSignIn(person.login, '//evil.example'))
    expect(response.headers.get('Location')).toBe('/')
  })
})

describe('single sign-on: signing out', () => {
  test('ends the Tenfold session and sends the browser to the provider’s sign-out, which returns to /login', async () => {
    const person = account()
    const browser = new TestBrowser(app.url)
    await browser.callback(await browser.startSignIn(person.login))
    expect(await sessionsOf(person.email)).toHaveLength(1)
    const response = await browser.request(`${app.url}/logout`, { form: {} })
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('Location')!)
    expect(location.origin).toBe(provider.issuer)
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${app.url}/login`)
    expect(location.searchParams.get('id_token_hint')).toBeTruthy()
    expect(await sessionsOf(person.email)).toEqual([])
    expect(await isSignedIn(browser)).toBe(false)
    // The provider accepts the request and, once confirmed, sends the browser back to /login.
    const confirm = await browser.request(location.href)
    const html = await confirm.text()
    expect(confirm.status, html).toBe(200)
    const action =
      /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"|<form[^>]*action="([^"]+)"[^>]*id="op.logoutForm"/.exec(
        html,
      )
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1]
    const target = new URL(action?.[1] ?? action?.[2] ?? '', provider.issuer).href
    let done = await browser.request(target, { form: { xsrf: xsrf ?? '', logout: 'yes' } })
    while (done.headers.get('Location') && !done.headers.get('Location')!.startsWith(app.url))
      done = await browser.request(new URL(done.headers.get('Location')!, done.url).href)
    expect(done.headers.get('Location')).toBe(`${app.url}/login`)
  })

  test('a password session signs out to /login, not to the provider', async () => {
    const user = await createUser()
    const browser = new TestBrowser(app.url)
    const { TEST_PASSWORD } = await import('#tests/factories')
    const login = await browser.request(`${app.url}/login`, {
      form: { email: user.email, password: TEST_PASSWORD },
    })
    expect(login.status).toBe(302)
    const response = await browser.request(`${app.url}/logout`, { form: {} })
    expect(response.headers.get('Location')).toBe('/login')
  })
})
