// Every page family, for each role, on the portfolio benchmark's full-size world (tests/bench/
// portfolio-world.ts: 50 initiatives × 10 KPIs × 36 months, cycles, 12 sprints each, 5,000 reps, 7,500
// feedback items, 100,000 recommendation events) plus 20,000 audit rows: the server time of each page
// (root + layout + page loaders together, as Remix runs them, in-process with a signed-in request),
// median and p95; then the JavaScript and CSS each route downloads on first load, gzip, from the
// production build's Remix manifest (run `npm run build` first).
//
//   npm run bench:pages                 full-size world, 10 timed runs per page and role (a few minutes)
//   npm run bench:pages -- --small      the portfolio bench's small world
// Options: --url postgres://… (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
// --runs N, --keep. It creates and drops a throwaway database; results go to docs/benchmarks.md.
import fs from 'node:fs'
import { register } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import pg from 'pg'

// Route modules import their stylesheet as `~/styles/x.css?url` (a Vite feature); outside Vite its URL
// does not matter, so CSS modules load as an empty string (as in tests/bench/kpi.ts).
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function load(url, context, next) {
        if (/\\.css(\\?|$)/.test(url)) return { format: 'module', source: 'export default ""', shortCircuit: true }
        return next(url, context)
      }`,
    ),
)

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean' },
    url: { type: 'string' },
    keep: { type: 'boolean' },
    runs: { type: 'string', default: '10' },
  },
})
const RUNS = Number(args.runs)
const TARGET_MS = 100
const TARGET_JS_KB = 150
const adminUrl = args.url ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const database = `tenfold_bench_pages_${process.pid}`
const dbUrl = new URL(adminUrl)
dbUrl.pathname = `/${database}`

type Loader = (args: { request: Request; params: Record<string, string>; context: unknown }) => unknown
type Family = { name: string; path: string; routes: string[]; params?: Record<string, string> }

/** First-load JS and CSS of each route, gzip: entry + manifest + root + layouts + the route, deduplicated. */
function assetSizes(routeIds: string[][]) {
  const assets = path.resolve('build/client/assets')
  const manifestFile = fs.existsSync(assets)
    ? fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))
    : null
  if (!manifestFile) return null
  const text = fs.readFileSync(path.join(assets, manifestFile), 'utf8')
  const manifest = JSON.parse(text.replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')) as {
    entry: { module: string; imports: string[] }
    routes: Record<string, { module: string; imports?: string[]; css?: string[]; parentId?: string }>
  }
  const gz = new Map<string, number>()
  const gzipOf = (url: string) => {
    if (!gz.has(url)) gz.set(url, gzipSync(fs.readFileSync(path.join('build/client', url))).length)
    return gz.get(url)!
  }
  return routeIds.map((ids) => {
    const js = new Set<string>([manifest.entry.module, ...manifest.entry.imports, `/assets/${manifestFile}`])
    const css = new Set<string>()
    for (const id of ['root', ...ids]) {
      const route = manifest.routes[id]
      if (!route) continue
      for (const url of [route.module, ...(route.imports ?? [])]) js.add(url)
      for (const url of route.css ?? []) css.add(url)
    }
    // Stylesheets linked with `?url` (links()) are named inside the chunks, not in the manifest's css.
    for (const url of js)
      for (const match of fs
        .readFileSync(path.join('build/client', url), 'utf8')
        .matchAll(/\/assets\/[\w.-]+\.css/g))
        css.add(match[0])
    const sum = (set: Set<string>) => [...set].reduce((total, url) => total + gzipOf(url), 0) / 1024
    return { js: sum(js), css: sum(css) }
  })
}

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`create database ${database}`)
process.env.DATABASE_URL = dbUrl.toString()
process.env.LOG_LEVEL = 'warn'

try {
  const { migrateToLatest } = await import('#db/migrate')
  const { db, closeDatabase } = await import('~/utils/db.server')
  const { buildPortfolioWorld, PORTFOLIO_FULL, PORTFOLIO_SMALL } = await import('./portfolio-world')
  const { buildRequest, sessionCookieFor, statusOf } = await import('#tests/support/requests')
  await migrateToLatest(db)

  const t0 = performance.now()
  const SIZE = args.small ? PORTFOLIO_SMALL : PORTFOLIO_FULL
  const { sponsor, lead, program } = await buildPortfolioWorld(db, SIZE)
  const [adminUser, viewer, eet] = await db
    .insertInto('users')
    .values([
      { email: 'admin@bench.test', name: 'Admin', role: 'admin' },
      { email: 'viewer@bench.test', name: 'Viewer', role: 'viewer' },
      { email: 'eet@bench.test', name: 'EET member', role: 'eet_member' },
    ])
    .returning(['id'])
    .execute()
  const initiatives = await db
    .selectFrom('initiatives')
    .select('id')
    .where('program_id', '=', program.id)
    .orderBy('name')
    .execute()
  const first = initiatives[0]!.id
  await db
    .insertInto('initiative_members')
    .values({ initiative_id: first, user_id: eet!.id, kind: 'eet' })
    .execute()
  await db
    .updateTable('initiatives')
    .set({ name: '每日推薦者 Initiative 00' })
    .where('id', '=', first)
    .execute()
  const kpi = await db
    .selectFrom('kpis')
    .select('id')
    .where('initiative_id', '=', first)
    .executeTakeFirstOrThrow()
  const sprint = await db
    .selectFrom('sprints')
    .select('id')
    .where('initiative_id', '=', first)
    .executeTakeFirstOrThrow()
  const feedback = await db
    .selectFrom('pilot_feedback')
    .select('id')
    .where('initiative_id', '=', first)
    .executeTakeFirstOrThrow()
  await sql`insert into audit_log (actor_label, action, entity_type, entity_id, before, after, at)
    select 'lead@bench.test', 'initiative.update', 'initiative', ${first}, '{"name":"Old"}'::jsonb,
      '{"name":"New"}'::jsonb, now() - (g || ' minutes')::interval from generate_series(1, 20000) g`.execute(
    db,
  )
  await sql`analyze`.execute(db)
  const loadSeconds = (performance.now() - t0) / 1000

  const i = `/initiatives/${first}`
  const ip = { initiativeId: first }
  const families: Family[] = [
    { name: 'home', path: '/', routes: ['routes/_index'] },
    { name: 'programs', path: '/programs', routes: ['routes/programs._index'] },
    {
      name: 'program',
      path: `/programs/${program.id}`,
      routes: ['routes/programs.$programId._index'],
      params: { programId: program.id },
    },
    { name: 'initiatives', path: '/initiatives', routes: ['routes/initiatives._index'] },
    {
      name: 'initiative',
      path: i,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId._index'],
      params: ip,
    },
    {
      name: 'business case',
      path: `${i}/case`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.case._index'],
      params: ip,
    },
    {
      name: 'team',
      path: `${i}/team`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.team'],
      params: ip,
    },
    {
      name: 'gates',
      path: `${i}/gates`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.gates'],
      params: ip,
    },
    {
      name: 'checklist',
      path: `${i}/checklist`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.checklist'],
      params: ip,
    },
    {
      name: 'cycle',
      path: `${i}/cycle`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.cycle'],
      params: ip,
    },
    {
      name: 'sprints',
      path: `${i}/sprints`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.sprints._index'],
      params: ip,
    },
    {
      name: 'sprint',
      path: `${i}/sprints/${sprint.id}`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.sprints.$sprintId'],
      params: { ...ip, sprintId: sprint.id },
    },
    {
      name: 'initiative KPIs',
      path: `${i}/kpis`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.kpis'],
      params: ip,
    },
    {
      name: 'EET',
      path: `${i}/eet`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.eet'],
      params: ip,
    },
    {
      name: 'feedback list',
      path: `${i}/feedback`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.feedback._index'],
      params: ip,
    },
    {
      name: 'feedback item',
      path: `${i}/feedback/${feedback.id}`,
      routes: ['routes/initiatives.$initiativeId', 'routes/initiatives.$initiativeId.feedback.$feedbackId'],
      params: { ...ip, feedbackId: feedback.id },
    },
    { name: 'KPIs', path: `/kpis?program=${program.id}`, routes: ['routes/kpis._index'] },
    {
      name: 'KPI',
      path: `/kpis/${kpi.id}`,
      routes: ['routes/kpis.$kpiId._index'],
      params: { kpiId: kpi.id },
    },
    { name: 'delivery', path: '/delivery', routes: ['routes/delivery._index'] },
    { name: 'governance', path: '/governance', routes: ['routes/governance'] },
    { name: 'portfolio', path: '/portfolio', routes: ['routes/portfolio._index'] },
    { name: 'approvals', path: '/portfolio/approvals', routes: ['routes/portfolio.approvals'] },
    { name: 'period report', path: '/portfolio/report', routes: ['routes/portfolio.report'] },
    {
      name: 'recommendations',
      path: '/recommendations',
      routes: ['routes/recommendations', 'routes/recommendations._index'],
    },
    {
      name: 'adoption',
      path: '/recommendations/adoption',
      routes: ['routes/recommendations', 'routes/recommendations.adoption'],
    },
    {
      name: 'rejections',
      path: '/recommendations/rejections',
      routes: ['routes/recommendations', 'routes/recommendations.rejections'],
    },
    {
      name: 'explanations',
      path: '/recommendations/explanations',
      routes: ['routes/recommendations', 'routes/recommendations.explanations'],
    },
    { name: 'roster', path: '/roster', routes: ['routes/roster._index'] },
    { name: 'users', path: '/admin/users', routes: ['routes/admin.users._index'] },
    { name: 'API keys', path: '/admin/api-keys', routes: ['routes/admin.api-keys'] },
    { name: 'audit log', path: '/admin/audit', routes: ['routes/admin.audit'] },
    { name: 'search (Chinese)', path: `/search?q=${encodeURIComponent('推薦')}`, routes: ['routes/search'] },
    { name: 'search (English)', path: '/search?q=feedback', routes: ['routes/search'] },
    { name: 'notifications', path: '/notifications', routes: ['routes/notifications'] },
  ]
  const modules = new Map<string, Loader>()
  for (const id of ['root', ...new Set(families.flatMap((family) => family.routes))]) {
    const file = id === 'root' ? '../../app/root.tsx' : `../../app/${id}.tsx`
    const loaded = (await import(file)) as { loader: Loader }
    modules.set(id, loaded.loader)
  }
  const roles = {
    admin: adminUser!.id,
    lead: lead.id,
    sponsor: sponsor.id,
    eet_member: eet!.id,
    viewer: viewer!.id,
  }
  const cookies = Object.fromEntries(
    await Promise.all(Object.entries(roles).map(async ([role, id]) => [role, await sessionCookieFor(id)])),
  ) as Record<keyof typeof roles, string>

  /** One page view: every loader of the page at once; the worst status among them. */
  const view = async (family: Family, cookie: string) => {
    const start = performance.now()
    const results = await Promise.all(
      ['root', ...family.routes].map(async (id) => {
        try {
          return await modules.get(id)!({
            request: buildRequest(family.path, { cookie }),
            params: family.params ?? {},
            context: { clientIp: '127.0.0.1' },
          })
        } catch (error) {
          if (error instanceof Response) return error
          throw error
        }
      }),
    )
    const ms = performance.now() - start
    const denied = results.some((result) => {
      const status = statusOf(result)
      return status === 403 || status === 404 || (result instanceof Response && status >= 300 && status < 400)
    })
    return { ms, denied }
  }

  const quantile = (sorted: number[], q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!
  const table: { family: string; role: string; median: number; p95: number }[] = []
  for (const family of families) {
    for (const [role, cookie] of Object.entries(cookies)) {
      const probe = await view(family, cookie)
      if (probe.denied) continue
      await view(family, cookie)
      const times: number[] = []
      for (let r = 0; r < RUNS; r++) times.push((await view(family, cookie)).ms)
      times.sort((a, b) => a - b)
      table.push({ family: family.name, role, median: quantile(times, 0.5), p95: quantile(times, 0.95) })
    }
  }
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  console.log(
    `\nPages benchmark (${args.small ? 'small' : 'full'}): ${SIZE.initiatives} initiatives, ${SIZE.sellers} reps, ` +
      `${SIZE.events} events, 20,000 audit rows; built in ${loadSeconds.toFixed(0)} s; ${RUNS} runs per page and role; load ${load}`,
  )
  console.log(
    `\n| page | role | median ms | p95 ms | p50 < ${TARGET_MS} ms |\n| --- | --- | ---: | ---: | --- |`,
  )
  for (const row of table)
    console.log(
      `| ${row.family} | ${row.role} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.median < TARGET_MS ? 'yes' : '**no**'} |`,
    )
  const sizes = assetSizes(families.map((family) => family.routes))
  if (!sizes)
    console.log('\nNo build/client/assets/manifest-*.js: run `npm run build` for the JS and CSS sizes.')
  else {
    console.log(
      `\n| page | first-load JS kB gzip | CSS kB gzip | JS ≤ ${TARGET_JS_KB} kB |\n| --- | ---: | ---: | --- |`,
    )
    families.forEach((family, index) => {
      const size = sizes[index]!
      console.log(
        `| ${family.name} | ${size.js.toFixed(1)} | ${size.css.toFixed(1)} | ${size.js <= TARGET_JS_KB ? 'yes' : '**no**'} |`,
      )
    })
  }
  const slow = table.filter((row) => row.median >= TARGET_MS)
  console.log(
    `\n${slow.length ? `${slow.length} page × role cells miss the server target.` : 'Every page meets the server target.'}`,
  )
  await closeDatabase()
} finally {
  if (!args.keep) await admin.query(`drop database if exists ${database} with (force)`)
  await admin.end()
}
