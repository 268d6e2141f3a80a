import { beforeAll, describe, expect, test } from 'vitest'
import type { RecommendationEvent } from '~/models/recommendations/event.schema'
import { storeEvents } from '~/models/recommendations/ingest.server'
import { rejectionReasons } from '~/models/recommendations/insights.server'
import { loader as exportLoader } from '~/routes/recommendations.rejections.export'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'

// The rejections page: its export link answers a file (it answered 500), each row's account is the
// recommendation's, and the weekly trend has a point for every week, those without rejections too.

const TIMEZONE = 'UTC'

function event(fields: Partial<RecommendationEvent> & Pick<RecommendationEvent, 'event_id' | 'type'>) {
  return {
    occurred_at: '2026-10-05T10:00:00Z',
    recommendation_id: 'r1',
    seller_id: 's1',
    recommendation_type: 'cross_sell',
    model_version: 'v1',
    explanation: null,
    account_id: null,
    reason_code: null,
    reason_text: null,
    amount: null,
    currency: null,
    ...fields,
  } satisfies RecommendationEvent
}

beforeAll(async () => {
  await createProgram({ name: 'Reporting program', reporting_timezone: TIMEZONE })
  await storeEvents(db, [
    // Week of Monday 2026-10-05: r1 rejected; its account is on the generated event only.
    event({ event_id: 'e1', type: 'generated', account_id: 'ACME' }),
    event({
      event_id: 'e2',
      type: 'rejected',
      occurred_at: '2026-10-05T11:00:00Z',
      reason_code: 'bad_timing',
    }),
    // Week of 2026-10-12: nothing. Week of 2026-10-19: r2 rejected.
    event({
      event_id: 'e3',
      type: 'generated',
      recommendation_id: 'r2',
      occurred_at: '2026-10-20T09:00:00Z',
    }),
    event({
      event_id: 'e4',
      type: 'rejected',
      recommendation_id: 'r2',
      occurred_at: '2026-10-20T10:00:00Z',
      reason_code: 'not_relevant',
    }),
  ])
})

describe('rejections', () => {
  test('the weekly trend includes a week with no rejection as zero', async () => {
    const reasons = await rejectionReasons(db, { from: '2026-10-05', to: '2026-10-26' }, TIMEZONE)
    expect(reasons.weeks).toEqual(['2026-10-05', '2026-10-12', '2026-10-19'])
    expect(reasons.trend.bad_timing).toEqual([1, 0, 0])
    expect(reasons.trend.not_relevant).toEqual([0, 0, 1])
    expect(reasons.total).toBe(2)
  })

  test('the export link answers a CSV whose rows take the account from the recommendation', async () => {
    // An admin: only they see which rep rejected (rep-data privacy blanks seller_id for the others).
    const analyst = await createUser({ role: 'admin' })
    const response = (await run(
      exportLoader,
      buildRequest('/recommendations/rejections/export?from=2026-10-05&to=2026-10-26', {
        cookie: await sessionCookieFor(analyst.id),
      }),
    )) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/text\/csv/)
    const lines = (await response.text()).trim().split(/\r?\n/)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^"?r1"?,"?s1"?,"?ACME"?,/)
  })
})
