/* eslint-disable @typescript-eslint/no-explicit-any -- loader and API answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { FUNNEL_GROUPS, ROSTER_GROUPS } from '~/models/recommendations/metrics.schema'
import { loader as adoptionApi } from '~/routes/api.v1.metrics.adoption'
import { loader as funnelApi } from '~/routes/api.v1.metrics.recommendation-funnel'
import { loader as adoptionPage } from '~/routes/recommendations.adoption'
import { loader as funnelPage } from '~/routes/recommendations._index'
import { loader as rejectionsExport } from '~/routes/recommendations.rejections.export'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'
import { recommendation } from './teams'

// Small-group suppression, swept over every page, export and API answer that slices reps: a group of 4
// reps (team Small, manager MS, segment Niche) next to one of 6 (team Big, manager MB, segment Core).

const SMALL = ['S1', 'S2', 'S3', 'S4']
const BIG = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6']
const RANGE = 'from=2026-11-01&to=2026-12-01'
let viewer: { id: string }
let admin: { id: string }
let lead: { id: string }
let plainKey = ''
let repsKey = ''

beforeAll(async () => {
  await createProgram({ reporting_timezone: 'UTC' })
  viewer = await createUser({ role: 'viewer' })
  admin = await createUser({ role: 'admin' })
  lead = await createUser({ role: 'lead' })
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
  for (const id of [...SMALL, ...BIG])
    await recommendation(id, '2026-11-10', ['shown', 'viewed', id === 'S1' ? 'rejected' : 'accepted'])
  const actor = { id: null, label: 'test' }
  plainKey = (await createApiKey(db, actor, { name: 'plain', scopes: ['metrics:read'] })).secret
  repsKey = (await createApiKey(db, actor, { name: 'reps', scopes: ['metrics:read', 'metrics:reps'] })).secret
})

async function page(user: { id: string }, loader: (args: any) => unknown, path: string) {
  return (await run(loader, buildRequest(path, { cookie: await sessionCookieFor(user.id) }))) as any
}
async function api(key: string, loader: (args: any) => unknown, path: string) {
  const response = (await run(
    loader,
    buildRequest(path, { headers: { Authorization: `Bearer ${key}` } }),
  )) as Response
  expect(response.status).toBe(200)
  return (await response.json()) as any
}

/** The keys of groups about the small group of reps, for a grouping. */
function smallKeys(group: string) {
  if (group === 'team') return ['Small']
  if (group === 'manager') return ['MS']
  if (group === 'segment') return ['Niche']
  if (group === 'seller') return [...SMALL, ...BIG]
  return []
}

/** A group about fewer than 5 reps carries no figure: every number null, no amount. */
function expectSuppressed(group: Record<string, unknown>, where: string) {
  expect(group.suppressed, where).toBe(true)
  for (const [name, value] of Object.entries(group))
    if (name !== 'key' && name !== 'suppressed')
      expect(typeof value === 'number' ? value : null, `${where}: ${name}`).toBeNull()
}

describe('a viewer sees no figure about a group of 4 reps', () => {
  test.each(FUNNEL_GROUPS)('the funnel page grouped by %s', async (group) => {
    const answer = await page(viewer, funnelPage, `/recommendations?${RANGE}&group_by=${group}`)
    const keys = smallKeys(group)
    for (const key of keys) {
      const row = answer.funnel.groups.find((g: any) => g.key === key)
      expect(row, `${group}=${key}`).toBeDefined()
      expectSuppressed(row, `funnel page ${group}=${key}`)
    }
    for (const row of answer.funnel.groups.filter((g: any) => !keys.includes(g.key)))
      expect(row.suppressed, `${group}=${row.key}`).toBe(false)
    // A suppressed rep's or manager's name is not sent either.
    for (const key of keys) expect(answer.names[key]).toBeUndefined()
  })

  test.each(FUNNEL_GROUPS)('the funnel API grouped by %s, without metrics:reps', async (group) => {
    const answer = await api(
      plainKey,
      funnelApi,
      `/api/v1/metrics/recommendation-funnel?${RANGE}&group_by=${group}`,
    )
    for (const key of smallKeys(group))
      expectSuppressed(
        answer.groups.find((g: any) => g.key === key),
        `funnel API ${group}=${key}`,
      )
    expect(answer.total.suppressed).toBe(false)
    expect(answer.total.generated).toBe(10)
  })

  test.each(ROSTER_GROUPS)('the adoption API grouped by %s, without metrics:reps', async (group) => {
    const answer = await api(plainKey, adoptionApi, `/api/v1/metrics/adoption?${RANGE}&group_by=${group}`)
    for (const key of smallKeys(group))
      expectSuppressed(
        answer.groups.find((g: any) => g.key === key),
        `adoption API ${group}=${key}`,
      )
  })

  test('the adoption page: the manager slice, and the weekly cohorts', async () => {
    const answer = await page(viewer, adoptionPage, `/recommendations/adoption?${RANGE}`)
    expectSuppressed(
      answer.slices.manager.find((g: any) => g.key === 'MS'),
      'adoption page manager=MS',
    )
    expect(answer.slices.manager.find((g: any) => g.key === 'MB')).toMatchObject({ eligible: 6, active: 6 })
    // All 10 reps were first active in the week of 2026-11-09: one cohort of 10, shown.
    expect(answer.cohorts.cohorts).toMatchObject([{ week: '2026-11-09', size: 10, suppressed: false }])
    // The pilot slice: no rep is in a pilot, so "rest" holds all 10.
    expect(answer.pilot).toMatchObject([{ key: 'rest', eligible: 10, suppressed: false }])
  })

  test('the rejected-recommendations export has no row about fewer than 5 reps', async () => {
    // One rep (S1) rejected: the rows alone would be a figure about them.
    const response = (await page(
      viewer,
      rejectionsExport,
      `/recommendations/rejections/export?${RANGE}`,
    )) as Response
    const lines = (await response.text()).trim().split(/\r?\n/)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.split(',')[1]).toBe('seller_id')
    const asAdmin = (await page(
      admin,
      rejectionsExport,
      `/recommendations/rejections/export?${RANGE}`,
    )) as Response
    expect((await asAdmin.text()).trim().split(/\r?\n/)[1]!.split(',')[1]).toBe('S1')
  })
})

describe('those who may see reps one by one see every figure', () => {
  test('an admin on the pages, a key with metrics:reps on the API', async () => {
    const asAdmin = await page(admin, funnelPage, `/recommendations?${RANGE}&group_by=team`)
    expect(asAdmin.funnel.groups.find((g: any) => g.key === 'Small')).toMatchObject({
      suppressed: false,
      generated: 4,
      accepted: 3,
      rejected: 1,
    })
    const answer = await api(repsKey, adoptionApi, `/api/v1/metrics/adoption?${RANGE}&group_by=team`)
    expect(answer.groups.find((g: any) => g.key === 'Small')).toMatchObject({ eligible: 4, active: 4 })
  })

  test('a lead is not among them on the company-wide pages', async () => {
    const answer = await page(lead, funnelPage, `/recommendations?${RANGE}&group_by=seller`)
    for (const row of answer.funnel.groups) expectSuppressed(row, `lead, seller=${row.key}`)
  })
})
