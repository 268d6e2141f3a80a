import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'

import { DEMO_PASSWORD, seedDemo } from '#db/seed/demo'
// Remix's own flat-routes convention: the same route files the build serves.
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'
import { API_SCOPES } from '~/models/foundation/api-key.schema'
import { createApiKey } from '~/models/foundation/api-key.server'
import { db } from '~/utils/db.server'
import { startHttpApp, type HttpApp } from '#tests/support/http-app'
import remixConfig from '../../../remix.config.js'

// The admin signs in with the password alone: a second factor is not what the fuzz looks at.
vi.hoisted(() => {
  process.env.MFA_REQUIRED_ROLES = ''
})

// Malformed requests over real HTTP to every form action and every API endpoint, signed in as the
// demo's admin (so the requests reach the actions) with an API key of every scope: wrong and broken
// content types, bodies over the limits, NUL bytes, deep nesting, __proto__, duplicate fields, huge
// and non-finite numbers, unknown intents. No answer may be a 5xx, and no table may change.
// A fixed seed makes every run send the same requests.

const SEED = 17
const ROUNDS_PER_TARGET = 24

function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(SEED)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
const junk = (length: number) =>
  Array.from({ length }, () => String.fromCharCode(33 + Math.floor(next() * 90))).join('')

type RouteConfig = { id: string; parentId?: string; path?: string; index?: boolean; file: string }
const modules = import.meta.glob<{ action?: unknown; loader?: unknown }>('../../../app/routes/*.{ts,tsx}')

let app: HttpApp
let cookie: string
let apiKey: string
const params: Record<string, string> = {}

/** Every route with an action, its URL with real ids of the demo (so the action runs, not a 404). */
async function formTargets() {
  const routes = flatRoutes(path.resolve('app'), remixConfig.ignoredRouteFiles) as Record<string, RouteConfig>
  const byId = new Map(Object.values(routes).map((route) => [route.id, route]))
  const targets: { path: string; api: boolean }[] = []
  for (const route of byId.values()) {
    const module = await modules[`../../../app/${route.file}`]!()
    const isApi = route.id.startsWith('routes/api.')
    if (!module.action && !isApi) continue
    const segments: string[] = []
    for (let at: RouteConfig | undefined = route; at; at = at.parentId ? byId.get(at.parentId) : undefined)
      if (at.path) segments.unshift(at.path)
    const url = `/${segments.join('/')}`.replace(/:(\w+)/g, (_, name: string) => {
      const value = params[name]
      if (!value) throw new Error(`No demo value for the route parameter ${name} (${route.file})`)
      return encodeURIComponent(value)
    })
    targets.push({ path: route.index ? `${url}?index` : url, api: isApi })
  }
  return targets
}

async function firstId(table: string, column = 'id') {
  const { rows } = await sql<{
    id: string
  }>`select ${sql.ref(column)}::text as id from ${sql.table(table)} limit 1`.execute(db)
  if (!rows[0]) throw new Error(`The demo has no ${table}`)
  return rows[0].id
}

const ANONYMOUS = new Set(['/login', '/logout', '/login/mfa'])
/** The ingest answers 200 with a report of each item rejected (docs/api.md): accepted must be 0. */
// The ingest APIs answer 200 with a per-item report: junk must be accepted 0 times.
const REPORTING = ['/api/v1/recommendation-events', '/api/v1/training-completions']

const VOLATILE_COLUMNS: Record<string, string[]> = {
  user_sessions: ['expires_at', 'last_active_at'],
  api_keys: ['last_used_at'],
  kpis: ['state_status', 'state_period_end', 'state_value', 'state_stale_after', 'state_epoch'],
}

/** Row count and a checksum of every table's content (the throttle's attempt counters aside). */
async function snapshot() {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db)
  const result: Record<string, string> = {}
  for (const { name } of tables) {
    if (name === 'auth_throttle') continue
    // Written by reads, as they should be: a session's idle deadline slides, a key's last use is
    // stamped, a KPI's cached state (state_*) is recomputed when read. Everything else is compared.
    const volatile = VOLATILE_COLUMNS[name] ?? []
    const content = sql`md5(coalesce(string_agg((to_jsonb(t) - ${sql.val(volatile)}::text[])::text, ',' order by (to_jsonb(t) - ${sql.val(volatile)}::text[])::text), ''))`
    const { rows } = await sql<{ count: string; digest: string }>`
      select count(*)::text as count, ${content} as digest from ${sql.table(name)} t`.execute(db)
    result[name] = `${rows[0]!.count}:${rows[0]!.digest}`
  }
  return result
}

const FIELDS = [
  'intent',
  'name',
  'title',
  'value',
  'amount',
  'year',
  'period_end',
  'email',
  'role',
  'status',
  'note',
  'body',
  'target',
  'id',
  'kpiId',
  'userId',
  'sellerId',
  'locale',
  'redirectTo',
  'decision',
  'weight',
  'start_date',
  'end_date',
  'points',
  'estimate',
  'scopes',
  'password',
  'confirm',
  'current',
  'csv',
]
const NUMERIC_FIELDS = new Set(['value', 'amount', 'year', 'target', 'weight', 'points', 'estimate'])
const NUMBERS = [
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '99999999999999999999999999',
  '0x10',
  '1e-400',
  '-0',
  '١٢٣',
]

type Payload = { contentType?: string; body: string | Uint8Array; what: string }

function form(entries: [string, string][]) {
  return entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}

/** Every form payload carries a definite defect: an unknown intent and ids that are no ids, at least. */
function baseEntries(): [string, string][] {
  return FIELDS.map((name) => {
    if (name === 'intent') return [name, `x-${junk(6)}`]
    if (/id$/i.test(name)) return [name, junk(8)]
    return [name, '']
  })
}

function formPayload(): Payload {
  const kind = pick([
    'content-type',
    'broken-multipart',
    'oversize',
    'nul',
    'nesting',
    'proto',
    'duplicates',
    'numbers',
    'intent',
  ])
  const urlencoded = 'application/x-www-form-urlencoded'
  switch (kind) {
    case 'content-type':
      return {
        what: kind,
        contentType: pick([
          'application/json',
          'text/plain',
          'application/xml',
          'multipart/form-data',
          'multipart/form-data; boundary=',
          '',
          'application/x-www-form-urlencodedx',
          '*/*',
          'text/csv',
          ';;;',
          'multipart/mixed; boundary=x',
        ]),
        body: pick(['{"intent":"x"}', '<a/>', 'a=b', '', '\u0000\u0001']),
      }
    case 'broken-multipart': {
      const boundary = junk(12).replace(/[^A-Za-z0-9]/g, 'a')
      return {
        what: kind,
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: pick([
          `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx`,
          `--${boundary}\r\n\r\n--${boundary}--`,
          `garbage ${junk(40)}`,
          `--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n`,
        ]),
      }
    }
    case 'oversize':
      return {
        what: kind,
        contentType: urlencoded,
        body: form([
          ['intent', 'x'],
          ['name', 'y'.repeat(300 * 1024)],
        ]),
      }
    case 'nul':
      return {
        what: kind,
        contentType: urlencoded,
        body: form(baseEntries().map(([k, v]) => [k, `${v}\u0000${junk(3)}`])),
      }
    case 'nesting':
      return {
        what: kind,
        contentType: urlencoded,
        body: form([...baseEntries(), [`a${'[0]'.repeat(40)}`, '1'], [`b${'.x'.repeat(40)}`, '1']]),
      }
    case 'proto':
      return {
        what: kind,
        contentType: urlencoded,
        body: form([
          ...baseEntries(),
          [
            pick([
              '__proto__[admin]',
              'constructor[prototype][x]',
              '__proto__',
              'a.__proto__.b',
              'prototype',
            ]),
            '1',
          ],
        ]),
      }
    case 'duplicates':
      return {
        what: kind,
        contentType: urlencoded,
        body: form([...baseEntries(), ...baseEntries(), ['intent', 'update'], ['intent', 'delete']]),
      }
    case 'numbers':
      return {
        what: kind,
        contentType: urlencoded,
        // In the fields that take numbers; text fields stay empty (a name of "Infinity" is a fine name).
        body: form(baseEntries().map(([k, v]) => [k, NUMERIC_FIELDS.has(k) ? pick(NUMBERS) : v])),
      }
    default:
      return {
        what: kind,
        contentType: urlencoded,
        body: form([['intent', junk(Math.floor(next() * 300))], ...baseEntries()]),
      }
  }
}

function deepJson(depth: number) {
  return '['.repeat(depth) + ']'.repeat(depth)
}

function apiPayload(): Payload {
  const kind = pick([
    'json-nul',
    'json-numbers',
    'json-proto',
    'json-deep',
    'json-broken',
    'content-type',
    'csv-nul',
    'oversize',
    'dupes',
    'ndjson',
  ])
  switch (kind) {
    case 'json-nul':
      return {
        what: kind,
        contentType: 'application/json',
        body: JSON.stringify([
          { period_end: '2026-01-31\u0000', value: 1, note: 'a\u0000b', recommendation_id: 'r\u0000' },
        ]),
      }
    case 'json-numbers':
      return {
        what: kind,
        contentType: 'application/json',
        body: `[{"period_end":"2026-01-31","value":${pick(['1e999', '-1e999', '123456789012345678901234567890', '-123456789012345678901234567890'])}}]`,
      }
    case 'json-proto':
      return {
        what: kind,
        contentType: 'application/json',
        body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"items":[{"__proto__":{}}]}',
      }
    case 'json-deep':
      return { what: kind, contentType: 'application/json', body: deepJson(pick([100, 5_000, 50_000])) }
    case 'json-broken':
      return {
        what: kind,
        contentType: 'application/json',
        body: pick([
          '[{"a":',
          '{"',
          'nul',
          '\uFEFF\uFEFF[]',
          '[1,]',
          new Uint8Array([0xff, 0xfe, 0x00, 0x5b, 0x5d]) as never,
        ]),
      }
    case 'content-type':
      return {
        what: kind,
        contentType: pick([
          'text/plain',
          'application/xml',
          'multipart/form-data',
          '',
          'application/json; charset=utf-16',
          'application/x-www-form-urlencoded',
        ]),
        body: 'a=b',
      }
    case 'csv-nul':
      return {
        what: kind,
        contentType: 'text/csv',
        body: `period_end,value\n2026-01-31,1\u0000\n2026-02-28,${pick(NUMBERS)}\n`,
      }
    case 'oversize':
      return { what: kind, contentType: 'application/json', body: `[${'1,'.repeat(4 * 1024 * 1024)}1]` }
    case 'dupes':
      return {
        what: kind,
        contentType: 'application/json',
        body: '{"value":1,"value":"x","period_end":"2026-01-31","period_end":null}',
      }
    default:
      return { what: kind, contentType: 'application/x-ndjson', body: `{"a":1}\n{"b":\n\u0000\n${junk(30)}` }
  }
}

beforeAll(async () => {
  await seedDemo(db)
  app = await startHttpApp()
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'admin@tenfold.demo', password: DEMO_PASSWORD }),
  })
  expect(response.status).toBe(302)
  cookie = response.headers.getSetCookie()[0]!.split(';')[0]!
  const admin = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', '=', 'admin@tenfold.demo')
    .executeTakeFirstOrThrow()
  apiKey = (
    await createApiKey(db, { id: admin.id, label: admin.email }, { name: 'fuzz', scopes: [...API_SCOPES] })
  ).secret
  Object.assign(params, {
    initiativeId: await firstId('initiatives'),
    kpiId: await firstId('kpis'),
    linkId: await firstId('kpi_driver_links'),
    sprintId: await firstId('sprints'),
    feedbackId: await firstId('pilot_feedback'),
    programId: await firstId('programs'),
    userId: await firstId('users'),
    sellerId: await firstId('sellers'),
    key: await firstId('kpis', 'key'),
    table: 'portfolio',
    token: 'not-a-real-token-0123456789abcdefghijklmnop',
  })
}, 120_000)
afterAll(() => app?.close())

function isBackToLogin(response: { status: number; headers?: Headers }) {
  const location = response.headers?.get('Location') ?? response.headers?.get('X-Remix-Redirect') ?? ''
  return response.status === 202 || /^\/login(\?|$)/.test(location)
}

test('≥ 1,000 malformed requests to every form action and API endpoint: no 5xx, no row changed', async () => {
  const targets = await formTargets()
  expect(targets.filter((t) => !t.api).length).toBeGreaterThan(30)
  expect(targets.filter((t) => t.api).length).toBeGreaterThanOrEqual(4)
  const before = await snapshot()
  const requests: { url: string; init: RequestInit; what: string }[] = []
  for (const target of targets) {
    for (let round = 0; round < ROUNDS_PER_TARGET; round++) {
      const payload = target.api ? apiPayload() : formPayload()
      // Form actions are reached as documents and as single fetch (.data) posts.
      const url = !target.api && round % 3 ? target.path.replace(/(\?index)?$/, '.data$1') : target.path
      const headers: Record<string, string> = {
        'Sec-Fetch-Site': 'same-origin',
        // Sign-in and sign-out are for the anonymous and the signed-in alike: sent without the session (a
        // signed-in post to /login is redirected home by its loader; /logout signs out whatever the body).
        ...(ANONYMOUS.has(target.path) ? {} : { Cookie: cookie }),
        Authorization: `Bearer ${apiKey}`,
      }
      if (payload.contentType !== undefined) headers['Content-Type'] = payload.contentType
      requests.push({
        url: `${app.url}${url}`,
        what: `${payload.what} → ${url}`,
        init: {
          method: pick(['POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE']),
          headers,
          body: payload.body as BodyInit,
          redirect: 'manual',
        },
      })
    }
  }
  expect(requests.length).toBeGreaterThanOrEqual(1_000)
  const failures: string[] = []
  const statuses = new Map<number, number>()
  const accepted: string[] = []
  let index = 0
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (index < requests.length) {
        const request = requests[index++]!
        const response = await fetch(request.url, request.init).catch((error: Error) => ({
          status: 599,
          text: async () => error.message,
        }))
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        const report =
          response.status === 200 && REPORTING.some((path) => request.url.endsWith(path))
            ? (JSON.parse(await response.text()) as { accepted: number })
            : null
        if (report && report.accepted !== 0) accepted.push(`accepted ${report.accepted}: ${request.what}`)
        // /logout takes no fields: any well-formed post signs out (nobody, here) and redirects; the second
        // step of sign-in without a first one sends the browser back to /login, having done nothing.
        else if (
          response.status < 400 &&
          !report &&
          !request.url.includes('/logout') &&
          !(request.url.includes('/login/mfa') && isBackToLogin(response))
        )
          accepted.push(`${response.status} ${request.init.method} ${request.what}`)
        if (response.status >= 500)
          failures.push(
            `${response.status} ${request.init.method} ${request.what}: ${(await response.text()).slice(0, 200)}`,
          )
        else if ('body' in response && !report) await response.body?.cancel()
      }
    }),
  )
  expect(failures).toEqual([])
  // Still signed in: no request ended the session it carried.
  expect(
    (await fetch(`${app.url}/initiatives`, { headers: { Cookie: cookie }, redirect: 'manual' })).status,
  ).toBe(200)
  const after = await snapshot()
  if (JSON.stringify(after) !== JSON.stringify(before))
    console.log(
      'FUZZ-AUDIT',
      JSON.stringify(
        await db
          .selectFrom('audit_log')
          .select(['action', 'entity_type', 'after'])
          .orderBy('at', 'desc')
          .limit(8)
          .execute(),
      ),
    )
  expect(after).toEqual(before)
  expect(accepted).toEqual([])
}, 120_000)
