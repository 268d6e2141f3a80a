import { beforeAll, expect, test } from 'vitest'
import { setRetentionMonths } from '~/models/foundation/retention-setting.server'
import { recommendationAdoption } from '~/models/recommendations/adoption.server'
import { recommendationFunnel } from '~/models/recommendations/funnel.server'
import { rejectionReasons } from '~/models/recommendations/insights.server'
import { purgeExpired } from '~/models/recommendations/retention.server'
import { loader } from '~/routes/admin.audit.export'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'
import { prng } from './generate'
import { recommendation } from './teams'

// The purge removes raw rows past retention and leaves every funnel aggregate as it was. Runs on both
// engines (TEST_DATABASE_URL for PostgreSQL).

const TODAY = '2026-12-04'
const FULL = { from: '2024-01-01', to: '2026-12-01' }
const SELLERS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6']
const TYPES = [
  ['shown', 'viewed', 'accepted', 'opportunity_created'],
  ['shown', 'rejected'],
  ['shown', 'viewed'],
]

beforeAll(async () => {
  await createProgram({ reporting_timezone: 'Asia/Taipei' })
  await db
    .insertInto('sellers')
    .values(
      SELLERS.map((id, i) => ({
        seller_id: id,
        name: id,
        region: 'North',
        segment: 'SMB',
        team: `T${i % 2}`,
        role: 'AE',
      })),
    )
    .execute()
  const random = prng(20)
  // 60 recommendations spread over January 2024 to November 2026.
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.parse('2024-01-05') + Math.floor(random() * 1050) * 86_400_000)
      .toISOString()
      .slice(0, 10)
    await recommendation(SELLERS[i % SELLERS.length]!, day, TYPES[i % TYPES.length]!)
  }
})

async function aggregates() {
  return {
    total: await recommendationFunnel(db, FULL),
    byTeam: await recommendationFunnel(db, { ...FULL, group_by: 'team' }),
    bySeller: await recommendationFunnel(db, { ...FULL, group_by: 'seller' }),
    byWeek: await recommendationFunnel(db, { ...FULL, group_by: 'week' }),
    byType: await recommendationFunnel(db, { ...FULL, group_by: 'recommendation_type' }),
    reasons: await rejectionReasons(db, FULL, 'Asia/Taipei'),
    // Adoption inside the retention window: its activity days are all kept.
    recentAdoption: await recommendationAdoption(db, {
      from: '2025-01-01',
      to: '2026-12-01',
      group_by: 'team',
    }),
  }
}

test('the purge deletes raw events and activity days past retention and changes no aggregate', async () => {
  await setRetentionMonths(db, { id: null, label: 'test' }, 25)
  const before = await aggregates()
  expect(before.total.total.generated).toBe(60)
  const oldEvents = await db
    .selectFrom('recommendation_events')
    .select('event_id')
    .where('occurred_at', '<', new Date('2024-11-03T16:00:00Z'))
    .execute()
  expect(oldEvents.length).toBeGreaterThan(0)

  const report = await purgeExpired(db, { id: null, label: 'test' }, TODAY)
  // 25 months before 2026-12-04.
  expect(report.cutoff).toBe('2024-11-04')
  expect(report.events).toBeGreaterThan(0)
  expect(report.activityDays).toBeGreaterThan(0)

  expect(await aggregates()).toEqual(before)
  // Raw rows past retention: none left but the deciding events the states point to (the reasons' source).
  const left = await db
    .selectFrom('recommendation_events as e')
    .leftJoin('recommendation_states as s', 's.decision_event_id', 'e.event_id')
    .select(['e.event_id', 's.recommendation_id'])
    .where('e.occurred_at', '<', new Date('2024-11-03T16:00:00Z'))
    .execute()
  expect(left.filter((row) => row.recommendation_id === null)).toEqual([])
  const oldDays = await db
    .selectFrom('recommendation_activity_days')
    .select('day')
    .where('day', '<', '2024-11-04')
    .execute()
  expect(oldDays).toEqual([])
  const audited = await db
    .selectFrom('audit_log')
    .select(['action', 'after'])
    .where('action', '=', 'recommendations.purge')
    .execute()
  expect(audited).toHaveLength(1)

  // A second purge finds nothing more.
  expect(await purgeExpired(db, { id: null, label: 'test' }, TODAY)).toMatchObject({
    events: 0,
    activityDays: 0,
  })
})

test('the audit export holds the entries of the date range, the purge among them', async () => {
  const admin = await createUser({ role: 'admin' })
  const today = new Date().toISOString().slice(0, 10)
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
  const cookie = await sessionCookieFor(admin.id)
  const response = (await run(
    loader,
    buildRequest(`/admin/audit/export?from=${today}&to=${tomorrow}`, { cookie }),
  )) as Response
  expect(response.headers.get('Content-Type')).toContain('text/csv')
  const lines = (await response.text()).trim().split('\r\n')
  expect(lines[0]).toContain('id,at,actor_id,actor,action')
  // The retention setting and the two purges of the test above.
  expect(lines.filter((line) => line.includes('recommendations.purge'))).toHaveLength(2)
  expect(lines.filter((line) => line.includes('data_retention_months'))).toHaveLength(1)
  const empty = (await run(
    loader,
    buildRequest('/admin/audit/export?from=2020-01-01&to=2020-01-02', { cookie }),
  )) as Response
  expect((await empty.text()).trim().split('\r\n')).toHaveLength(1)
  const bad = (await run(loader, buildRequest('/admin/audit/export?from=x', { cookie }))) as Response
  expect(bad.status).toBe(400)
})
