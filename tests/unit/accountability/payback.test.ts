import { expect, test } from 'vitest'
import { computeCase } from '~/models/accountability/business-case-finance'

// Payback when the cumulative net flow turns positive, negative again and positive: the month from
// which it stays non-negative to the end of the horizon (docs/metrics.md, "Payback"). By hand, with
// 120,000 a year of benefit (10,000 a month) and one-off costs in month 1 of their year:

const base = {
  discountRate: 0.1,
  horizonYears: 3,
  benefits: [{ startYear: 1, assumptions: [{ value: 120_000 }] }],
}

test('cumulative turns negative again after a later one-off cost: payback moves to when it recovers', () => {
  // Month 1: 10,000 − 30,000 = −20,000; month 3: 0 (a first payback); end of year 1: 90,000.
  // Month 13: 90,000 + 10,000 − 150,000 = −50,000 (negative again); +10,000 a month: 0 in month 18.
  const figures = computeCase({
    ...base,
    costs: [
      { kind: 'one_off', year: 1, amount: 30_000 },
      { kind: 'one_off', year: 2, amount: 150_000 },
    ],
  })
  expect(figures.paybackMonth).toBe(18)
})

test('negative at the end of the horizon: no payback, even though it was positive once', () => {
  // End of year 2: 90,000 + 120,000 − 150,000 = 60,000; month 25: 60,000 + 10,000 − 300,000 = −230,000;
  // end of year 3: −230,000 + 11 × 10,000 = −120,000.
  const figures = computeCase({
    ...base,
    costs: [
      { kind: 'one_off', year: 1, amount: 30_000 },
      { kind: 'one_off', year: 2, amount: 150_000 },
      { kind: 'one_off', year: 3, amount: 300_000 },
    ],
  })
  expect(figures.paybackMonth).toBeNull()
})
