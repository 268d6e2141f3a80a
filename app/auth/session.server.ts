import { redirect } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import type { Locale } from '~/i18n/locales'
import { assertSameOrigin, forbidden } from '~/utils/http.server'
import { readSessionId, validateSession, type AuthUser } from './lucia.server'
import { can, type Capability } from './permissions'

export type { AuthUser }

const cache = new WeakMap<Request, Promise<AuthUser | null>>()

/** The signed-in user, or null. Validated once per request. */
export function getUser(request: Request): Promise<AuthUser | null> {
  let pending = cache.get(request)
  if (!pending) {
    pending = (async () => {
      const sessionId = readSessionId(request)
      if (!sessionId) return null
      const result = await validateSession(sessionId)
      return result?.user ?? null
    })()
    cache.set(request, pending)
  }
  return pending
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
