import { beforeAll, describe, expect, test } from 'vitest'
import type { RecommendationEvent } from '~/models/recommendations/event.schema'
import { storeEvents } from '~/models/recommendations/ingest.server'
import { rejectionReasons } from '~/models/recommendations/insights.server'
import { loader as exportLoader } from '~/routes/recommendations.rejections.export'
import { loader as pageLoader } from '~/routes/recommendations.rejections'
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

  test('the page lists the rejections: sorted, filtered by reason and text, paged, exported as shown', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    type Page = {
      list: { rows: { recommendation_id: string; seller_id: string | null }[]; total: number }
      withReps: boolean
    }
    const ids = async (query: string) =>
      (
        (await run(
          pageLoader,
          buildRequest(`/recommendations/rejections?from=2026-10-05&to=2026-10-26${query}`, { cookie }),
        )) as Page
      ).list.rows.map((row) => row.recommendation_id)
    // Newest rejection first by default: r2 (20 October) before r1 (5 October).
    expect(await ids('')).toEqual(['r2', 'r1'])
    expect(await ids('&sort=rejected&dir=asc')).toEqual(['r1', 'r2'])
    // By reason code: bad_timing (r1) before not_relevant (r2).
    expect(await ids('&sort=reason&dir=asc')).toEqual(['r1', 'r2'])
    expect(await ids('&reason=not_relevant')).toEqual(['r2'])
    expect(await ids('&q=acm')).toEqual(['r1'])
    const answer = (await run(
      pageLoader,
      buildRequest(
        '/recommendations/rejections?from=2026-10-05&to=2026-10-26&sort=rejected&dir=asc&format=csv',
        {
          cookie,
        },
      ),
    )) as Response
    const lines = (await answer.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('Rejected,Type,Reason,In the rep’s words,Model,Explanation shown,Account,Rep')
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 3))).toEqual([
      ['Cross-sell', 'Bad timing'],
      ['Cross-sell', 'Not relevant'],
    ])
    // Anyone but an admin sees no rep: neither the column nor a value, nor a search by rep.
    const sponsor = await createUser({ role: 'sponsor' })
    const asSponsor = (await run(
      pageLoader,
      buildRequest('/recommendations/rejections?from=2026-10-05&to=2026-10-26&q=s1', {
        cookie: await sessionCookieFor(sponsor.id),
      }),
    )) as Page
    // Here fewer than 5 reps rejected, so the sponsor gets no list at all (its count would tell them).
    expect(asSponsor.withReps).toBe(false)
    expect(asSponsor.list).toBeNull()
  })
})
