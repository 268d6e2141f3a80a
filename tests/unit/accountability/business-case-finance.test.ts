import { describe, expect, test } from 'vitest'
import { benefitAnnualValue, computeCase } from '~/models/accountability/business-case-finance'

// Every expected number below was worked out by hand (shown in the comments), not by the code.

describe('benefitAnnualValue', () => {
  test('multiplies the named assumptions of a line', () => {
    // 12,000 recommendations × 5% uplift × 20,000 per opportunity × 25% win rate = 3,000,000
    const line = { assumptions: [{ value: 12_000 }, { value: 0.05 }, { value: 20_000 }, { value: 0.25 }] }
    expect(benefitAnnualValue(line)).toBeCloseTo(3_000_000, 6)
  })
  test('a line without assumptions is worth nothing', () => {
    expect(benefitAnnualValue({ assumptions: [] })).toBe(0)
  })
})

describe('computeCase', () => {
  test('a case that pays back in the middle of year 2', () => {
    // Hours saved: 5 h per rep per month × 12 × 100 reps × 20 per hour = 120,000 a year.
    // Costs: 200,000 one-off in year 1; 12,000 a year recurring from year 1. Discount 10 %, 3 years.
    const figures = computeCase({
      discountRate: 0.1,
      horizonYears: 3,
      benefits: [{ startYear: 1, assumptions: [{ value: 60 }, { value: 100 }, { value: 20 }] }],
      costs: [
        { kind: 'one_off', year: 1, amount: 200_000 },
        { kind: 'recurring', year: 1, amount: 12_000 },
      ],
    })
    // Net per year: 120,000 − 212,000 = −92,000; then 108,000 and 108,000.
    expect(figures.years.map((y) => y.net)).toEqual([-92_000, 108_000, 108_000])
    // NPV = −92,000/1.1 + 108,000/1.21 + 108,000/1.331 = −83,636.364 + 89,256.198 + 81,141.999 = 86,761.833
    expect(figures.npv).toBeCloseTo(86_761.833, 2)
    // ROI = (360,000 − 236,000) / 236,000 = 0.525424
    expect(figures.roi).toBeCloseTo(0.525424, 5)
    // Monthly: −200,000 in month 1, then +10,000 − 1,000 = +9,000 every month:
    // −200,000 + 9,000 m ≥ 0 ⇔ m ≥ 22.2 → month 23 (year 2, month 11).
    expect(figures.paybackMonth).toBe(23)
    expect(figures.totalBenefits).toBe(360_000)
    expect(figures.totalCosts).toBe(236_000)
  })

  test('a negative NPV and a case that never pays back', () => {
    // 50,000 a year for 2 years against 150,000 up front at 8 %.
    const figures = computeCase({
      discountRate: 0.08,
      horizonYears: 2,
      benefits: [{ startYear: 1, assumptions: [{ value: 50_000 }] }],
      costs: [{ kind: 'one_off', year: 1, amount: 150_000 }],
    })
    // NPV = −100,000/1.08 + 50,000/1.1664 = −92,592.593 + 42,866.941 = −49,725.652
    expect(figures.npv).toBeCloseTo(-49_725.652, 2)
    // ROI = (100,000 − 150,000) / 150,000 = −1/3
    expect(figures.roi).toBeCloseTo(-1 / 3, 6)
    // The cumulative flow ends at −50,000: no payback within the horizon.
    expect(figures.paybackMonth).toBeNull()
  })

  test('a benefit that starts in year 2 and a second one-off cost that pushes payback back', () => {
    // Benefit 24,000 a year from year 2; one-off 10,000 in year 1 and 6,000 in year 3; 0 % discount.
    const figures = computeCase({
      discountRate: 0,
      horizonYears: 3,
      benefits: [{ startYear: 2, assumptions: [{ value: 24_000 }] }],
      costs: [
        { kind: 'one_off', year: 1, amount: 10_000 },
        { kind: 'one_off', year: 3, amount: 6_000 },
      ],
    })
    // Year 2: −10,000 + 2,000 m ≥ 0 at m = 5 → month 17. Year 3 month 1: 14,000 − 6,000 + 2,000 = 10,000 ≥ 0.
    expect(figures.paybackMonth).toBe(17)
    // With r = 0 the NPV is the plain sum: −10,000 + 24,000 + 18,000 = 32,000.
    expect(figures.npv).toBeCloseTo(32_000, 6)
    expect(figures.years.map((y) => y.benefits)).toEqual([0, 24_000, 24_000])
  })

  test('a case without costs pays back at once and has no ROI', () => {
    const figures = computeCase({
      discountRate: 0.1,
      horizonYears: 1,
      benefits: [{ startYear: 1, assumptions: [{ value: 1_100 }] }],
      costs: [],
    })
    expect(figures.roi).toBeNull()
    expect(figures.paybackMonth).toBe(1)
    expect(figures.npv).toBeCloseTo(1_000, 6) // 1,100 / 1.1
  })
})
