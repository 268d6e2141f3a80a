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

/** Only paths of this site: no scheme, no protocol-relative `//host`, no backslash tricks. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (
    typeof target !== 'string' ||
    !target.startsWith('/') ||
    target.startsWith('//') ||
    target.includes('\\')
  ) {
    return fallback
  }
  try {
    const url = new URL(target, 'http://tenfold.invalid')
    if (url.origin !== 'http://tenfold.invalid') return fallback
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return fallback
  }
}

export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null
}

export function publicOrigin(request: Request) {
  return env().APP_ORIGIN ? new URL(env().APP_ORIGIN as string).origin : new URL(request.url).origin
}
