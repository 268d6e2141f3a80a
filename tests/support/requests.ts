import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { createSessionCookie } from '~/auth/lucia.server'

// Builds requests as a browser on this site would send them, signed in or not, and calls route
// loaders and actions directly.

export const ORIGIN = 'http://localhost:3000'

export type RequestOptions = {
  method?: string
  form?: Record<string, string | string[]>
  body?: BodyInit
  headers?: Record<string, string>
  cookie?: string
  crossSite?: boolean
}

export function buildRequest(path: string, options: RequestOptions = {}) {
  const method = options.method ?? (options.form || options.body ? 'POST' : 'GET')
  const headers = new Headers(options.headers)
  if (options.cookie) headers.set('Cookie', options.cookie)
  if (method !== 'GET') {
    headers.set('Sec-Fetch-Site', options.crossSite ? 'cross-site' : 'same-origin')
    headers.set('Origin', options.crossSite ? 'https://evil.example' : ORIGIN)
  }
  let body = options.body
  if (options.form) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item)
    }
    body = params
  }
  return new Request(new URL(path, ORIGIN), { method, headers, body })
}

/** A cookie header for a brand-new session of this user. */
export async function sessionCookieFor(userId: string) {
  const { cookie } = await createSessionCookie(buildRequest('/'), userId, {
    ip: '127.0.0.1',
    userAgent: 'vitest',
  })
  return cookie.split(';')[0]!
}

export const context = { clientIp: '127.0.0.1' }

type Loader = (args: LoaderFunctionArgs) => unknown
type Action = (args: ActionFunctionArgs) => unknown

/** Runs a loader or action; a thrown Response is returned, so tests can assert on redirects and 4xx. */
export async function run(fn: Loader | Action, request: Request, params: Record<string, string> = {}) {
  try {
    return await fn({ request, params, context })
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

/** Status of what a loader/action produced: a Response's status, 200 for plain data, data()'s init status. */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status
  if (
    result &&
    typeof result === 'object' &&
    'type' in result &&
    (result as { type: string }).type === 'DataWithResponseInit'
  ) {
    return (result as { init?: { status?: number } }).init?.status ?? 200
  }
  return 200
}
