import { spawn } from 'node:child_process'
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { catchUp } from '~/models/recommendations/projection.server'
import { db } from '~/utils/db.server'

// "A server killed mid-ingest loses no acknowledged event": a child process serves the real ingest
// route against this test's PostgreSQL database; several clients post batches to it concurrently and
// note each batch that got a 200; the child is SIGKILLed while requests are in flight; then every
// event of every acknowledged batch must be in the database, and the state rows must agree with them
// (after the catch-up every read does).
// PGlite is one in-process engine with no second process to kill: the test needs PostgreSQL.

const usesPostgres = Boolean(process.env.TEST_DATABASE_URL)

test.skipIf(!usesPostgres)(
  'a server killed mid-ingest loses no acknowledged event',
  async () => {
    const { secret } = await createApiKey(
      db,
      { id: null, label: 'test' },
      { name: 'durability', scopes: ['events:write'] },
    )
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/recommendations/ingest-server.ts'],
      {
        env: { ...process.env, DATABASE_POOL_SIZE: '4' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (data: Buffer) => {
        const match = /listening (\d+)/.exec(String(data))
        if (match) resolve(Number(match[1]))
      })
      child.once('exit', (code) => reject(new Error(`ingest server exited with ${code}`)))
    })

    const acknowledged: string[][] = []
    let sent = 0
    let stop = false
    const batch = (n: number) =>
      Array.from({ length: 400 }, (_, i) => ({
        event_id: `b${n}-e${i}`,
        type: i % 4 === 0 ? 'generated' : 'shown',
        occurred_at: '2026-06-01T08:00:00+08:00',
        recommendation_id: `b${n}-r${Math.floor(i / 4)}`,
        seller_id: `S${i % 7}`,
        recommendation_type: 'cross_sell',
      }))
    async function client() {
      while (!stop) {
        const events = batch(sent++)
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/v1/recommendation-events`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(events),
          })
          if (response.status === 200) {
            const report = (await response.json()) as { accepted: number }
            expect(report.accepted).toBe(events.length)
            acknowledged.push(events.map((e) => e.event_id))
          }
        } catch {
          return // the server is gone
        }
      }
    }
    const clients = Array.from({ length: 4 }, client)
    while (acknowledged.length < 12) await new Promise((resolve) => setTimeout(resolve, 20))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    stop = true
    await Promise.all(clients)

    expect(sent).toBeGreaterThan(acknowledged.length) // some requests were in flight when it died
    const ids = acknowledged.flat()
    const stored = await db
      .selectFrom('recommendation_events')
      .select('event_id')
      .where('event_id', 'in', ids)
      .execute()
    expect(stored.length).toBe(ids.length)
    // Whatever was committed, acknowledged or not, is whole: each stored event is reflected in its state
    // row or still queued for the projection (the server may have died between the two), and the next
    // read's catch-up reflects them all.
    const orphans = () =>
      db
        .selectFrom('recommendation_events as e')
        .leftJoin('recommendation_states as s', 's.recommendation_id', 'e.recommendation_id')
        .select('e.event_id')
        .where((eb) =>
          eb.or([
            eb('s.recommendation_id', 'is', null),
            eb.and([eb('e.type', '=', 'shown'), eb('s.shown', '=', false)]),
          ]),
        )
        .execute()
    const queued = await db
      .selectFrom('recommendation_event_batches')
      .select(sql<string>`unnest(event_ids)`.as('event_id'))
      .execute()
    const queuedIds = new Set(queued.map((row) => row.event_id))
    expect((await orphans()).filter((row) => !queuedIds.has(row.event_id))).toEqual([])
    await catchUp(db)
    expect(await orphans()).toEqual([])
    expect(await db.selectFrom('recommendation_event_batches').select('id').execute()).toEqual([])
  },
  60_000,
)
