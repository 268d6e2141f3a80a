/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { recommendationFunnel } from '~/models/recommendations/funnel.server'
import { ingestItems } from '~/models/recommendations/ingest.server'
import { catchUp } from '~/models/recommendations/projection.server'
import { action } from '~/routes/api.v1.recommendation-events'
import { db } from '~/utils/db.server'
import { buildRequest, run } from '#tests/support/requests'

let key = ''
beforeAll(async () => {
  key = (await createApiKey(db, { id: null, label: 'test' }, { name: 'ingest', scopes: ['events:write'] }))
    .secret
})

async function post(body: string, contentType = 'application/json', headers: Record<string, string> = {}) {
  const response = (await run(
    action,
    buildRequest('/api/v1/recommendation-events', {
      method: 'POST',
      body,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': contentType, ...headers },
    }),
  )) as Response
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

const event = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
  event_id: `${id}-${type}`,
  type,
  occurred_at: '2026-03-02T09:00:00+08:00',
  recommendation_id: id,
  seller_id: 'S-1',
  ...(type === 'generated' ? { recommendation_type: 'cross_sell' } : {}),
  ...extra,
})
/** A recommendation's state row, read as every reader does: after catching up with the queue. */
async function stateOf(id: string) {
  await catchUp(db)
  return db
    .selectFrom('recommendation_states')
    .selectAll()
    .where('recommendation_id', '=', id)
    .executeTakeFirstOrThrow()
}
const eventCount = async () =>
  (
    await db
      .selectFrom('recommendation_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n

describe('POST /api/v1/recommendation-events', () => {
  test('stores a JSON batch; a retry is reported as duplicates and stores nothing', async () => {
    const body = JSON.stringify([event('r1', 'generated'), event('r1', 'shown', { unknown_field: 1 })])
    expect(await post(body)).toEqual({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [] } })
    expect(await post(body)).toEqual({ status: 200, body: { accepted: 0, duplicates: 2, rejected: [] } })
    expect(await stateOf('r1')).toMatchObject({
      shown: true,
      recommendation_type: 'cross_sell',
      seller_id: 'S-1',
    })
  })

  test('every request that stores events leaves one audit row: the key, and how many were accepted, duplicates and rejected', async () => {
    const before = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'recommendation-events.ingest')
      .execute()
    const body = JSON.stringify([event('audit1', 'generated'), event('audit1', 'shown'), { event_id: 'bad' }])
    await post(body)
    await post(body)
    const rows = await db
      .selectFrom('audit_log')
      .select(['actor_label', 'after'])
      .where('action', '=', 'recommendation-events.ingest')
      .orderBy('at')
      .orderBy('id')
      .execute()
    // The retry stores nothing (both duplicates) and so writes nothing, the audit log included.
    expect(rows.length - before.length).toBe(1)
    const prefix = key.split('_')[1]
    expect(rows.at(-1)?.actor_label).toBe(`api-key:${prefix} (ingest)`)
    // Written down by hand: 3 items, 2 valid, 1 without a type.
    expect(rows.at(-1)?.after).toEqual({ received: 3, accepted: 2, duplicates: 0, rejected: 1 })
  })

  test('the same event twice in one request is stored once', async () => {
    const one = event('r2', 'generated')
    expect((await post(JSON.stringify([one, one]))).body).toEqual({
      accepted: 1,
      duplicates: 1,
      rejected: [],
    })
  })

  test('NDJSON and CSV bodies, with charset parameters and a BOM', async () => {
    const ndjson = [event('r3', 'generated'), event('r3', 'viewed')].map((e) => JSON.stringify(e)).join('\n')
    expect((await post(`${ndjson}\n`, 'application/x-ndjson')).body).toMatchObject({ accepted: 2 })
    const csv =
      '\uFEFFevent_id,type,occurred_at,recommendation_id,seller_id,reason_code,reason_text,amount,currency,extra\r\n' +
      'r3-rej,rejected,2026-03-02T10:00:00Z,r3,S-1,wrong_data,"Wrong, outdated ""data""",,,x\r\n' +
      'r3-opp,opportunity_created,2026-03-02T11:00:00Z,r3,S-1,,,1250.50,usd,\r\n'
    expect((await post(csv, 'text/csv; charset=utf-8')).body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [],
    })
    const rejected = await db
      .selectFrom('recommendation_events')
      .selectAll()
      .where('event_id', '=', 'r3-rej')
      .executeTakeFirstOrThrow()
    expect(rejected).toMatchObject({
      reason_code: 'wrong_data',
      reason_text: 'Wrong, outdated "data"',
      amount: null,
    })
    expect(await stateOf('r3')).toMatchObject({ viewed: true, decision: 'rejected', opportunity: true })
  })

  test('a mixed batch stores the valid events and reports each invalid one by index', async () => {
    const before = await eventCount()
    const { status, body } = await post(
      JSON.stringify([
        event('r4', 'generated'),
        { ...event('r4', 'generated'), event_id: 'r4-bad', recommendation_type: undefined },
        event('r4', 'rejected'),
        event('r4', 'opportunity_won', { amount: -1, currency: 'XYZ' }),
        { ...event('r4', 'shown'), occurred_at: '2026-03-02 09:00' },
        'not an event',
        { ...event('r4', 'bogus') },
        event('r4', 'shown'),
        event('r4', 'viewed', { reason_text: 'nul \u0000 inside' }),
      ]),
    )
    expect(status).toBe(200)
    expect(body.accepted).toBe(2)
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 8])
    expect(body.rejected[0]).toEqual({
      index: 1,
      event_id: 'r4-bad',
      errors: ['recommendation_type is required'],
    })
    expect(body.rejected[1].errors).toEqual(['reason_code is required'])
    expect(body.rejected[2].errors).toHaveLength(2)
    expect(body.rejected[4]).toMatchObject({ index: 5, event_id: null })
    // PostgreSQL text cannot hold U+0000: that event alone is refused, the batch is not failed.
    expect(body.rejected[6].errors).toEqual(['reason_text must not contain the NUL character (U+0000)'])
    expect(await eventCount()).toBe(before + 2)
  })

  test('events in any order give the same state: the earliest generated and the latest decision win', async () => {
    const events = [
      event('r5', 'generated', {
        occurred_at: '2026-03-05T00:00:00Z',
        event_id: 'r5-g-late',
        recommendation_type: 'late',
      }),
      event('r5', 'accepted', { occurred_at: '2026-03-06T00:00:00Z', event_id: 'r5-a' }),
      event('r5', 'rejected', {
        occurred_at: '2026-03-06T00:00:00Z',
        event_id: 'r5-b',
        reason_code: 'other',
      }),
      event('r5', 'accepted', { occurred_at: '2026-03-05T12:00:00Z', event_id: 'r5-c' }),
      event('r5', 'opportunity_won', { amount: 10, currency: 'USD', event_id: 'r5-w1' }),
      event('r5', 'opportunity_won', { amount: 2.5, currency: 'USD', event_id: 'r5-w2' }),
      event('r5', 'opportunity_won', { amount: 7, currency: 'EUR', event_id: 'r5-w3' }),
      event('r5', 'generated', {
        occurred_at: '2026-03-04T00:00:00Z',
        event_id: 'r5-g-early',
        recommendation_type: 'early',
        explanation: 'why',
      }),
    ]
    for (const e of events.reverse()) await post(JSON.stringify([e]))
    await post(JSON.stringify(events))
    expect(await stateOf('r5')).toMatchObject({
      generated_event_id: 'r5-g-early',
      recommendation_type: 'early',
      has_explanation: true,
      decision: 'rejected', // a tie on occurred_at: the larger event_id (r5-b) decides
      decision_event_id: 'r5-b',
      won: true,
      won_amounts: { USD: 12.5, EUR: 7 },
    })
  })

  test('stored events the projection has not reached yet are merged by the next read; concurrent requests merge as one', async () => {
    const events = [
      event('r7', 'generated', { occurred_at: '2026-04-01T00:00:00Z' }),
      event('r7', 'shown'),
      event('r7', 'rejected', { occurred_at: '2026-03-05T00:00:00Z', reason_code: 'bad_timing' }),
      event('r7', 'accepted', { occurred_at: '2026-03-06T00:00:00Z' }),
      event('r7', 'opportunity_won', { amount: 3, currency: 'USD', event_id: 'r7-w1' }),
      event('r7', 'opportunity_won', { amount: 4, currency: 'USD', event_id: 'r7-w2' }),
    ]
    // As if the server died between storing and projecting: stored and queued, no state yet.
    const stored = await ingestItems(
      db,
      events.slice(0, 3).map((raw, index) => ({ index, raw })),
    )
    expect(stored.accepted).toBe(3)
    expect(
      await db
        .selectFrom('recommendation_states')
        .where('recommendation_id', '=', 'r7')
        .selectAll()
        .execute(),
    ).toEqual([])
    // A read catches up before it answers.
    const funnel = await recommendationFunnel(db, { from: '2026-04-01', to: '2026-04-02' })
    expect(funnel.total).toMatchObject({ generated: 1, shown: 1, rejected: 1 })
    expect(await stateOf('r7')).toMatchObject({ shown: true, decision: 'rejected' })
    await Promise.all(events.slice(2).map((e) => post(JSON.stringify([e]))))
    expect(await stateOf('r7')).toMatchObject({
      shown: true,
      decision: 'accepted',
      won_amounts: { USD: 7 },
    })
    expect(await db.selectFrom('recommendation_event_batches').select('id').execute()).toEqual([])
  })

  test('replaying a batch ten times changes nothing', async () => {
    const batch = JSON.stringify([
      event('r6', 'generated'),
      event('r6', 'shown'),
      event('r6', 'opportunity_won', { amount: 5, currency: 'TWD' }),
    ])
    await post(batch)
    const events = await eventCount()
    const state = await stateOf('r6')
    for (let i = 0; i < 10; i++)
      expect((await post(batch)).body).toEqual({ accepted: 0, duplicates: 3, rejected: [] })
    expect(await eventCount()).toBe(events)
    expect(await stateOf('r6')).toEqual(state)
  })

  test('limits and error codes', async () => {
    expect((await post('[]', 'text/plain')).status).toBe(415)
    expect((await post('[]', '')).status).toBe(415)
    expect((await post('{"not": "an array"}')).status).toBe(400)
    expect((await post('[{"event_id": ')).status).toBe(400)
    expect((await post('not json at all', 'application/x-ndjson')).status).toBe(400)
    expect((await post('', 'text/csv')).status).toBe(400)
    expect((await post('id,kind\n1,2\n', 'text/csv')).status).toBe(400)
    const many = JSON.stringify(Array.from({ length: 5001 }, (_, i) => event(`m${i}`, 'shown')))
    expect(await post(many)).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } })
    const big = JSON.stringify([{ ...event('big', 'generated'), padding: 'x'.repeat(5 * 1024 * 1024) }])
    expect((await post(big)).status).toBe(413)
    expect(
      await db
        .selectFrom('recommendation_events')
        .select('event_id')
        .where('recommendation_id', 'in', ['m0', 'big'])
        .execute(),
    ).toEqual([])
    const exactly = JSON.stringify(Array.from({ length: 5000 }, (_, i) => event(`ok${i}`, 'shown')))
    expect((await post(exactly)).body).toMatchObject({ accepted: 5000 })
  })

  test('401 without a valid key, 403 without the scope', async () => {
    expect(
      (await post('[]', 'application/json', { Authorization: 'Bearer tf_000000000000_nope' })).status,
    ).toBe(401)
    const reader = (
      await createApiKey(db, { id: null, label: 'test' }, { name: 'r', scopes: ['metrics:read'] })
    ).secret
    expect((await post('[]', 'application/json', { Authorization: `Bearer ${reader}` })).status).toBe(403)
  })
})
