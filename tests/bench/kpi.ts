// KPI trees at scale: builds a program of KPIs with years of daily values on PostgreSQL and times the
// program view, the tree view and one KPI page (their route loaders, called with a signed-in request),
// against the floor of a bare SELECT of one KPI's raw series.
//
//   tsx tests/bench/kpi.ts           small: 200 KPIs × 1 year daily (~70k values), well under 2 minutes
//   tsx tests/bench/kpi.ts --full    2,000 KPIs × 5 years daily (~3.5M values)
//
// Database: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/tenfold_bench_kpi. The script creates the
// database and drops it at the end; it refuses to touch a database whose name does not start with
// "tenfold_bench".
import { register } from 'node:module'
import { performance } from 'node:perf_hooks'
import pg from 'pg'

// Route modules import their stylesheet as `~/styles/x.css?url` (a Vite feature); outside Vite the
// stylesheet's URL does not matter, so CSS modules load as an empty string.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function load(url, context, next) {
        if (/\\.css(\\?|$)/.test(url)) return { format: 'module', source: 'export default ""', shortCircuit: true }
        return next(url, context)
      }`,
    ),
)

const FULL = process.argv.includes('--full')
/** --keep leaves the database in place for profiling (drop it yourself). */
const KEEP = process.argv.includes('--keep')
const SIZE = FULL
  ? { initiatives: 20, kpisPerInitiative: 100, years: 5, runs: 40 }
  : { initiatives: 4, kpisPerInitiative: 50, years: 1, runs: 25 }

const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tenfold_bench_kpi')
const databaseName = decodeURIComponent(url.pathname.slice(1))
if (!databaseName.startsWith('tenfold_bench')) {
  console.error(
    `Refusing to use "${databaseName}": the bench creates and drops its database (name it tenfold_bench…).`,
  )
  process.exit(1)
}
const adminUrl = new URL(url)
adminUrl.pathname = '/postgres'

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function log(message: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`)
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return { median: at(0.5), p95: at(0.95) }
}

/** Times `fn` after three warm-ups; `before` (untimed) runs ahead of each call. */
async function time(runs: number, fn: () => Promise<unknown>, before?: (run: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) {
    await before?.(-1 - i)
    await fn()
  }
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    await before?.(i)
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  return stats(samples)
}

await admin(`drop database if exists "${databaseName}"`)
await admin(`create database "${databaseName}"`)
process.env.DATABASE_URL = url.toString()
process.env.SESSION_SECRET ??= 'bench-secret-that-is-long-enough-0123456789'

const { db, closeDatabase } = await import('~/utils/db.server')
try {
  const { sql } = await import('kysely')
  const { migrateToLatest } = await import('#db/migrate')
  const { buildRequest, run, sessionCookieFor } = await import('#tests/support/requests')
  const programView = await import('~/routes/kpis._index')
  const treeView = await import('~/routes/initiatives.$initiativeId.kpis')
  const kpiPage = await import('~/routes/kpis.$kpiId._index')

  await migrateToLatest(db)
  const total = SIZE.initiatives * SIZE.kpisPerInitiative
  log(`Building ${total} KPIs × ${SIZE.years} year(s) of daily values in ${databaseName}…`)
  const build = performance.now()
  const adminUser = await db
    .insertInto('users')
    .values({ email: 'bench-admin@tenfold.test', name: 'Bench admin', role: 'admin' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const program = await db
    .insertInto('programs')
    .values({ name: 'Bench program' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const end = new Date().toISOString().slice(0, 10)
  const start = new Date(
    Date.UTC(new Date().getUTCFullYear() - SIZE.years, new Date().getUTCMonth(), new Date().getUTCDate() + 1),
  )
    .toISOString()
    .slice(0, 10)
  const initiativeIds: string[] = []
  for (let i = 0; i < SIZE.initiatives; i++) {
    const lead = await db
      .insertInto('users')
      .values({ email: `bench-lead-${i}@tenfold.test`, name: `Lead ${i}`, role: 'lead' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const initiative = await db
      .insertInto('initiatives')
      .values({ program_id: program.id, name: `Initiative ${String(i).padStart(2, '0')}`, lead_id: lead.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    initiativeIds.push(initiative.id)
    // Each tree: one measured root, four rolled-up branches (sums) and measured leaves under them.
    const root = await db
      .insertInto('kpis')
      .values({
        program_id: program.id,
        initiative_id: initiative.id,
        key: `i${i}-root`,
        name_en: `Initiative ${i} outcome`,
        name_zh_tw: `計畫 ${i} 成果`,
        kind: 'lagging',
        category: 'financial',
        direction: 'higher',
        cadence: 'daily',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const branches = await db
      .insertInto('kpis')
      .values(
        [0, 1, 2, 3].map((b) => ({
          program_id: program.id,
          initiative_id: initiative.id,
          parent_id: root.id,
          key: `i${i}-b${b}`,
          name_en: `Branch ${b}`,
          name_zh_tw: `分支 ${b}`,
          kind: 'lagging' as const,
          category: 'customer_value' as const,
          direction: 'higher' as const,
          cadence: 'daily' as const,
          rollup: 'sum' as const,
        })),
      )
      .returning('id')
      .execute()
    await db
      .insertInto('kpis')
      .values(
        Array.from({ length: SIZE.kpisPerInitiative - 5 }, (_, l) => ({
          program_id: program.id,
          initiative_id: initiative.id,
          parent_id: branches[l % 4]!.id,
          key: `i${i}-k${l}`,
          name_en: `KPI ${i}.${l}`,
          name_zh_tw: `指標 ${i}.${l}`,
          kind: (l % 3 === 0 ? 'leading' : 'lagging') as 'leading' | 'lagging',
          category: (['adoption', 'customer_value', 'user_value', 'financial', 'delivery'] as const)[l % 5]!,
          direction: (l % 7 === 0 ? 'lower' : 'higher') as 'lower' | 'higher',
          cadence: 'daily' as const,
        })),
      )
      .execute()
    await sql`
      insert into kpi_measurements (kpi_id, period_end, value, source)
      select k.id, d::date,
             round((100 + 20 * sin(extract(doy from d) / 58.0 + hashtext(k.key) % 7) + random() * 10)::numeric, 2),
             'seed'
      from kpis k cross join generate_series(${start}::date, ${end}::date, interval '1 day') d
      where k.initiative_id = ${initiative.id} and k.rollup = 'none'`.execute(db)
    log(`  initiative ${i + 1}/${SIZE.initiatives}`)
  }
  // Yearly targets rising 5 % a year; the newest-value cache as the measurement writes keep it.
  await sql`
    insert into kpi_targets (kpi_id, period_end, value)
    select k.id, (${start}::date + make_interval(years => y))::date, 100 + 5 * y
    from kpis k cross join generate_series(1, ${SIZE.years}) y`.execute(db)
  await sql`
    update kpis k set last_period_end = m.period_end, last_value = m.value
    from kpi_measurements m where m.kpi_id = k.id and m.period_end = ${end}::date`.execute(db)
  const [leading, lagging] = await db
    .selectFrom('kpis')
    .select('id')
    .where('key', 'in', ['i0-k0', 'i0-k1'])
    .orderBy('key')
    .execute()
  await db
    .insertInto('kpi_driver_links')
    .values({ leading_kpi_id: leading!.id, lagging_kpi_id: lagging!.id, expected_lag: 3 })
    .execute()
  await sql`vacuum analyze`.execute(db)
  const count = await db
    .selectFrom('kpi_measurements')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  log(`Built ${count.n.toLocaleString('en')} values in ${((performance.now() - build) / 1000).toFixed(0)} s.`)

  const cookie = await sessionCookieFor(adminUser.id)
  const kpiId = leading!.id
  const initiativeId = initiativeIds[0]!
  const floor = await time(SIZE.runs, () =>
    db
      .selectFrom('kpi_measurements')
      .select(['period_end', 'value'])
      .where('kpi_id', '=', kpiId)
      .orderBy('period_end')
      .execute(),
  )
  const results = [
    ['bare SELECT of one KPI series (floor)', floor],
    [
      `program view (${total} KPIs)`,
      await time(SIZE.runs, () =>
        run(programView.loader, buildRequest(`/kpis?program=${program.id}`, { cookie })),
      ),
    ],
    [
      `program view filtered (lagging, off track, page 2)`,
      await time(SIZE.runs, () =>
        run(
          programView.loader,
          buildRequest(`/kpis?program=${program.id}&kind=lagging&status=off_track&page=2`, { cookie }),
        ),
      ),
    ],
    [
      `program view right after a new value (its tree's state recomputed)`,
      await time(
        SIZE.runs,
        () => run(programView.loader, buildRequest(`/kpis?program=${program.id}`, { cookie })),
        (i) =>
          sql`update kpis set last_value = ${200 + i} where key = ${`i${Math.abs(i) % SIZE.initiatives}-k10`}`.execute(
            db,
          ),
      ),
    ],
    [
      `tree view (${SIZE.kpisPerInitiative} KPIs)`,
      await time(SIZE.runs, () =>
        run(treeView.loader, buildRequest(`/initiatives/${initiativeId}/kpis`, { cookie }), { initiativeId }),
      ),
    ],
    [
      `KPI page (${SIZE.years * 365}+ daily values)`,
      await time(SIZE.runs, () => run(kpiPage.loader, buildRequest(`/kpis/${kpiId}`, { cookie }), { kpiId })),
    ],
  ] as const
  // Sanity: the loaders answered with data, not an error response.
  const page = (await run(kpiPage.loader, buildRequest(`/kpis/${kpiId}`, { cookie }), { kpiId })) as {
    chart?: { labels: string[] }
  }
  if (!page.chart) throw new Error('The KPI page loader did not return a chart')

  console.log(
    `\nKPI trees bench (${FULL ? 'full' : 'small'}): ${total} KPIs, ${count.n.toLocaleString('en')} values, ${SIZE.runs} runs each, PostgreSQL`,
  )
  console.log('| request | median ms | p95 ms | median ÷ floor |')
  console.log('|---|---:|---:|---:|')
  for (const [label, result] of results)
    console.log(
      `| ${label} | ${result.median.toFixed(1)} | ${result.p95.toFixed(1)} | ${(result.median / floor.median).toFixed(1)}× |`,
    )
} finally {
  await closeDatabase()
  if (!KEEP) await admin(`drop database if exists "${databaseName}"`)
}
