import type { IncomingMessage } from 'node:http'
import { env } from './env.server'

// What every request must pass before the app sees it (scripts/serve.ts → app/utils/server-app.server.ts):
// each refusal is a 4xx with a short message, never a 500 (the probe found 1,496 malformed payloads
// answered 500). The limits below are documented in docs/security.md and docs/api.md.

const KIB = 1024
const MIB = 1024 * KIB

/** Bodies above these are refused with 413 before they are read whole (the route then checks its own). */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  { prefix: '/recommendations/import/upload', bytes: 26 * MIB },
  { prefix: '/roster/import', bytes: 21 * MIB },
  { prefix: '/kpis/import', bytes: 6 * MIB },
  { prefix: '/api/v1/recommendation-events', bytes: 6 * MIB },
  { prefix: '/api/v1/', bytes: 3 * MIB },
]
/** Any other form post (sign-in included): the largest form, a business case with its rows, is far smaller. */
export const DEFAULT_BODY_LIMIT = 256 * KIB
/** Form fields per post, and characters per field name: beyond them a post is not one of our forms. */
export const MAX_FORM_FIELDS = 2_000
export const MAX_FIELD_NAME = 200

export function bodyLimitFor(path: string) {
  return BODY_LIMITS.find(({ prefix }) => path.startsWith(prefix))?.bytes ?? DEFAULT_BODY_LIMIT
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase())

export type Refusal = { status: 400 | 403 | 413 | 415; reason: string }

/**
 * Cross-site state changes (CSRF): Sec-Fetch-Site other than same-origin/none, or an Origin that is not
 * this server's nor APP_ORIGIN's (a proxy that rewrites Host still matches APP_ORIGIN), is refused.
 */
export function crossSiteRefusal(method: string, headers: IncomingMessage['headers'], ownOrigin: string) {
  if (isSafeMethod(method)) return null
  const site = headers['sec-fetch-site']
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
    return { status: 403, reason: 'cross-site' } as const
  const origin = headers.origin
  if (origin === undefined) return null
  if (!allowedOrigins(ownOrigin).includes(String(origin))) return { status: 403, reason: 'origin' } as const
  return null
}

export function allowedOrigins(ownOrigin: string) {
  const origins = [ownOrigin]
  const configured = env().APP_ORIGIN
  if (configured) origins.push(new URL(configured).origin)
  return origins
}

/** Media types a form action takes; the upload route takes the import formats as well. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])
const UPLOAD_TYPES = new Set(['text/csv', 'application/json', 'application/x-ndjson'])

export function mediaTypeOf(contentType: string | undefined) {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/** 415 for a form action posted as anything but a form (the API routes answer their own 415s). */
export function contentTypeRefusal(path: string, contentType: string | undefined): Refusal | null {
  if (path.startsWith('/api/')) return null
  const type = mediaTypeOf(contentType)
  if (path.startsWith('/recommendations/import/upload') && UPLOAD_TYPES.has(type)) return null
  if (!FORM_TYPES.has(type)) return { status: 415, reason: 'content-type' }
  if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(contentType ?? ''))
    return { status: 415, reason: 'multipart-boundary' }
  return null
}

const hasNul = (value: string) => value.includes('\u0000')

/**
 * A buffered body the app can read without failing: forms that parse, with a bounded number of fields
 * and names, and no NUL character anywhere in a text value (PostgreSQL cannot store one in text; the
 * probe's NUL bytes crashed forms and the KPI measurements API).
 */
export async function bodyRefusal(path: string, contentType: string | undefined, body: Buffer) {
  const type = mediaTypeOf(contentType)
  if (type === 'application/x-www-form-urlencoded') {
    const params = new URLSearchParams(body.toString('utf8'))
    return fieldsRefusal([...params.entries()])
  }
  if (type === 'multipart/form-data') {
    let form: FormData
    try {
      form = await new Request('http://tenfold.invalid/', {
        method: 'POST',
        headers: { 'Content-Type': contentType ?? '' },
        body: new Uint8Array(body),
      }).formData()
    } catch {
      return { status: 400, reason: 'multipart' } as const
    }
    // File contents are the route's to judge (a CSV import answers "not a CSV" next to its field).
    return fieldsRefusal(
      [...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : ''] as const),
    )
  }
  if (path.startsWith('/api/') || path.startsWith('/recommendations/import/upload')) {
    const text = body.toString('utf8')
    // A raw NUL, or JSON's escape of one: no stored text may hold it.
    if (hasNul(text) || /\\u0000/i.test(text)) return { status: 400, reason: 'nul' } as const
  }
  return null
}

function fieldsRefusal(entries: readonly (readonly [string, string])[]): Refusal | null {
  if (entries.length > MAX_FORM_FIELDS) return { status: 413, reason: 'fields' }
  for (const [name, value] of entries) {
    if (name.length > MAX_FIELD_NAME) return { status: 400, reason: 'field-name' }
    if (hasNul(name) || hasNul(value)) return { status: 400, reason: 'nul' }
    // conform turns a[0][1]… into nested objects: nothing of ours nests beyond a few levels.
    if ((name.match(/[[.]/g)?.length ?? 0) > 6) return { status: 400, reason: 'nesting' }
    if (/(^|[[.])(__proto__|constructor|prototype)($|[[\].])/.test(name))
      return { status: 400, reason: 'field-name' }
  }
  return null
}

/** A coarse floor for /api/v1 per client address (a fixed window in this process; keys have their own limits). */
export const API_FLOOR = { requests: 1_200, windowMs: 60_000 }

export function createApiFloor(limit = API_FLOOR, clock = () => Date.now()) {
  const windows = new Map<string, { start: number; count: number }>()
  return (ip: string): number => {
    const now = clock()
    if (windows.size > 50_000)
      for (const [key, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(key)
    const current = windows.get(ip)
    if (!current || now - current.start >= limit.windowMs) {
      windows.set(ip, { start: now, count: 1 })
      return 0
    }
    current.count += 1
    return current.count > limit.requests ? Math.ceil((current.start + limit.windowMs - now) / 1000) : 0
  }
}
