// Benchmark of the sponsor's portfolio loader (every initiative's facts from the other capabilities and
// its failure-mode health) on PostgreSQL.
//   npx tsx tests/bench/portfolio.ts          small: 12 initiatives (a minute or two)
//   npx tsx tests/bench/portfolio.ts --full   50 initiatives, each with KPIs, 10/10/10 cycles, sprints,
//                                             EET and feedback at benchmark scale, plus recommendation events
// Options: --url postgres://… (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
// --runs N (default 30), --keep. It creates and drops a throwaway database; results go to docs/benchmarks.md.
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean' },
    url: { type: 'string' },
    keep: { type: 'boolean' },
    runs: { type: 'string', default: '30' },
  },
})
const adminUrl = args.url ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const database = `tenfold_bench_portfolio_${process.pid}`
const dbUrl = new URL(adminUrl)
dbUrl.pathname = `/${database}`

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`create database ${database}`)
process.env.DATABASE_URL = dbUrl.toString()

try {
  const { migrateToLatest } = await import('#db/migrate')
  const { db, closeDatabase } = await import('~/utils/db.server')
  const { portfolioOf, portfolioView, sortPortfolio } = await import('~/models/sponsor/portfolio.server')
  // Imported after DATABASE_URL is set: the world's builder reaches the one db handle through the models.
  const { buildPortfolioWorld, PORTFOLIO_FULL, PORTFOLIO_SMALL } = await import('./portfolio-world')
  const SIZE = args.full ? PORTFOLIO_FULL : PORTFOLIO_SMALL
  await migrateToLatest(db)

  const t0 = performance.now()
  const { sponsor, program } = await buildPortfolioWorld(db, SIZE)
  await sql`analyze`.execute(db)
  const loadSeconds = (performance.now() - t0) / 1000

  const user = { ...sponsor!, role: 'sponsor' as const }
  const once = async () => {
    const start = performance.now()
    const rows = await portfolioOf(db, user, program)
    sortPortfolio(rows, 'worst').map(portfolioView)
    return { ms: performance.now() - start, rows: rows.length }
  }
  for (let w = 0; w < 3; w++) await once()
  const times: number[] = []
  let count = 0
  for (let r = 0; r < Number(args.runs); r++) {
    const result = await once()
    times.push(result.ms)
    count = result.rows
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!
  console.log(
    `portfolio (${args.full ? 'full' : 'small'}): ${count} initiatives, data loaded in ${loadSeconds.toFixed(0)} s; ` +
      `loader median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${times.length} runs (target: median < 300 ms)`,
  )
  await closeDatabase()
} finally {
  if (!args.keep) await admin.query(`drop database if exists ${database} with (force)`)
  await admin.end()
}
