import { expect, test } from 'vitest'
import { seedRecommendations } from '#db/seed/recommendations'
import { recommendationFunnel } from '~/models/recommendations/funnel.server'
import { rejectionReasons } from '~/models/recommendations/insights.server'
import { db } from '~/utils/db.server'

const NOW = new Date('2026-11-27T04:00:00Z')
const ctx = { programId: '', initiatives: {}, users: {} }

test('the demo events work without a roster and land near one in three with explanations', async () => {
  await db.transaction().execute((trx) => seedRecommendations(trx, ctx, NOW))
  const range = { from: '2026-07-01', to: '2026-11-28' }
  const byExplanation = await recommendationFunnel(db, { ...range, group_by: 'explanation' })
  const withExplanation = byExplanation.groups.find((g) => g.key === 'with')!
  const without = byExplanation.groups.find((g) => g.key === 'without')!
  expect(withExplanation.conversion_rate).toBeGreaterThan(0.28)
  expect(withExplanation.conversion_rate).toBeLessThan(0.4)
  expect(without.conversion_rate).toBeLessThan(withExplanation.conversion_rate! - 0.08)
  const byTeam = await recommendationFunnel(db, { ...range, group_by: 'team' })
  expect(byTeam.groups.map((g) => g.key)).toEqual(['unknown'])
  const reasons = await rejectionReasons(db, range, 'UTC')
  expect(Object.values(reasons.byReason).filter((n) => n > 0).length).toBe(7)
  const latest = await db
    .selectFrom('recommendation_events')
    .select((eb) => eb.fn.max('occurred_at').as('at'))
    .executeTakeFirstOrThrow()
  expect(new Date(latest.at as Date).getTime()).toBeLessThanOrEqual(NOW.getTime())
}, 120_000)
