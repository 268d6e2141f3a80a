import { createHash, timingSafeEqual } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import * as oidc from 'openid-client'
import { db } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { clientIp, publicOrigin, safeRedirectPath } from '~/utils/http.server'
import { securityEvent } from '~/utils/security-log.server'
import { resolveSsoUser, type SsoClaims } from './oidc-account.server'
import { createSessionCookie, invalidateSession, isSecureRequest, readSessionId } from './lucia.server'

// Single sign-on with OpenID Connect: the authorization code flow with PKCE (S256), a state and a
// nonce, through openid-client (which checks the ID token's signature, issuer, audience, expiry and
// nonce). What a started sign-in must remember (nonce, PKCE verifier, where to go after) is kept on the
// server, keyed by a hash of the state, for 10 minutes, and consumed once; the browser holds the state
// in a short-lived HttpOnly cookie, so a callback is accepted only in the browser that started it.

export const CALLBACK_PATH = '/auth/oidc/callback'
const SIGN_IN_TTL_MS = 10 * 60 * 1000
/** An ID token bigger than this is not kept for the sign-out hint (cookies stop at about 4 kB). */
const MAX_HINT_LENGTH = 3000

export type SsoProvider = { name: string }

/** The provider the login page offers, or null when single sign-on is not configured. */
export function ssoProvider(): SsoProvider | null {
  const { OIDC_ISSUER, OIDC_PROVIDER_NAME } = env()
  if (!OIDC_ISSUER) return null
  return { name: OIDC_PROVIDER_NAME ?? new URL(OIDC_ISSUER).hostname }
}

/** Password sign-in is on unless PASSWORD_SIGNIN=false (which the env schema allows only with SSO). */
export function passwordSignInEnabled() {
  return env().PASSWORD_SIGNIN
}

let discovered: Promise<oidc.Configuration> | undefined

/** The provider's metadata, discovered once per process; a failed discovery is retried next time. */
function configuration(): Promise<oidc.Configuration> {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env()
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET)
    throw new Error('Single sign-on is not configured')
  const issuer = new URL(OIDC_ISSUER)
  // The env schema allows http:// only for a provider on this machine (tests, local development).
  const insecure = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined
  discovered ??= oidc
    .discovery(issuer, OIDC_CLIENT_ID, undefined, oidc.ClientSecretBasic(OIDC_CLIENT_SECRET), {
      ...insecure,
      timeout: 10,
    })
    .catch((error: unknown) => {
      discovered = undefined
      throw error
    })
  return discovered
}

function hashState(state: string) {
  return createHash('sha256').update(state).digest('hex')
}

function cookieName(request: Request, name: string) {
  return isSecureRequest(request) ? `__Host-tenfold_${name}` : `tenfold_${name}`
}

function cookie(request: Request, name: string, value: string, maxAge?: number) {
  const parts = [`${cookieName(request, name)}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`)
  if (isSecureRequest(request)) parts.push('Secure')
  return parts.join('; ')
}

function readCookie(request: Request, name: string): string | null {
  const wanted = cookieName(request, name)
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === wanted) return value.join('=') || null
  }
  return null
}

/** Clears the cookie that marks a single sign-on session (a password sign-in is not one). */
export function blankSsoCookie(request: Request) {
  return cookie(request, 'sso', '', 0)
}

export type SsoStart = { ok: true; location: string; cookie: string } | { ok: false; reason: 'unavailable' }

/** Starts a sign-in: remembers the checks on the server and sends the browser to the provider. */
export async function startSsoSignIn(request: Request, redirectTo: string | null): Promise<SsoStart> {
  let config: oidc.Configuration
  try {
    config = await configuration()
  } catch (error) {
    securityEvent('sso.failed', { reason: `discovery: ${describe(error)}` })
    return { ok: false, reason: 'unavailable' }
  }
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const codeVerifier = oidc.randomPKCECodeVerifier()
  const now = Date.now()
  // Sign-ins never completed are dropped as new ones start, so the table stays small without a job.
  await db.deleteFrom('oidc_sign_ins').where('expires_at', '<', new Date(now)).execute()
  await db
    .insertInto('oidc_sign_ins')
    .values({
      state_hash: hashState(state),
      nonce,
      code_verifier: codeVerifier,
      redirect_to: safeRedirectPath(redirectTo),
      expires_at: new Date(now + SIGN_IN_TTL_MS),
    })
    .execute()
  const location = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${publicOrigin(request)}${CALLBACK_PATH}`,
    scope: env().OIDC_SCOPES,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  })
  return { ok: true, location: location.href, cookie: cookie(request, 'oidc', state, SIGN_IN_TTL_MS / 1000) }
}

export type SsoFailure =
  /** No started sign-in in this browser matches the callback: a wrong state, a replay, too late. */
  | 'state'
  /** The provider refused or the tokens failed a check (audience, expiry, nonce, signature, code). */
  | 'provider'
  /** The provider gave no usable email, or says it is not verified. */
  | 'email'
  /** The Tenfold account is disabled. */
  | 'disabled'
  | 'unavailable'

export type SsoResult =
  { ok: true; redirectTo: string; cookies: string[] } | { ok: false; reason: SsoFailure; cookies: string[] }

function describe(error: unknown) {
  if (!(error instanceof Error)) return 'unknown error'
  const code = 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : ''
  const body = 'error' in error && typeof error.error === 'string' ? ` (${error.error})` : ''
  // openid-client wraps the check that failed; its message names the claim (aud, exp, nonce …), and
  // its own cause holds the token's claims, which are never logged.
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${code}${error.message}${body}${inner}`.slice(0, 300)
}

function sameState(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Handles the provider's redirect back: checks, exchanges the code, finds or creates the user, signs in. */
export async function completeSsoSignIn(request: Request, context: AppLoadContext): Promise<SsoResult> {
  const ip = clientIp(context)
  const url = new URL(request.url)
  const cookies = [cookie(request, 'oidc', '', 0)]
  const fail = (reason: SsoFailure, detail: string, userId: string | null = null): SsoResult => {
    securityEvent('sso.failed', { ip, userId, reason: `${reason}: ${detail}` })
    return { ok: false, reason, cookies }
  }
  const state = url.searchParams.get('state')
  const expectedState = readCookie(request, 'oidc')
  if (!state || !expectedState || !sameState(state, expectedState))
    return fail(
      'state',
      expectedState ? 'state differs from this browser’s' : 'no sign-in started in this browser',
    )
  // Consumed whatever happens next: a callback is good once.
  const started = await db
    .deleteFrom('oidc_sign_ins')
    .where('state_hash', '=', hashState(state))
    .returning(['nonce', 'code_verifier', 'redirect_to', 'expires_at'])
    .executeTakeFirst()
  if (!started || started.expires_at.getTime() <= Date.now())
    return fail('state', started ? 'sign-in started too long ago' : 'sign-in already completed or unknown')

  let config: oidc.Configuration
  try {
    config = await configuration()
  } catch (error) {
    return fail('unavailable', `discovery: ${describe(error)}`)
  }
  let claims: SsoClaims
  let idToken: string | undefined
  try {
    // The URL the provider redirected to, as the browser saw it (behind a proxy, APP_ORIGIN's).
    const callback = new URL(`${publicOrigin(request)}${CALLBACK_PATH}${url.search}`)
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: started.code_verifier,
      expectedNonce: started.nonce,
      expectedState: state,
      idTokenExpected: true,
    })
    const idClaims = tokens.claims()
    if (!idClaims) throw new Error('no ID token')
    claims = { ...idClaims }
    // Providers that keep the profile out of the ID token give it at the userinfo endpoint.
    if (typeof claims.email !== 'string' && tokens.access_token)
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims }
    idToken = tokens.id_token
  } catch (error) {
    return fail('provider', describe(error))
  }

  const resolved = await resolveSsoUser(db, claims, {
    roleClaim: env().OIDC_ROLE_CLAIM,
    roleMap: env().OIDC_ROLE_MAP,
  })
  if (!resolved.ok) return fail(resolved.reason, resolved.detail, resolved.userId ?? null)

  // A fresh session id at every sign-in, through the one session-creating function.
  const previous = readSessionId(request)
  if (previous) await invalidateSession(previous)
  const session = await createSessionCookie(request, resolved.user.id, {
    ip,
    userAgent: request.headers.get('User-Agent'),
  })
  cookies.push(session.cookie)
  // Kept for sign-out: the provider's end-session endpoint wants the ID token as its hint.
  cookies.push(cookie(request, 'sso', idToken && idToken.length <= MAX_HINT_LENGTH ? idToken : '1'))
  return { ok: true, redirectTo: started.redirect_to, cookies }
}

/**
 * Where signing out sends the browser after the Tenfold session has ended: the provider's end-session
 * endpoint (RP-initiated logout) when the session came from single sign-on and the provider has one,
 * back to /login afterwards; null otherwise.
 */
export async function providerSignOutUrl(request: Request): Promise<string | null> {
  const hint = readCookie(request, 'sso')
  if (!hint || !ssoProvider()) return null
  const config = await configuration().catch(() => null)
  if (!config?.serverMetadata().end_session_endpoint) return null
  const parameters: Record<string, string> = {
    client_id: config.clientMetadata().client_id,
    post_logout_redirect_uri: `${publicOrigin(request)}/login`,
  }
  if (hint !== '1') parameters.id_token_hint = hint
  return oidc.buildEndSessionUrl(config, parameters).href
}
