import type { AppLoadContext } from '@remix-run/node'
import { env } from './env.server'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address as the HTTP server saw it (X-Forwarded-For only when TRUST_PROXY is on). */
    clientIp?: string | null
  }
}

/** Throws a Response when a condition fails, so loaders read top to bottom. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition)
    throw new Response(message, { ...init, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function forbidden(message = 'Forbidden'): never {
  throw new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function notFound(message = 'Not found'): never {
  throw new Response(message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF). Browsers send
 * Sec-Fetch-Site on every request; older ones at least send Origin on POST. A request with neither is
 * not a browser's cross-site request (scripts, API clients) and passes.
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return
  const site = request.headers.get('Sec-Fetch-Site')
  if (site && site !== 'same-origin' && site !== 'none') forbidden('Cross-site request refused')
  const origin = request.headers.get('Origin')
  if (!site && origin && !allowedOrigins(request).includes(origin)) forbidden('Cross-site request refused')
}

function allowedOrigins(request: Request) {
  const origins = [new URL(request.url).origin]
  const configured = env().APP_ORIGIN
  if (configured) origins.push(new URL(configured).origin)
  return origins
}

const REDIRECT_BASE = 'http://tenfold.invalid'

/**
 * Only paths of this site, normalised: no scheme, no protocol-relative `//host`, no backslash or
 * control-character tricks, and none that a browser (or a second decoding) would resolve elsewhere:
 * `/.//evil.example` normalises to `//evil.example` and so falls back, as does `/%2F%2Fevil.example`.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  // Decoded twice as well: a proxy or a browser may decode once more than we do.
  const once = decodeSafely(target)
  for (const candidate of [target, once, decodeSafely(once)]) {
    if (candidate.startsWith('//') || candidate.includes('\\') || hasControlCharacter(candidate))
      return fallback
  }
  try {
    const url = new URL(target, REDIRECT_BASE)
    if (url.origin !== REDIRECT_BASE) return fallback
    const path = `${url.pathname}${url.search}${url.hash}`
    // The normalised path (dot segments removed) must not start a new authority either.
    if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback
    if (decodeSafely(url.pathname).startsWith('//')) return fallback
    return path
  } catch {
    return fallback
  }
}

function hasControlCharacter(value: string) {
  return [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
}

function decodeSafely(value: string) {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null
}

export function publicOrigin(request: Request) {
  return env().APP_ORIGIN ? new URL(env().APP_ORIGIN as string).origin : new URL(request.url).origin
}
