// Benchmark of the recommendation events: ingest through the API and the funnel API against PostgreSQL.
//   npm run bench:events            small: ~200k events, 2,000 sellers, a year (a few minutes)
//   npm run bench:events -- --full  ≥10M events, ~20,000 sellers, a year
// Options: --url postgres://… (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
// --keep (keep the benchmark database), --days N (fewer days at the same density, ≥ 91, for a quicker check). Results go to docs/benchmarks.md by hand.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean' },
    days: { type: 'string' },
    url: { type: 'string' },
    keep: { type: 'boolean' },
  },
})
const adminUrl = args.url ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const SIZE = args.full
  ? { sellers: 20_000, recsPerSellerDay: 0.75, label: 'full' }
  : { sellers: 2_000, recsPerSellerDay: 0.065, label: 'small' }
const BATCH = 5000
const CONCURRENCY = 4
const YEAR_START = Date.parse('2025-12-01T00:00:00Z')
const DAYS = args.days ? Math.max(91, Number(args.days)) : 365
const TIMEZONE = 'Asia/Taipei'

const database = `tenfold_bench_${process.pid}`
const dbUrl = new URL(adminUrl)
dbUrl.pathname = `/${database}`

function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Event = Record<string, string | number | null>
const TYPES = ['cross_sell', 'renewal_risk', 'upsell_seats', 'competitor_alert', 're_engage', 'win_back']
const REASONS = [
  'not_relevant',
  'already_in_progress',
  'bad_timing',
  'customer_not_ready',
  'price_or_affordability',
  'wrong_data',
  'other',
]

/** A year of one seller-day at a time, yielded in batches (so 10M events never sit in memory at once). */
function* batches(): Generator<Event[]> {
  const random = prng(42)
  let batch: Event[] = []
  let serial = 0
  for (let day = 0; day < DAYS; day++) {
    for (let s = 0; s < SIZE.sellers; s++) {
      if (random() > SIZE.recsPerSellerDay) continue
      const rec = `r${++serial}`
      const seller = `S${s}`
      const t0 = YEAR_START + day * 86_400_000 + Math.floor(random() * 36_000_000)
      let k = 0
      const push = (type: string, minutes: number, extra: Event = {}) =>
        batch.push({
          event_id: `${rec}-${k++}`,
          type,
          occurred_at: new Date(t0 + minutes * 60_000).toISOString(),
          recommendation_id: rec,
          seller_id: seller,
          ...extra,
        })
      const explained = random() < 0.6
      push('generated', 0, {
        recommendation_type: TYPES[Math.floor(random() * TYPES.length)]!,
        model_version: day < 180 ? '1.3' : '2.0',
        ...(explained ? { explanation: 'Customers with similar purchase patterns bought this.' } : {}),
      })
      if (random() < 0.95) push('shown', 5)
      if (random() < 0.75) push('viewed', 60)
      const decide = random()
      if (decide < 0.45) push('accepted', 120)
      else if (decide < 0.75)
        push('rejected', 120, { reason_code: REASONS[Math.floor(random() * REASONS.length)]! })
      if (decide < 0.45 && random() < 0.8) push('actioned', 1440)
      if (decide < 0.45 && random() < (explained ? 0.75 : 0.5)) {
        push('opportunity_created', 4320, { amount: 100_000, currency: 'TWD' })
        if (random() < 0.35)
          push('opportunity_won', 40_000, { amount: Math.round(random() * 500_000), currency: 'TWD' })
      }
      if (batch.length >= BATCH) {
        yield batch.slice(0, BATCH)
        batch = batch.slice(BATCH)
      }
    }
  }
  if (batch.length) yield batch
}

const FIELDS = [
  'event_id',
  'type',
  'occurred_at',
  'recommendation_id',
  'seller_id',
  'recommendation_type',
  'model_version',
  'explanation',
  'account_id',
  'reason_code',
  'reason_text',
  'amount',
  'currency',
]
const csvCell = (value: unknown) =>
  value === undefined || value === null
    ? ''
    : /[",\n]/.test(String(value))
      ? `"${String(value).replace(/"/g, '""')}"`
      : String(value)

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { median: at(0.5), p95: at(0.95) }
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database "${database}"`)
  process.env.DATABASE_URL = dbUrl.toString()
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY + 2)
  process.env.SESSION_SECRET ??= 'bench-secret-that-is-long-enough-0123456789'
  const { migrateToLatest } = await import('../../db/migrate')
  const { db, closeDatabase } = await import('~/utils/db.server')
  const { createApiKey } = await import('~/models/foundation/api-key.server')
  const { action } = await import('~/routes/api.v1.recommendation-events')
  const { loader } = await import('~/routes/api.v1.metrics.recommendation-funnel')
  const { sql } = await import('kysely')
  const csvPath = path.join(os.tmpdir(), `${database}.csv`)
  const bodiesPath = path.join(os.tmpdir(), `${database}.json`)
  try {
    await migrateToLatest(db)
    await db.insertInto('programs').values({ name: 'Bench', reporting_timezone: TIMEZONE }).execute()
    const teams = Math.max(10, Math.round(SIZE.sellers / 40))
    for (let start = 0; start < SIZE.sellers; start += 5000) {
      await db
        .insertInto('sellers')
        .values(
          Array.from({ length: Math.min(5000, SIZE.sellers - start) }, (_, i) => {
            const s = start + i
            return {
              seller_id: `S${s}`,
              name: `Rep ${s}`,
              region: `Region ${s % 8}`,
              segment: ['Enterprise', 'SMB', 'Public'][s % 3]!,
              team: `Team ${s % teams}`,
              manager_id: `M${s % teams}`,
              role: 'account_executive',
              tech_affinity: (['avoider', 'reluctant', 'enthusiast', 'unknown'] as const)[s % 4],
            }
          }),
        )
        .execute()
    }
    const writeKey = (
      await createApiKey(db, { id: null, label: 'bench' }, { name: 'bench', scopes: ['events:write'] })
    ).secret
    const readKey = (
      await createApiKey(db, { id: null, label: 'bench' }, { name: 'bench-read', scopes: ['metrics:read'] })
    ).secret

    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      })
      let response: Response
      try {
        response =
          req.method === 'POST'
            ? await action({ request, params: {}, context: {} })
            : await loader({ request, params: {}, context: {} })
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown
        response = thrown
      }
      res.writeHead(response.status, { 'Content-Type': 'application/json' })
      // Bytes, as the Remix adapter streams them (text() would decode what the next line encodes again).
      res.end(Buffer.from(await response.arrayBuffer()))
    })
    server.keepAliveTimeout = 600_000 // the agent reuses sockets across the vacuum between phases
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
    const request = (method: string, urlPath: string, key: string, body?: Buffer) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: urlPath,
            method,
            agent,
            headers: {
              Authorization: `Bearer ${key}`,
              ...(body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {}),
            },
          },
          (res) => {
            let text = ''
            res.on('data', (chunk) => (text += chunk))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })

    // The first funnel query builds the (empty) daily rollups; from then on ingest keeps them in step.
    const warm = await request(
      'GET',
      '/api/v1/metrics/recommendation-funnel?from=2025-12-01&to=2025-12-02',
      readKey,
    )
    if (warm.status !== 200) throw new Error(`funnel ${warm.status}: ${warm.body}`)

    // The request bodies (and, from the same events, the CSV for \copy) are written to files before
    // either clock starts: \copy reads a file made beforehand, and so do the API clients.
    const bodies: { offset: number; length: number }[] = []
    {
      const bodiesOut = fs.openSync(bodiesPath, 'w')
      const csvOut = fs.openSync(csvPath, 'w')
      let offset = 0
      for (const batch of batches()) {
        const body = Buffer.from(JSON.stringify(batch))
        fs.writeSync(bodiesOut, body)
        bodies.push({ offset, length: body.length })
        offset += body.length
        fs.writeSync(csvOut, `${batch.map((e) => FIELDS.map((f) => csvCell(e[f])).join(',')).join('\n')}\n`)
      }
      fs.closeSync(bodiesOut)
      fs.closeSync(csvOut)
    }

    // 1. Ingest through the API (CONCURRENCY clients, each sending the next body from the file).
    // Read asynchronously: the server shares this process's event loop.
    const bodyFile = await fs.promises.open(bodiesPath, 'r')
    let next = 0
    let events = 0
    const started = performance.now()
    async function client() {
      while (next < bodies.length) {
        const { offset, length } = bodies[next++]!
        const body = Buffer.allocUnsafe(length)
        await bodyFile.read(body, 0, length, offset)
        const response = await request('POST', '/api/v1/recommendation-events', writeKey, body)
        if (response.status !== 200)
          throw new Error(`ingest ${response.status}: ${response.body.slice(0, 200)}`)
        events += (JSON.parse(response.body) as { accepted: number }).accepted
        if (events % 200_000 < BATCH)
          process.stdout.write(`\r  ingested ${events.toLocaleString('en')} events`)
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, client))
    // Timed until every event is projected too: a request may leave its batch to the next drain.
    const { catchUp } = await import('~/models/recommendations/projection.server')
    await catchUp(db)
    const ingestMs = performance.now() - started
    await bodyFile.close()
    fs.rmSync(bodiesPath, { force: true })
    process.stdout.write('\n')
    // Every table is vacuumed here, so that no autovacuum of the load runs during the timings below
    // (an autovacuum's snapshot would also keep the rollups' dead row versions from going).
    await sql`vacuum analyze`.execute(db)

    // 2. psql \copy of the same rows into an unindexed copy of the raw table.
    await sql`create table bench_copy (like recommendation_events including defaults)`.execute(db)
    const copyStart = performance.now()
    const copy = spawnSync(
      'psql',
      [
        dbUrl.toString(),
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy bench_copy (${FIELDS.join(', ')}) from '${csvPath}' with (format csv)`,
      ],
      { encoding: 'utf8' },
    )
    const copyMs = performance.now() - copyStart
    if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`)
    // Dropped, or its autovacuum would run during the timings below; the checkpoint writes out what the
    // load and the copy left dirty, so that the timings do not share the disk with that either.
    await sql`drop table bench_copy`.execute(db)
    await sql`checkpoint`.execute(db)

    // 3. Funnel API for the last 90 days, vs a plain GROUP BY over the raw events answering the same question.
    const to = new Date(YEAR_START + DAYS * 86_400_000).toISOString().slice(0, 10)
    const from = new Date(YEAR_START + (DAYS - 90) * 86_400_000).toISOString().slice(0, 10)
    const plain = (group: 'recommendation_type' | 'team') => sql<{
      key: string
      generated: number
      shown: number
      accepted: number
      rejected: number
      opportunities: number
      won: number
    }>`
      with per_rec as (
        select recommendation_id,
          min(occurred_at) filter (where type = 'generated') as generated_at,
          (array_agg(seller_id order by occurred_at, event_id) filter (where type = 'generated'))[1] as seller_id,
          (array_agg(recommendation_type order by occurred_at, event_id) filter (where type = 'generated'))[1] as recommendation_type,
          bool_or(type = 'shown') as shown, bool_or(type = 'viewed') as viewed, bool_or(type = 'actioned') as actioned,
          bool_or(type = 'opportunity_created') as opportunity, bool_or(type = 'opportunity_won') as won,
          (array_agg(type order by occurred_at desc, event_id desc) filter (where type in ('accepted', 'rejected')))[1] as decision
        from recommendation_events group by recommendation_id)
      select ${group === 'team' ? sql`coalesce(s.team, 'unknown')` : sql`p.recommendation_type`} as key, count(*)::int as generated,
        count(*) filter (where p.shown)::int as shown, count(*) filter (where p.decision = 'accepted')::int as accepted,
        count(*) filter (where p.decision = 'rejected')::int as rejected, count(*) filter (where p.opportunity)::int as opportunities,
        count(*) filter (where p.won)::int as won
      from per_rec p ${group === 'team' ? sql`left join sellers s on s.seller_id = p.seller_id` : sql``}
      where p.generated_at >= (${from}::date::timestamp at time zone ${TIMEZONE}) and p.generated_at < (${to}::date::timestamp at time zone ${TIMEZONE})
      group by 1 order by 1`
    // All API timings first: the plain queries spill sorts to temporary files, whose write-out would
    // otherwise share the disk with the timings that follow them.
    const GROUPS = ['recommendation_type', 'team'] as const
    const autovacuums = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where backend_type = 'autovacuum worker'`.execute(db)
      ).rows[0]!.n
    const autovacuumsBefore = await autovacuums()
    const api = new Map<string, { samples: number[]; body: string }>()
    for (const group of GROUPS) {
      const samples: number[] = []
      let body = ''
      for (let i = 0; i < 40; i++) {
        const t = performance.now()
        const response = await request(
          'GET',
          `/api/v1/metrics/recommendation-funnel?from=${from}&to=${to}&group_by=${group}`,
          readKey,
        )
        samples.push(performance.now() - t)
        body = response.body
      }
      api.set(group, { samples, body })
    }
    const autovacuumsAfter = await autovacuums()
    const results: Record<string, { median: number; p95: number; plainMedian: number; exact: boolean }> = {}
    for (const group of GROUPS) {
      const { samples, body } = api.get(group)!
      const plainSamples: number[] = []
      let plainRows: Awaited<ReturnType<ReturnType<typeof plain>['execute']>>['rows'] = []
      for (let i = 0; i < 3; i++) {
        const t = performance.now()
        plainRows = (await plain(group).execute(db)).rows
        plainSamples.push(performance.now() - t)
      }
      const groups = (JSON.parse(body) as { groups: Record<string, number | string>[] }).groups
      const exact =
        groups.length === plainRows.length &&
        plainRows.every((row) => {
          const entry = groups.find((g) => g.key === row.key)
          return (
            entry &&
            (['generated', 'shown', 'accepted', 'rejected', 'opportunities', 'won'] as const).every(
              (k) => entry[k] === row[k],
            )
          )
        })
      results[group] = { ...stats(samples), plainMedian: stats(plainSamples).median, exact }
    }
    server.close()
    agent.destroy()

    const rawCount = (
      await sql<{ n: number }>`select count(*)::int as n from recommendation_events`.execute(db)
    ).rows[0]!.n
    const ingestRate = (rawCount / ingestMs) * 1000
    const copyRate = (rawCount / copyMs) * 1000
    const ms = (value: number) => `${value.toFixed(1)} ms`
    console.log(
      `\nRecommendation events benchmark (${SIZE.label}): ${rawCount.toLocaleString('en')} events, ${SIZE.sellers.toLocaleString('en')} sellers, ${DAYS} days, PostgreSQL ${(await sql<{ server_version: string }>`show server_version`.execute(db)).rows[0]!.server_version}`,
    )
    console.log(
      `ingest via API (${CONCURRENCY} clients × ${BATCH}/request): ${Math.round(ingestRate).toLocaleString('en')} events/s`,
    )
    console.log(
      `psql \\copy into an unindexed copy: ${Math.round(copyRate).toLocaleString('en')} events/s → ratio ${(ingestRate / copyRate).toFixed(2)}× (target ≥ 0.3×)`,
    )
    for (const [group, r] of Object.entries(results))
      console.log(
        `funnel 90 days by ${group}: median ${ms(r.median)}, p95 ${ms(r.p95)}; plain GROUP BY median ${ms(r.plainMedian)} → ${(r.plainMedian / r.median).toFixed(0)}× faster (target ≥ 50×, < 20 ms); exact: ${r.exact}`,
      )
    console.log(
      `autovacuum workers at the start / end of the funnel timings: ${autovacuumsBefore} / ${autovacuumsAfter}`,
    )
  } finally {
    await closeDatabase()
    fs.rmSync(csvPath, { force: true })
    fs.rmSync(bodiesPath, { force: true })
    if (!args.keep) await admin.query(`drop database if exists "${database}" with (force)`)
    await admin.end()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
