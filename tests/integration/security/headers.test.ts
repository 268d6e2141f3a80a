import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { createProgram, createUser, TEST_PASSWORD } from '#tests/factories'
import { startHttpApp, type HttpApp } from '#tests/support/http-app'

// Behind a TLS-terminating proxy that rewrites Host (the probe's case): TRUST_PROXY on (as "yes", which
// the server used to ignore), APP_ORIGIN the public origin. Headers and cookie attributes are asserted
// on every kind of response over real HTTP.
vi.hoisted(() => {
  process.env.TRUST_PROXY = 'yes'
  process.env.APP_ORIGIN = 'https://tenfold.example'
  // The admin signs in with the password alone: a second factor is not what these tests look at.
  process.env.MFA_REQUIRED_ROLES = ''
})

const PUBLIC = 'https://tenfold.example'
const viaProxy = { Host: '10.0.0.5:3000', 'X-Forwarded-Proto': 'https' }

let app: HttpApp
let cookie: string
let apiKey: string

async function signIn(email: string) {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...viaProxy, Origin: PUBLIC, 'Sec-Fetch-Site': 'same-origin' },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
  })
  return response
}

beforeAll(async () => {
  app = await startHttpApp()
  await createProgram()
  const admin = await createUser({ role: 'admin' })
  const response = await signIn(admin.email)
  expect(response.status).toBe(302)
  cookie = response.headers.getSetCookie()[0]!.split(';')[0]!
  const { createApiKey } = await import('~/models/foundation/api-key.server')
  const { db } = await import('~/utils/db.server')
  const key = await createApiKey(
    db,
    { id: admin.id, label: admin.email },
    { name: 'headers test', scopes: ['metrics:read'] },
  )
  apiKey = key.secret
})
afterAll(() => app.close())

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { redirect: 'manual', headers: { ...viaProxy, ...headers } })

function expectSecurityHeaders(response: Response, what: string) {
  const headers = response.headers
  expect(headers.get('X-Content-Type-Options'), what).toBe('nosniff')
  expect(headers.get('Strict-Transport-Security'), what).toMatch(/^max-age=\d{8,}/)
  const csp = headers.get('Content-Security-Policy') ?? ''
  expect(csp, what).toContain("frame-ancestors 'none'")
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/)
  expect(csp, what).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/)
  expect(csp, what).not.toContain('unsafe-inline')
  expect(headers.get('X-Frame-Options'), what).toBe('DENY')
}

describe('every kind of response carries the security headers', () => {
  test.each([
    ['a page, signed in', '/initiatives', true, 200],
    ['its .data (single fetch)', '/initiatives.data', true, 200],
    ['a CSV export', '/portfolio/export/portfolio', true, 200],
    ['the sign-in page', '/login', false, 200],
    ['a 404 page', '/no-such-page', true, 404],
    ['health', '/healthz', false, 200],
    ['the API without a key', '/api/v1/metrics/adoption', false, 401],
  ])('%s (%s)', async (what, path, signedIn, status) => {
    const response = await get(path, signedIn ? { Cookie: cookie } : {})
    expect(response.status, what).toBe(status)
    expectSecurityHeaders(response, what)
    if (signedIn) expect(response.headers.get('Cache-Control'), what).toBe('no-store')
    if (path.includes('export')) expect(response.headers.get('Content-Type')).toMatch(/^text\/csv/)
  })

  test('the API with a key: the same headers, and no-store', async () => {
    const response = await get('/api/v1/metrics/adoption', { Authorization: `Bearer ${apiKey}` })
    expect(response.status).toBeLessThan(500)
    expectSecurityHeaders(response, 'API')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
  })

  test("the page's inline scripts carry this response's nonce, and nothing uses a style attribute", async () => {
    const response = await get('/initiatives', { Cookie: cookie })
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('Content-Security-Policy') ?? '')![1]!
    const html = await response.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts.filter((tag) => !/\bsrc=/.test(tag)))
      expect(tag, html.slice(html.indexOf(tag) - 200, html.indexOf(tag) + 300)).toContain(`nonce="${nonce}"`)
    expect(html).not.toMatch(/<[a-z]+[^>]*\sstyle="/i)
    // A new nonce per response.
    const again = await get('/initiatives', { Cookie: cookie })
    expect(again.headers.get('Content-Security-Policy')).not.toContain(nonce)
  })
})

describe('cookies over HTTPS are Secure, HttpOnly, SameSite=Lax and __Host- prefixed', () => {
  function expectHostCookie(setCookie: string | undefined, name: string) {
    expect(setCookie).toMatch(new RegExp(`^__Host-${name}=`))
    expect(setCookie).toMatch(/;\s*Secure/i)
    expect(setCookie).toMatch(/;\s*HttpOnly/i)
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i)
    expect(setCookie).toMatch(/;\s*Path=\//i)
    expect(setCookie).not.toMatch(/Domain=/i)
  }

  test('the session cookie', async () => {
    const user = await createUser()
    const response = await signIn(user.email)
    expectHostCookie(response.headers.getSetCookie()[0], 'tenfold_session')
  })

  test('the language cookie', async () => {
    const response = await fetch(`${app.url}/language`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...viaProxy, Origin: PUBLIC, Cookie: cookie },
      body: new URLSearchParams({ locale: 'zh-TW', redirectTo: '/' }),
    })
    expect(response.status).toBe(302)
    expectHostCookie(response.headers.getSetCookie()[0], 'tenfold_lang')
  })

  test('the flash (toast) cookie', async () => {
    const user = await createUser()
    const session = (await signIn(user.email)).headers.getSetCookie()[0]!.split(';')[0]!
    // As the browser posts it with JavaScript (single fetch): the action's answer with its cookies.
    const response = await fetch(`${app.url}/account/password.data`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...viaProxy, Origin: PUBLIC, Cookie: session },
      body: new URLSearchParams({
        current: TEST_PASSWORD,
        password: 'a walk along the Tamsui river',
        confirm: 'a walk along the Tamsui river',
      }),
    })
    expect(response.status).toBe(200)
    // The password change keeps this session (it ends the others), so only the toast is set; any
    // session cookie set with it must hold to the same rules.
    const cookies = response.headers.getSetCookie()
    expectHostCookie(
      cookies.find((line) => line.startsWith('__Host-tenfold_toast=')),
      'tenfold_toast',
    )
    for (const line of cookies.filter((line) => line.includes('tenfold_session=')))
      expectHostCookie(line, 'tenfold_session')
  })
})

describe('cross-site requests behind the proxy', () => {
  test('a same-origin post whose Host the proxy rewrote passes (APP_ORIGIN), as the probe found it did not', async () => {
    const user = await createUser()
    expect((await signIn(user.email)).status).toBe(302)
  })

  test.each([
    ['a cross-site Sec-Fetch-Site', { 'Sec-Fetch-Site': 'cross-site', Origin: PUBLIC }],
    ['a same-site (other subdomain) Sec-Fetch-Site', { 'Sec-Fetch-Site': 'same-site' }],
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['a null Origin', { Origin: 'null' }],
    ['a malformed Origin', { Origin: 'not a url' }],
  ])('%s is refused with 403, on the page and its .data', async (_what, headers) => {
    for (const path of ['/login', '/login.data', '/initiatives/new', '/logout']) {
      const response = await fetch(`${app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...viaProxy, Cookie: cookie, ...headers },
        body: new URLSearchParams({ email: 'x@example.test', password: 'y' }),
      })
      expect(response.status, path).toBe(403)
      expectSecurityHeaders(response, path)
    }
  })
})
