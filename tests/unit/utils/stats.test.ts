import { describe, expect, test } from 'vitest'
import {
  normalCdf,
  pearson,
  pearsonPValue,
  studentTTwoSidedP,
  totalVariationDistance,
  twoProportionTest,
  wilsonInterval,
} from '~/utils/stats'

// Reference values computed independently: t-test p-values by Simpson integration of Student's t
// density (Python), normal CDF by math.erf, Wilson bounds and z-tests by hand from their formulas.

describe('Student t', () => {
  test.each([
    [2.228138851986, 10, 0.05],
    [1.0, 5, 0.36321747],
    [3.5, 20, 0.00225512],
    [0.5, 3, 0.65144769],
    [0, 8, 1],
  ])('t=%d, df=%d → two-sided p %d', (t, df, p) => {
    expect(studentTTwoSidedP(t, df)).toBeCloseTo(p, 5)
  })
})

test('normal CDF', () => {
  expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6)
  expect(normalCdf(-0.7)).toBeCloseTo(0.2419637, 6)
  expect(normalCdf(0)).toBeCloseTo(0.5, 7)
})

describe('Pearson', () => {
  test('perfect, inverse and hand-computed correlations', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12)
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12)
    // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6 → r = 6/√60
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12)
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN()
  })

  test('p-value uses t = r√((n−2)/(1−r²)) with n−2 df', () => {
    const r = 6 / Math.sqrt(60)
    const t = r * Math.sqrt(3 / (1 - r * r))
    expect(pearsonPValue(r, 5)).toBeCloseTo(studentTTwoSidedP(t, 3), 12)
    expect(t).toBeCloseTo(3 / Math.SQRT2, 9)
    expect(pearsonPValue(0.5, 2)).toBeNaN()
  })
})

describe('proportions', () => {
  test('Wilson interval for 50/100 and 0/10', () => {
    const half = wilsonInterval(50, 100)!
    expect(half.low).toBeCloseTo(0.4038315, 6)
    expect(half.high).toBeCloseTo(0.5961685, 6)
    const none = wilsonInterval(0, 10)!
    expect(none.low).toBe(0)
    expect(none.high).toBeCloseTo(0.2775328, 6)
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  test('two-proportion z-test: 60/100 vs 45/100', () => {
    // pooled 0.525, se = √(0.525·0.475·0.02) = 0.0706222, z = 2.1239770
    const result = twoProportionTest(60, 100, 45, 100)!
    expect(result.z).toBeCloseTo(2.123977, 6)
    expect(result.p).toBeCloseTo(0.0336721, 5)
    expect(twoProportionTest(0, 0, 1, 2)).toBeNull()
  })
})

test('total variation distance', () => {
  expect(totalVariationDistance({ a: 1, b: 1 }, { a: 1, b: 1 })).toBe(0)
  expect(totalVariationDistance({ a: 1 }, { b: 5 })).toBe(1)
  // (0.5, 0.5, 0) vs (0.25, 0.25, 0.5): ½(0.25 + 0.25 + 0.5) = 0.5
  expect(totalVariationDistance({ a: 2, b: 2 }, { a: 1, b: 1, c: 2 })).toBeCloseTo(0.5, 12)
})
