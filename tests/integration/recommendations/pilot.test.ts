import { beforeAll, expect, test } from 'vitest'
import type { RecommendationEvent } from '~/models/recommendations/event.schema'
import { adoptionBy } from '~/models/recommendations/adoption.server'
import { funnelCounts } from '~/models/recommendations/funnel.server'
import { storeEvents } from '~/models/recommendations/ingest.server'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'

// Pilot vs rest (issue 18): membership is the EET stints' dates, whether or not the rep has a portal
// login, a stint ending in the future is running, and a past range uses the stints of that time.

const TIMEZONE = 'UTC'

function event(id: string, seller: string, type: RecommendationEvent['type'], day: string) {
  return {
    event_id: `${id}-${type}`,
    type,
    occurred_at: `${day}T10:00:00Z`,
    recommendation_id: id,
    seller_id: seller,
    recommendation_type: 'cross_sell',
    model_version: 'v1',
    explanation: null,
    account_id: null,
    reason_code: null,
    reason_text: null,
    amount: null,
    currency: null,
  } satisfies RecommendationEvent
}

beforeAll(async () => {
  const program = await createProgram({ name: 'Reporting program', reporting_timezone: TIMEZONE })
  const lead = await createUser({ role: 'lead' })
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id })
  const sellers = await db
    .insertInto('sellers')
    .values(
      ['NOLOGIN', 'FUTURE', 'PAST', 'NEVER'].map((seller_id) => ({
        seller_id,
        name: seller_id,
        region: 'North',
        segment: 'Enterprise',
        team: 'T1',
        role: 'account_executive',
        eligible: true,
      })),
    )
    .returning(['id', 'seller_id'])
    .execute()
  const id = (sellerId: string) => sellers.find((seller) => seller.seller_id === sellerId)!.id
  await db
    .insertInto('eet_members')
    .values([
      // No portal login (sellers.user_id is null); on the EET since September, still on it.
      { initiative_id: initiative.id, seller_id: id('NOLOGIN'), joined_on: '2026-09-01', left_on: null },
      // Leaves at the end of next year: running now.
      {
        initiative_id: initiative.id,
        seller_id: id('FUTURE'),
        joined_on: '2026-09-01',
        left_on: '2027-12-31',
      },
      // On the EET in September only.
      { initiative_id: initiative.id, seller_id: id('PAST'), joined_on: '2026-09-01', left_on: '2026-09-30' },
    ])
    .execute()
  await storeEvents(db, [
    ...['NOLOGIN', 'FUTURE', 'PAST', 'NEVER'].flatMap((seller) => [
      event(`sep-${seller}`, seller, 'generated', '2026-09-10'),
      event(`sep-${seller}`, seller, 'viewed', '2026-09-10'),
      event(`oct-${seller}`, seller, 'generated', '2026-10-10'),
      event(`oct-${seller}`, seller, 'viewed', '2026-10-10'),
    ]),
  ])
})

test('funnel: a recommendation is pilot when its rep was on an EET the day it was generated', async () => {
  const groups = await funnelCounts(db, { from: '2026-09-01', to: '2026-11-01', group_by: 'pilot' }, TIMEZONE)
  // September: NOLOGIN, FUTURE, PAST are pilot; October: NOLOGIN, FUTURE. NEVER is rest both months.
  expect(groups.get('pilot')?.generated).toBe(5)
  expect(groups.get('rest')?.generated).toBe(3)
})

test('adoption: a rep is pilot when on an EET on any day of the range', async () => {
  const october = await adoptionBy(db, { from: '2026-10-01', to: '2026-11-01' }, 'pilot', TIMEZONE)
  const byKey = Object.fromEntries(october.map((row) => [row.key, row]))
  expect(byKey.pilot?.eligible).toBe(2)
  expect(byKey.rest?.eligible).toBe(2)
  const september = await adoptionBy(db, { from: '2026-09-01', to: '2026-10-01' }, 'pilot', TIMEZONE)
  expect(Object.fromEntries(september.map((row) => [row.key, row.eligible]))).toEqual({ pilot: 3, rest: 1 })
})
