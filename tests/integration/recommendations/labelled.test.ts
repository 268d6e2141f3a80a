/* eslint-disable @typescript-eslint/no-explicit-any -- API answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { ingestItems } from '~/models/recommendations/ingest.server'
import { loader as labelledApi } from '~/routes/api.v1.recommendations.labelled._index'
import { action as trainingsApi } from '~/routes/api.v1.recommendations.labelled.trainings'
import { loader as labelledCsv } from '~/routes/recommendations.labelled.export'
import { loader as evidencePage } from '~/routes/recommendations.explanations'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'
import { recommendation } from './teams'

// The labelled data for retraining: every decided recommendation with its outcome and features, paged,
// each export with an id the tool names when it reports a training; rep data as the privacy rules say.
// Data: 4 reps in segment Niche (a group below 5) and 6 in Core; each rep has one recommendation
// decided (S1 rejected with bad_timing, B1 accepted and actioned into a won opportunity) and one never
// decided (shown only) — 10 decided rows in November, none in October.

const SMALL = ['S1', 'S2', 'S3', 'S4']
const BIG = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6']
const RANGE = 'from=2026-11-01&to=2026-12-01'
let plainKey = ''
let repsKey = ''
let toolKey = ''
let admin: { id: string }
let viewer: { id: string }

beforeAll(async () => {
  await createProgram({ reporting_timezone: 'UTC' })
  admin = await createUser({ role: 'admin' })
  viewer = await createUser({ role: 'viewer' })
  await db
    .insertInto('sellers')
    .values(
      [
        ...SMALL.map((id) => ({
          seller_id: id,
          name: id,
          team: 'Small',
          manager_id: 'MS',
          segment: 'Niche',
        })),
        ...BIG.map((id) => ({ seller_id: id, name: id, team: 'Big', manager_id: 'MB', segment: 'Core' })),
      ].map((rep) => ({ ...rep, region: 'North', role: 'AE' })),
    )
    .execute()
  for (const id of [...SMALL, ...BIG]) {
    const decision =
      id === 'S1'
        ? ['shown', 'rejected']
        : id === 'B1'
          ? ['shown', 'accepted', 'actioned', 'opportunity_created']
          : ['shown', 'accepted']
    await recommendation(id, '2026-11-10', decision)
    await recommendation(id, '2026-11-12', ['shown'])
  }
  // B1's first recommendation (rec-B1-…, the helper's numbering) is won: the won event needs its amount.
  const b1 = await db
    .selectFrom('recommendation_events')
    .select('recommendation_id')
    .where('seller_id', '=', 'B1')
    .where('type', '=', 'opportunity_created')
    .executeTakeFirstOrThrow()
  const won = await ingestItems(db, [
    {
      index: 0,
      raw: {
        event_id: `${b1.recommendation_id}-won`,
        type: 'opportunity_won',
        occurred_at: '2026-11-20T10:00:00Z',
        recommendation_id: b1.recommendation_id,
        seller_id: 'B1',
        amount: 500,
        currency: 'USD',
      },
    },
  ])
  expect(won.rejected).toEqual([])
  const actor = { id: null, label: 'test' }
  plainKey = (await createApiKey(db, actor, { name: 'plain', scopes: ['metrics:read'] })).secret
  repsKey = (await createApiKey(db, actor, { name: 'reps', scopes: ['metrics:read', 'metrics:reps'] })).secret
  toolKey = (await createApiKey(db, actor, { name: 'tool', scopes: ['events:write'] })).secret
}, 60_000)

async function api(key: string, path: string) {
  const response = (await run(
    labelledApi,
    buildRequest(path, { headers: { Authorization: `Bearer ${key}` } }),
  )) as Response
  return { status: response.status, body: (await response.json()) as any }
}

describe('labelled recommendations', () => {
  test('every decided recommendation, in pages that continue one export', async () => {
    const first = await api(repsKey, `/api/v1/recommendations/labelled?${RANGE}&limit=4`)
    expect(first.status).toBe(200)
    expect(first.body.rows).toBe(10)
    expect(first.body.items).toHaveLength(4)
    const seen = [...first.body.items]
    let cursor = first.body.next_cursor
    while (cursor) {
      const next = await api(repsKey, `/api/v1/recommendations/labelled?${RANGE}&limit=4&cursor=${cursor}`)
      expect(next.body.export_id).toBe(first.body.export_id)
      seen.push(...next.body.items)
      cursor = next.body.next_cursor
    }
    expect(seen).toHaveLength(10)
    expect(new Set(seen.map((row) => row.recommendation_id)).size).toBe(10)
    const s1 = seen.find((row) => row.seller_id === 'S1')
    expect(s1).toMatchObject({
      decision: 'rejected',
      reason_code: 'bad_timing',
      segment: 'Niche',
      team: 'Small',
    })
    const b1 = seen.find((row) => row.seller_id === 'B1')
    expect(b1).toMatchObject({
      decision: 'accepted',
      reason_code: null,
      actioned: true,
      opportunity: true,
      won: true,
    })
    expect(b1.recommendation_type).toBe('cross_sell')
  })

  test('without metrics:reps: no rep, team or manager; the 4-rep segment blanked', async () => {
    const { body } = await api(plainKey, `/api/v1/recommendations/labelled?${RANGE}&limit=1000`)
    expect(
      body.items.every((row: any) => row.seller_id === null && row.team === null && row.manager_id === null),
    ).toBe(true)
    const suppressed = body.items.filter((row: any) => row.seller_attributes_suppressed)
    expect(suppressed).toHaveLength(4)
    expect(suppressed.every((row: any) => row.segment === null && row.region === null)).toBe(true)
    expect(body.items.filter((row: any) => row.segment === 'Core')).toHaveLength(6)
  })

  test('a cursor of another range or a made-up cursor is refused; a range with nothing is empty', async () => {
    const first = await api(repsKey, `/api/v1/recommendations/labelled?${RANGE}&limit=2`)
    const other = await api(
      repsKey,
      `/api/v1/recommendations/labelled?from=2026-10-01&to=2026-12-01&cursor=${first.body.next_cursor}`,
    )
    expect(other).toMatchObject({ status: 400, body: { error: { code: 'invalid_cursor' } } })
    expect((await api(repsKey, `/api/v1/recommendations/labelled?${RANGE}&cursor=nonsense`)).status).toBe(400)
    expect((await api(repsKey, `/api/v1/recommendations/labelled?${RANGE}&limit=0`)).status).toBe(400)
    const october = await api(repsKey, '/api/v1/recommendations/labelled?from=2026-10-01&to=2026-11-01')
    expect(october.body).toMatchObject({ rows: 0, items: [], next_cursor: null })
  })

  test('the tool reports a training; the evidence page lists it; unknown exports are 404', async () => {
    const { body } = await api(repsKey, `/api/v1/recommendations/labelled?${RANGE}`)
    const report = async (json: unknown) =>
      (await run(
        trainingsApi,
        buildRequest('/api/v1/recommendations/labelled/trainings', {
          method: 'POST',
          headers: { Authorization: `Bearer ${toolKey}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(json),
        }),
      )) as Response
    expect(await (await report({ model_version: 'v4', export_id: body.export_id })).json()).toEqual({
      status: 'recorded',
    })
    expect(await (await report({ model_version: 'v4', export_id: body.export_id })).json()).toEqual({
      status: 'duplicate',
    })
    expect(
      (await report({ model_version: 'v4', export_id: '5a7c3e1b-8d2f-4c6a-9b1e-2f3d4c5b6a70' })).status,
    ).toBe(404)
    expect((await report({ model_version: '' })).status).toBe(400)
    const page = (await run(
      evidencePage,
      buildRequest(`/recommendations/explanations?${RANGE}`, { cookie: await sessionCookieFor(viewer.id) }),
    )) as any
    expect(page.trainings).toEqual([
      expect.objectContaining({ model_version: 'v4', export_id: body.export_id, rows: 10 }),
    ])
  })

  test('the CSV: an export id on every row; the rep only for an administrator', async () => {
    const csv = async (user: { id: string }) => {
      const response = (await run(
        labelledCsv,
        buildRequest(`/recommendations/labelled/export?${RANGE}`, {
          cookie: await sessionCookieFor(user.id),
        }),
      )) as Response
      return (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
    }
    const adminLines = await csv(admin)
    expect(adminLines).toHaveLength(11)
    expect(adminLines[0]!.startsWith('export_id,recommendation_id,')).toBe(true)
    expect(adminLines.some((line) => line.includes(',S1,North,Niche,'))).toBe(true)
    const viewerLines = await csv(viewer)
    const sellerColumn = viewerLines[0]!.split(',').indexOf('seller_id')
    expect(viewerLines.slice(1).map((line) => line.split(',')[sellerColumn])).toEqual(Array(10).fill(''))
    const exportIds = new Set(viewerLines.slice(1).map((line) => line.split(',')[0]))
    expect(exportIds.size).toBe(1)
  })
})
