import { describe, expect, test } from 'vitest'
import { compare, proportion } from '~/models/recommendations/insights.server'
import { withRates } from '~/models/recommendations/funnel.server'
import { figures } from '~/models/recommendations/adoption.server'

// Values computed independently of app/utils/stats.ts, in Python from the textbook formulas
// (Wilson: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n); pooled two-proportion z; p = erfc(|z|/√2)).

const counts = (over: Partial<Record<string, number>>) => ({
  generated: 0,
  shown: 0,
  viewed: 0,
  accepted: 0,
  rejected: 0,
  actioned: 0,
  opportunities: 0,
  won: 0,
  won_amount: {},
  ...over,
})

describe('evidence statistics', () => {
  test('Wilson 95% interval of 33 of 100', () => {
    const p = proportion(33, 100)
    expect(p.rate).toBeCloseTo(0.33, 12)
    expect(p.low).toBeCloseTo(0.245631, 5)
    expect(p.high).toBeCloseTo(0.426947, 5)
    expect(proportion(0, 0)).toEqual({ successes: 0, n: 0, rate: null, low: null, high: null })
  })

  test('with vs without an explanation: acceptance 60/100 vs 45/100, conversion 33/100 vs 8/100', () => {
    const result = compare(
      counts({ accepted: 60, rejected: 40, shown: 100, opportunities: 33 }),
      counts({ accepted: 45, rejected: 55, shown: 100, opportunities: 8 }),
    )
    // pooled p = 0.525, se = sqrt(0.525·0.475·0.02) = 0.070622; z = 0.15 / 0.070622 = 2.12398
    expect(result.acceptance.test!.z).toBeCloseTo(2.12398, 4)
    expect(result.acceptance.test!.p).toBeCloseTo(0.033672, 5)
    // pooled p = 0.205, se = sqrt(0.205·0.795·0.02) = 0.057092; z = 0.25 / 0.057092 = 4.378895
    expect(result.conversion.test!.z).toBeCloseTo(4.378895, 5)
    expect(result.conversion.test!.p).toBeLessThan(0.0001)
    expect(compare(counts({}), counts({ shown: 5 })).conversion.test).toBeNull()
  })

  test('funnel rates and their null denominators', () => {
    expect(
      withRates(
        counts({ generated: 10, shown: 8, viewed: 6, accepted: 3, rejected: 1, opportunities: 2, won: 1 }),
      ),
    ).toMatchObject({
      shown_rate: 0.8,
      view_rate: 0.75,
      acceptance_rate: 0.75,
      conversion_rate: 0.25,
      win_rate: 0.5,
    })
    expect(withRates(counts({ generated: 3 }))).toMatchObject({
      view_rate: null,
      acceptance_rate: null,
      conversion_rate: null,
      win_rate: null,
    })
  })

  test('adoption figures: 10 days, 2 windows (7 + 3 days)', () => {
    // 4 eligible, 2 active; 6 rep-days active; rep-windows active: 3.
    expect(figures({ eligible: 4, active: 2, active_days: 6, active_weeks: 3 }, 10)).toEqual({
      eligible: 4,
      active: 2,
      adoption_rate: 0.5,
      avg_daily_active: 0.6,
      avg_weekly_active: 1.5,
      stickiness: 0.3,
    })
    expect(figures({ eligible: 0, active: 0, active_days: 0, active_weeks: 0 }, 7).stickiness).toBeNull()
  })
})
