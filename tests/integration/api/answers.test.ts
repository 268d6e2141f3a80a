import { beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { action as measurementsAction } from '~/routes/api.v1.kpis.$key.measurements'
import { loader as adoptionLoader } from '~/routes/api.v1.metrics.adoption'
import { loader as funnelLoader } from '~/routes/api.v1.metrics.recommendation-funnel'
import { action as eventsAction } from '~/routes/api.v1.recommendation-events'
import { FUNNEL_GROUPS, ROSTER_GROUPS } from '~/models/recommendations/metrics.schema'
import { db } from '~/utils/db.server'
import { createProgram } from '#tests/factories'
import { buildRequest, run } from '#tests/support/requests'
import { insertKpi, kpiWorld } from '../kpi/helpers'
import { jsonSchemaOf, undeclaredKeys } from '#tests/unit/api/contract'

// The real answers of every API operation are the ones the OpenAPI document promises: each status is
// documented for its operation, and each body parses with that status's schema and uses only its fields.

let secret = ''
let readOnly = ''

async function documented(method: 'get' | 'post', path: string, response: Response) {
  const status = String(response.status)
  const body: unknown = await response.json()
  const schema = jsonSchemaOf(method, path, status)
  const parsed = schema.safeParse(body)
  expect(parsed.error?.issues ?? [], `${method} ${path} ${status}`).toEqual([])
  expect(undeclaredKeys(schema, body, 'output'), `${method} ${path} ${status}`).toEqual([])
  return { status: response.status, body }
}

const MEASUREMENTS = '/api/v1/kpis/{key}/measurements'
function postMeasurements(key: string, body: string, query = '', token = secret) {
  return run(
    measurementsAction,
    buildRequest(`/api/v1/kpis/${key}/measurements${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    }),
    { key },
  ) as Promise<Response>
}
const EVENTS = '/api/v1/recommendation-events'
function postEvents(body: string, contentType = 'application/json', token = secret) {
  return run(
    eventsAction,
    buildRequest(EVENTS, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
      body,
    }),
  ) as Promise<Response>
}
function getMetrics(loader: typeof funnelLoader, path: string, token = secret) {
  return run(
    loader,
    buildRequest(path, { headers: { Authorization: `Bearer ${token}` } }),
  ) as Promise<Response>
}

beforeAll(async () => {
  const all = ['measurements:write', 'events:write', 'metrics:read']
  secret = (await createApiKey(db, { id: null, label: 'test' }, { name: 'all', scopes: all })).secret
  readOnly = (await createApiKey(db, { id: null, label: 'test' }, { name: 'r', scopes: ['metrics:read'] }))
    .secret
})

describe('answers match the OpenAPI document', () => {
  test('KPI measurements: 200, 422, 400, 401, 403, 404, 409, 415', async () => {
    const world = await kpiWorld()
    await insertKpi({ programId: world.program.id, key: 'doc-wins' })
    const items = JSON.stringify([
      { period_end: '2026-09-30', value: 10, note: 'from CRM' },
      { period_end: '2026-09-30', value: 11 },
      { period_end: '2026-10-30', value: 1 },
      { period_end: '2099-12-31', value: 7 },
      { value: 3 },
    ])
    const statuses = [
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', items)),
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', items)),
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', items, '?atomic=true')),
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', '{"not":"an array"}')),
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', items, '?program=nope')),
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', items, '', 'wrong')),
      await documented('post', MEASUREMENTS, await postMeasurements('doc-wins', items, '', readOnly)),
      await documented('post', MEASUREMENTS, await postMeasurements('missing', items)),
    ].map((answer) => answer.status)
    expect(statuses).toEqual([200, 200, 422, 400, 400, 401, 403, 404])

    const second = await createProgram()
    await insertKpi({ programId: world.program.id, key: 'doc-shared' })
    await insertKpi({ programId: second.id, key: 'doc-shared' })
    const ambiguous = await documented('post', MEASUREMENTS, await postMeasurements('doc-shared', items))
    expect(ambiguous).toMatchObject({ status: 409, body: { error: { programs: expect.any(Array) } } })
    const text = await run(
      measurementsAction,
      buildRequest('/api/v1/kpis/doc-wins/measurements', {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'text/plain' },
        body: items,
      }),
      { key: 'doc-wins' },
    )
    expect((await documented('post', MEASUREMENTS, text as Response)).status).toBe(415)
  })

  test('events: 200 with accepted, duplicates and rejected; 400, 403, 415', async () => {
    const event = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
      event_id: id,
      type,
      occurred_at: '2026-11-02T09:00:00+08:00',
      recommendation_id: `rec-${id}`,
      seller_id: 'S-doc',
      ...extra,
    })
    const batch = JSON.stringify([
      event('d1', 'generated', { recommendation_type: 'cross_sell', explanation: 'why' }),
      event('d1', 'generated', { recommendation_type: 'cross_sell' }),
      event('d2', 'rejected'),
      event('d3', 'opportunity_won', { amount: 5, currency: 'usd' }),
      'not an event',
    ])
    const report = await documented('post', EVENTS, await postEvents(batch))
    expect(report).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 1 } })
    const ndjson = await documented(
      'post',
      EVENTS,
      await postEvents(`${JSON.stringify(event('d4', 'shown'))}\n{oops\n`, 'application/x-ndjson'),
    )
    expect(ndjson.status).toBe(200)
    expect((await documented('post', EVENTS, await postEvents('not json'))).status).toBe(400)
    expect((await documented('post', EVENTS, await postEvents(batch, 'text/plain'))).status).toBe(415)
    expect((await documented('post', EVENTS, await postEvents(batch, undefined, readOnly))).status).toBe(403)
  })

  test('funnel and adoption: every group_by, and 400 for a bad range', async () => {
    await db
      .insertInto('sellers')
      .values({
        seller_id: 'S-doc',
        name: 'Rep doc',
        region: 'North',
        segment: 'SMB',
        team: 'Team 1',
        manager_id: 'M1',
        role: 'account_executive',
        tech_affinity: 'enthusiast',
        eligible: true,
      })
      .execute()
    await postEvents(
      JSON.stringify([
        {
          event_id: 'f1',
          type: 'generated',
          occurred_at: '2026-11-03T09:00:00Z',
          recommendation_id: 'rec-f1',
          seller_id: 'S-doc',
          recommendation_type: 'upsell',
        },
        {
          event_id: 'f2',
          type: 'viewed',
          occurred_at: '2026-11-03T10:00:00Z',
          recommendation_id: 'rec-f1',
          seller_id: 'S-doc',
        },
      ]),
    )
    const range = 'from=2026-11-01&to=2026-12-01'
    const funnel = '/api/v1/metrics/recommendation-funnel'
    const adoption = '/api/v1/metrics/adoption'
    for (const group of ['', ...FUNNEL_GROUPS]) {
      const answer = await getMetrics(funnelLoader, `${funnel}?${range}&group_by=${group}`)
      expect((await documented('get', funnel, answer)).status).toBe(200)
    }
    for (const group of ['', ...ROSTER_GROUPS]) {
      const answer = await getMetrics(adoptionLoader, `${adoption}?${range}&group_by=${group}`)
      expect((await documented('get', adoption, answer)).status).toBe(200)
    }
    const backwards = await getMetrics(funnelLoader, `${funnel}?from=2026-12-01&to=2026-11-01`)
    expect(await documented('get', funnel, backwards)).toMatchObject({
      status: 400,
      body: { error: { fields: { to: expect.any(Array) } } },
    })
    const badGroup = await getMetrics(adoptionLoader, `${adoption}?${range}&group_by=seller`)
    expect((await documented('get', adoption, badGroup)).status).toBe(400)
  })
})
