import { redirect } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import type { Locale } from '~/i18n/locales'
import { assertSameOrigin, forbidden } from '~/utils/http.server'
import {
  readSessionId,
  validatePendingSession,
  validateSession,
  type AuthSession,
  type AuthUser,
} from './lucia.server'
import { can, type Capability } from './permissions'

export type { AuthUser, AuthSession }

/** How long a sign-in or re-authentication lets its user make security-sensitive changes. */
export const REAUTH_WINDOW_MS = 10 * 60 * 1000

const cache = new WeakMap<Request, Promise<{ user: AuthUser; session: AuthSession } | null>>()

/** The signed-in user and their session, or null. Validated once per request. */
export function getSession(request: Request) {
  let pending = cache.get(request)
  if (!pending) {
    pending = (async () => {
      const sessionId = readSessionId(request)
      if (!sessionId) return null
      return validateSession(sessionId)
    })()
    cache.set(request, pending)
  }
  return pending
}

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<AuthUser | null> {
  return (await getSession(request))?.user ?? null
}

/** A sign-in waiting for its second factor (the password was right), or null. */
export async function getPendingSignIn(request: Request) {
  const sessionId = readSessionId(request)
  return sessionId ? validatePendingSession(sessionId) : null
}

/**
 * Security-sensitive changes (password, MFA, roles) need a sign-in or re-authentication within
 * REAUTH_WINDOW_MS; otherwise the user is sent to confirm who they are, and back here after.
 */
export async function requireRecentAuth(request: Request, now = new Date()) {
  const found = await getSession(request)
  if (!found) loginRedirect(request)
  if (now.getTime() - found.session.authenticatedAt.getTime() > REAUTH_WINDOW_MS) {
    const url = new URL(request.url)
    throw redirect(`/account/reauth?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  return found
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  const search = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
  throw redirect(`/login${search}`)
}

/**
 * Every loader and action of a signed-in page starts here. For state-changing methods it also refuses
 * cross-site requests (CSRF), so no action can forget to.
 */
export async function requireUser(request: Request): Promise<AuthUser> {
  assertSameOrigin(request)
  const user = await getUser(request)
  if (!user) loginRedirect(request)
  return user
}

export async function requirePermission(request: Request, capability: Capability): Promise<AuthUser> {
  const user = await requireUser(request)
  if (!can(user.role, capability)) forbidden()
  return user
}

export async function requireAnonymous(request: Request) {
  assertSameOrigin(request)
  if (await getUser(request)) throw redirect('/')
}

export async function getUserLocale(request: Request): Promise<Locale> {
  const user = await getUser(request)
  return getLocale(request, user?.locale)
}
