/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { FUNNEL_GROUPS, ROSTER_GROUPS } from '~/models/recommendations/metrics.schema'
import { loader as adoptionLoader } from '~/routes/api.v1.metrics.adoption'
import { loader as funnelLoader } from '~/routes/api.v1.metrics.recommendation-funnel'
import { action as ingest } from '~/routes/api.v1.recommendation-events'
import { db } from '~/utils/db.server'
import { createProgram } from '#tests/factories'
import { buildRequest, run } from '#tests/support/requests'
import { deliveryOrder, generateEvents, ROSTER } from './generate'
import { referenceAdoption, referenceFunnel, type RawEvent } from './reference'

const TIMEZONE = 'America/New_York'
const events = generateEvents(400)
let writeKey = ''
let readKey = ''

function toCsv(batch: RawEvent[]) {
  const fields = [
    'event_id',
    'type',
    'occurred_at',
    'recommendation_id',
    'seller_id',
    'recommendation_type',
    'model_version',
    'explanation',
    'reason_code',
    'amount',
    'currency',
  ]
  const cell = (value: unknown) => (value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`)
  return [fields.join(','), ...batch.map((e) => fields.map((f) => cell(e[f])).join(','))].join('\n')
}

async function send(batch: RawEvent[], format: 'json' | 'ndjson' | 'csv') {
  const body =
    format === 'json'
      ? JSON.stringify(batch)
      : format === 'ndjson'
        ? batch.map((e) => JSON.stringify(e)).join('\n')
        : toCsv(batch)
  const type = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv' }[format]
  const response = (await run(
    ingest,
    buildRequest('/api/v1/recommendation-events', {
      method: 'POST',
      body,
      headers: { Authorization: `Bearer ${writeKey}`, 'Content-Type': type },
    }),
  )) as Response
  expect(response.status).toBe(200)
  return (await response.json()) as { accepted: number; duplicates: number; rejected: unknown[] }
}

async function get(loader: typeof funnelLoader, path: string) {
  const response = (await run(
    loader,
    buildRequest(path, { headers: { Authorization: `Bearer ${readKey}` } }),
  )) as Response
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

const close = (value: unknown) => (typeof value === 'number' ? expect.closeTo(value, 9) : value)
function expectFigures(actual: Record<string, any>, expected: Record<string, any>) {
  for (const [name, value] of Object.entries(expected)) {
    if (name === 'won_amount') {
      expect(Object.keys(actual.won_amount).sort(), name).toEqual(Object.keys(value).sort())
      for (const [currency, amount] of Object.entries(value as Record<string, number>))
        expect(actual.won_amount[currency], currency).toBeCloseTo(amount, 6)
    } else expect(actual[name], name).toEqual(close(value))
  }
}

beforeAll(async () => {
  await createProgram({ name: 'Reporting program', reporting_timezone: TIMEZONE })
  writeKey = (await createApiKey(db, { id: null, label: 'test' }, { name: 'w', scopes: ['events:write'] }))
    .secret
  readKey = (
    await createApiKey(
      db,
      { id: null, label: 'test' },
      { name: 'r', scopes: ['metrics:read', 'metrics:reps'] },
    )
  ).secret
  await db
    .insertInto('sellers')
    .values(
      ROSTER.map((rep) => ({
        seller_id: rep.seller_id,
        name: `Rep ${rep.seller_id}`,
        region: rep.region,
        segment: rep.segment,
        team: rep.team,
        manager_id: rep.manager_id,
        role: 'account_executive',
        tech_affinity: rep.tech_affinity as 'avoider',
        eligible: rep.eligible,
        left_at: rep.left ? new Date('2026-09-01T00:00:00Z') : null,
      })),
    )
    .execute()
  // A first query builds the (empty) daily rollups, so that ingest below maintains them batch by batch.
  expect(
    (await get(funnelLoader, '/api/v1/metrics/recommendation-funnel?from=2026-10-01&to=2026-12-01')).status,
  ).toBe(200)
  const meta = () =>
    db.selectFrom('recommendation_rollup_meta').select(['timezone', 'built_at']).executeTakeFirst()
  const built = await meta()
  expect(built?.timezone).toBe(TIMEZONE)
  // Shuffled, with retries, in batches of every body format.
  const delivery = deliveryOrder(events)
  const formats = ['json', 'ndjson', 'csv'] as const
  let accepted = 0
  for (let start = 0, i = 0; start < delivery.length; start += 500, i++)
    accepted += (await send(delivery.slice(start, start + 500), formats[i % 3]!)).accepted
  expect(accepted).toBe(new Set(events.map((e) => e.event_id)).size)
  // Still the same build: every batch was added to the rollups, none invalidated them.
  expect(await meta()).toEqual(built)
}, 120_000)

const ranges = [
  { from: '2026-10-12', to: '2026-11-09' },
  { from: '2026-10-31', to: '2026-11-03' },
  { from: '2026-10-01', to: '2026-12-01' },
]

describe('funnel and adoption equal a straightforward recomputation from the raw events', () => {
  test.each(ranges)('funnel $from → $to, every group_by', async (range) => {
    for (const group of [undefined, ...FUNNEL_GROUPS]) {
      const query = new URLSearchParams({ ...range, ...(group ? { group_by: group } : {}) })
      const { status, body } = await get(funnelLoader, `/api/v1/metrics/recommendation-funnel?${query}`)
      expect(status).toBe(200)
      expect(body).toMatchObject({ ...range, timezone: TIMEZONE, group_by: group ?? null })
      const expected = referenceFunnel(events, ROSTER, { ...range, timezone: TIMEZONE, group_by: group })
      if (group) {
        expect(body.groups.map((g: { key: string }) => g.key).sort(), group).toEqual(
          [...expected.keys()].sort(),
        )
        for (const entry of body.groups) expectFigures(entry, expected.get(entry.key)!)
      }
      const total = referenceFunnel(events, ROSTER, { ...range, timezone: TIMEZONE }).get('total')
      expectFigures(body.total, total ?? { generated: 0 })
      if (range.to === '2026-12-01') expect(total!.generated).toBeGreaterThan(300) // the data is really there
      if (total) {
        expect(body.total.conversion_rate).toBeCloseTo(
          total.shown ? total.opportunities / total.shown : NaN,
          12,
        )
        expect(body.total.acceptance_rate).toBeCloseTo(total.accepted / (total.accepted + total.rejected), 12)
      }
    }
  })

  test.each(ranges)('adoption $from → $to, every group_by', async (range) => {
    for (const group of [undefined, ...ROSTER_GROUPS]) {
      const query = new URLSearchParams({ ...range, ...(group ? { group_by: group } : {}) })
      const { status, body } = await get(adoptionLoader, `/api/v1/metrics/adoption?${query}`)
      expect(status).toBe(200)
      expectFigures(
        body.total,
        referenceAdoption(events, ROSTER, { ...range, timezone: TIMEZONE }).get('total')!,
      )
      if (group) {
        const expected = referenceAdoption(events, ROSTER, { ...range, timezone: TIMEZONE, group_by: group })
        expect(body.groups.map((g: { key: string }) => g.key).sort()).toEqual([...expected.keys()].sort())
        for (const entry of body.groups) expectFigures(entry, expected.get(entry.key)!)
      }
    }
  })

  test('replaying every batch again changes nothing', async () => {
    const query = '/api/v1/metrics/recommendation-funnel?from=2026-10-01&to=2026-12-01&group_by=week'
    const before = await get(funnelLoader, query)
    const result = await send(events.slice(0, 2000), 'json')
    expect(result).toEqual({ accepted: 0, duplicates: Math.min(2000, events.length), rejected: [] })
    expect(await get(funnelLoader, query)).toEqual(before)
  })
})

describe('the roster and the zone are reflected', () => {
  test('a rep moved to another team moves their history; the state-row path agrees with the rollups', async () => {
    const moved = ROSTER.map((rep) => (rep.seller_id === 'S2' ? { ...rep, team: 'Team 9' } : rep))
    await db
      .updateTable('sellers')
      .set({ team: 'Team 9', updated_at: new Date() })
      .where('seller_id', '=', 'S2')
      .execute()
    const range = { from: '2026-10-01', to: '2026-12-01' }
    const { body } = await get(
      funnelLoader,
      `/api/v1/metrics/recommendation-funnel?${new URLSearchParams({ ...range, group_by: 'team' })}`,
    )
    const expected = referenceFunnel(events, moved, { ...range, timezone: TIMEZONE, group_by: 'team' })
    expect(body.groups.map((g: { key: string }) => g.key).sort()).toEqual([...expected.keys()].sort())
    for (const entry of body.groups) expectFigures(entry, expected.get(entry.key)!)
  })

  test('a new reporting zone rebuilds the rollups and activity days for it, also when it changes back', async () => {
    const range = { from: '2026-10-12', to: '2026-11-09' }
    const moved = ROSTER.map((rep) => (rep.seller_id === 'S2' ? { ...rep, team: 'Team 9' } : rep))
    const adoptionMatches = async (timezone: string) => {
      const query = new URLSearchParams({ ...range, group_by: 'team' })
      const { body } = await get(adoptionLoader, `/api/v1/metrics/adoption?${query}`)
      expect(body.timezone).toBe(timezone)
      const expected = referenceAdoption(events, moved, { ...range, timezone, group_by: 'team' })
      for (const entry of body.groups) expectFigures(entry, expected.get(entry.key)!)
    }
    await db.updateTable('programs').set({ reporting_timezone: 'Asia/Taipei' }).execute()
    const { body } = await get(
      funnelLoader,
      `/api/v1/metrics/recommendation-funnel?${new URLSearchParams({ ...range, group_by: 'week' })}`,
    )
    const expected = referenceFunnel(events, moved, { ...range, timezone: 'Asia/Taipei', group_by: 'week' })
    expect(body.timezone).toBe('Asia/Taipei')
    for (const entry of body.groups) expectFigures(entry, expected.get(entry.key)!)
    // New activity drained while the zone differs from the one the activity days were built for; the
    // zone then changes back: the days must be rebuilt, not taken as still valid.
    const later = events
      .filter((e) => e.type === 'viewed')
      .slice(0, 40)
      .map((e) => ({
        ...e,
        event_id: `${e.event_id}-later`,
        occurred_at: new Date(Date.parse(String(e.occurred_at)) + 2 * 86_400_000).toISOString(),
      }))
    expect((await send(later, 'json')).accepted).toBe(later.length)
    events.push(...later)
    await db.updateTable('programs').set({ reporting_timezone: TIMEZONE }).execute()
    await adoptionMatches(TIMEZONE)
    await db.updateTable('programs').set({ reporting_timezone: 'Asia/Taipei' }).execute()
    await adoptionMatches('Asia/Taipei')
    await db.updateTable('programs').set({ reporting_timezone: TIMEZONE }).execute()
  })
})

describe('metric queries', () => {
  test('400 for a bad range or group_by', async () => {
    for (const query of [
      'from=2026-10-01',
      'from=2026-10-05&to=2026-10-01',
      'from=2026-10-01&to=2026-11-01&group_by=colour',
      'from=x&to=y',
    ])
      expect((await get(funnelLoader, `/api/v1/metrics/recommendation-funnel?${query}`)).status).toBe(400)
    expect(
      (await get(adoptionLoader, '/api/v1/metrics/adoption?from=2026-10-01&to=2026-11-01&group_by=seller'))
        .status,
    ).toBe(400)
  })

  test('rates are null when their denominator is 0', async () => {
    const { body } = await get(
      funnelLoader,
      '/api/v1/metrics/recommendation-funnel?from=2020-01-01&to=2020-02-01',
    )
    expect(body.total).toMatchObject({
      generated: 0,
      shown_rate: null,
      conversion_rate: null,
      acceptance_rate: null,
    })
  })
})
