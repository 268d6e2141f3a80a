import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { validateEvent, type RecommendationEvent } from '~/models/recommendations/event.schema'
import { storeEvents } from '~/models/recommendations/ingest.server'
import {
  catchUp,
  MAX_BACKLOG_BATCHES,
  project,
  PROJECTION_LOCK,
  VACUUM_QUEUE_EVERY,
  vacuumQueueNowAndThen,
} from '~/models/recommendations/projection.server'
import { db } from '~/utils/db.server'

// How an ingest request's drain behaves while another drain holds the projection lock: it leaves its
// batch to the next drain while the backlog is short, and waits once the backlog is long (these need a
// second connection to hold the lock: PostgreSQL only, PGlite is one connection). And the queue's dead
// rows are vacuumed now and then, on both engines.

const usesPostgres = Boolean(process.env.TEST_DATABASE_URL)

/** A valid `shown` event, as the validator hands it to storeEvents. */
function shown(id: string): RecommendationEvent {
  const result = validateEvent({
    event_id: `${id}-shown`,
    type: 'shown',
    occurred_at: '2026-03-02T09:00:00Z',
    recommendation_id: id,
    seller_id: 'S-1',
  })
  if (!result.ok) throw new Error('invalid test event')
  return result.event
}
const queuedBatches = async () =>
  (await db.selectFrom('recommendation_event_batches').select('id').execute()).length

/** Another drain: a transaction holding the projection lock until `release`. */
async function holdLock() {
  let release = () => {}
  let locked = false
  const held = db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(trx)
    locked = true
    await new Promise<void>((resolve) => (release = resolve))
  })
  await expect.poll(() => locked).toBe(true)
  return { held, release: () => release() }
}

describe.skipIf(!usesPostgres)('the projection while another drain holds its lock', () => {
  test('an ingest drain leaves a short backlog to the next drain, which any read runs', async () => {
    await storeEvents(db, [shown('p1')])
    const { held, release } = await holdLock()
    expect(await project(db, { wait: false })).toBe(0)
    expect(await queuedBatches()).toBe(1)
    release()
    await held
    await catchUp(db)
    expect(await queuedBatches()).toBe(0)
    expect(
      await db
        .selectFrom('recommendation_states')
        .select('shown')
        .where('recommendation_id', '=', 'p1')
        .executeTakeFirst(),
    ).toEqual({ shown: true })
  })

  test('past MAX_BACKLOG_BATCHES queued requests, an ingest drain waits for the lock and drains all', async () => {
    for (let i = 0; i <= MAX_BACKLOG_BATCHES; i++) await storeEvents(db, [shown(`q${i}`)])
    const { held, release } = await holdLock()
    let drained: number | null = null
    const drain = project(db, { wait: false }).then((events) => (drained = events))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(drained).toBeNull() // waiting for the lock
    release()
    await Promise.all([held, drain])
    expect(drained).toBe(MAX_BACKLOG_BATCHES + 1)
    expect(await queuedBatches()).toBe(0)
  })
})

test('drained queue rows are vacuumed every VACUUM_QUEUE_EVERY events (the embedded engine has no autovacuum)', async () => {
  for (let batch = 0; batch < 3; batch++) {
    await storeEvents(
      db,
      Array.from({ length: 2000 }, (_, i) => shown(`v${batch}-${i}`)),
    )
    expect(await project(db)).toBe(2000)
  }
  const size = async () =>
    (
      await sql<{ bytes: number }>`
        select pg_total_relation_size('recommendation_event_batches')::int as bytes`.execute(db)
    ).rows[0]!.bytes
  const dead = await size()
  await vacuumQueueNowAndThen(db, VACUUM_QUEUE_EVERY - 1)
  expect(await size()).toBe(dead)
  await vacuumQueueNowAndThen(db, 1)
  expect(await size()).toBeLessThan(dead)
})
