import { describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { action as measurementsAction } from '~/routes/api.v1.kpis.$key.measurements'
import { loader as openApiLoader } from '~/routes/api.v1.openapi[.]json'
import { db } from '~/utils/db.server'
import { createProgram } from '#tests/factories'
import { buildRequest, run } from '#tests/support/requests'
import { insertKpi, kpiWorld, measurementsOf, revisionsOf } from './helpers'

async function keyFor(adminId: string, scopes = ['measurements:write']) {
  const { secret } = await createApiKey(db, { id: adminId, label: 'admin' }, { name: 'ETL', scopes })
  return secret
}

async function post(secret: string, key: string, body: unknown, query = '') {
  const response = (await run(
    measurementsAction,
    buildRequest(`/api/v1/kpis/${key}/measurements${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { key },
  )) as Response
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of varied shape
  return { status: response.status, json: (await response.json()) as Record<string, any> }
}

describe('POST /api/v1/kpis/{key}/measurements', () => {
  test('reports created, updated and unchanged per item, and each bad item by index', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'api-wins',
    })
    const secret = await keyFor(world.admin.id)
    const first = await post(secret, 'api-wins', [
      { period_end: '2026-09-30', value: 10 },
      { period_end: '2026-10-31', value: 12.5, note: 'from CRM' },
    ])
    expect(first.status).toBe(200)
    expect(first.json.results).toEqual([
      { index: 0, status: 'created', period_end: '2026-09-30' },
      { index: 1, status: 'created', period_end: '2026-10-31' },
    ])
    const second = await post(secret, 'api-wins', [
      { period_end: '2026-09-30', value: 10 },
      { period_end: '2026-10-31', value: 13 },
      { period_end: '2026-10-30', value: 1 },
      { period_end: '2026-09-30', value: 11 },
      { period_end: '2026-11-30', value: '7' },
      { period_end: '2099-12-31', value: 7 },
    ])
    expect(second.status).toBe(200)
    expect(second.json.counts).toEqual({ created: 0, updated: 1, unchanged: 1, error: 4 })
    expect(
      second.json.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status),
    ).toEqual(['unchanged', 'updated', 'notPeriodEnd', 'duplicate', 'badItem', 'future'])
    expect(second.json.results[3].error.message).toBe(
      'A second value for the same KPI and period (first at index 0).',
    )
    // The omitted note keeps the existing one.
    expect(await measurementsOf(kpi.id)).toMatchObject([
      { period_end: '2026-09-30', value: 10, source: 'api' },
      { period_end: '2026-10-31', value: 13, note: 'from CRM' },
    ])
    const revisions = await revisionsOf(kpi.id)
    expect(revisions.at(-1)).toMatchObject({ old_value: 12.5, new_value: 13, source: 'api' })
    expect(revisions.at(-1)!.changed_by_label).toMatch(/^api-key:/)
  })

  test('atomic=true writes nothing when an item is bad (422)', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({ programId: world.program.id, key: 'api-atomic' })
    const secret = await keyFor(world.admin.id)
    const result = await post(
      secret,
      'api-atomic',
      [{ period_end: '2026-09-30', value: 10 }, { value: 3 }],
      '?atomic=true',
    )
    expect(result.status).toBe(422)
    expect(result.json.written).toBe(false)
    expect(result.json.results[1]).toMatchObject({ index: 1, status: 'error', error: { code: 'badItem' } })
    expect(await measurementsOf(kpi.id)).toEqual([])
  })

  test('a key in several programs needs ?program=, unknown keys are 404, bad bodies 400', async () => {
    const world = await kpiWorld()
    const second = await createProgram()
    await insertKpi({ programId: world.program.id, key: 'shared-key' })
    const target = await insertKpi({ programId: second.id, key: 'shared-key' })
    const secret = await keyFor(world.admin.id)
    const ambiguous = await post(secret, 'shared-key', [{ period_end: '2026-09-30', value: 1 }])
    expect(ambiguous.status).toBe(409)
    expect(ambiguous.json.error.code).toBe('ambiguous_key')
    expect(ambiguous.json.error.programs).toHaveLength(2)
    const chosen = await post(
      secret,
      'shared-key',
      [{ period_end: '2026-09-30', value: 1 }],
      `?program=${second.id}`,
    )
    expect(chosen.status).toBe(200)
    expect(await measurementsOf(target.id)).toMatchObject([{ value: 1 }])
    expect((await post(secret, 'missing', [{ period_end: '2026-09-30', value: 1 }])).status).toBe(404)
    expect((await post(secret, 'shared-key', '{"not":"an array"}')).status).toBe(400)
    expect((await post(secret, 'shared-key', 'not json')).status).toBe(400)
  })

  test('the OpenAPI document describes the endpoint', async () => {
    const response = (await run(openApiLoader, buildRequest('/api/v1/openapi.json'))) as Response
    const document = (await response.json()) as { openapi: string; paths: Record<string, { post?: unknown }> }
    expect(document.openapi).toBe('3.1.0')
    expect(document.paths['/api/v1/kpis/{key}/measurements']?.post).toBeDefined()
  })
})
