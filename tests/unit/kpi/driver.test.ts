import { describe, expect, test } from 'vitest'
import { indexSeries } from '~/models/kpi/chart.server'
import { analyseDriverLink, pairsAtLag } from '~/models/kpi/driver'

// Expected values computed independently with SciPy 1.17 (scipy.stats.pearsonr: Pearson's r and the
// exact two-sided p-value, the same as the t-test with n − 2 degrees of freedom):
//   python3 -c "from scipy.stats import pearsonr; x=[…]; e=[…]; y={t:3*x[t-2]+e[t] for t in range(2,24)}; …"

const x = [5, 9, 3, 7, 8, 2, 6, 10, 4, 7, 3, 9, 5, 8, 2, 6, 9, 4, 7, 10, 3, 5, 8, 6]
const e = [1, -2, 0, 2, -1, 1, 0, -2, 2, -1, 0, 1, -1, 2, 0, -2, 1, 0, -1, 2, 1, -1, 0, 1]
/** Lagging = 3 × leading two periods earlier + noise, for periods 2…23. */
const y = [15, 29, 8, 22, 24, 4, 20, 29, 12, 22, 8, 29, 15, 22, 7, 18, 26, 14, 22, 29, 9, 16]

const leading = new Map(x.map((value, t) => [t, value]))
const lagging = new Map(y.map((value, i) => [i + 2, value]))

// [lag, n, r, p] from scipy.stats.pearsonr
const SCIPY: [number, number, number, number][] = [
  [0, 22, -0.17335875527275657, 0.4403925598080289],
  [1, 22, -0.4501705968656686, 0.03552692370817666],
  [2, 22, 0.987416161708155, 1.7061327667951693e-17],
  [3, 21, -0.5440030046690677, 0.010793778922952293],
  [4, 20, -0.07436951894267771, 0.7553392161019267],
  [5, 19, 0.21255757547442597, 0.3823020809236251],
  [6, 18, -0.11146242456495427, 0.6597040128221746],
  [7, 17, -0.04681146225790474, 0.8584057587631044],
  [8, 16, 0.15980128918805825, 0.5544037551272217],
  [9, 15, -0.16929016780013426, 0.5464044280386888],
  [10, 14, 0.17684867982572208, 0.5453036335110273],
  [11, 13, -0.13676635540666804, 0.6559331773604993],
  [12, 12, 0.18316384728136387, 0.5688092337118357],
]

describe('lead-lag analysis', () => {
  test('pairs the lagging value of each period with the leading value k periods earlier', () => {
    const { xs, ys } = pairsAtLag(leading, lagging, 2)
    expect(xs.slice(0, 3)).toEqual([5, 9, 3])
    expect(ys.slice(0, 3)).toEqual([15, 29, 8])
    expect(xs).toHaveLength(22)
  })

  test('r, n and p for every lag 0…12 match SciPy', () => {
    const { lags } = analyseDriverLink(leading, lagging, 1)
    expect(lags).toHaveLength(13)
    for (const [lag, n, r, p] of SCIPY) {
      const row = lags.find((result) => result.lag === lag)!
      expect(row.n).toBe(n)
      expect(row.r).toBeCloseTo(r, 10)
      // p spans 17 orders of magnitude: compare relative error.
      expect(Math.abs(row.p - p) / p).toBeLessThan(1e-6)
    }
  })

  test('finds the true lag and calls the link supported', () => {
    const analysis = analyseDriverLink(leading, lagging, 1)
    expect(analysis.best?.lag).toBe(2)
    expect(analysis.verdict).toBe('supported')
    expect(analysis.reason).toBeNull()
  })

  test('a significant correlation of the wrong sign contradicts the link', () => {
    // Lagging = −2 × leading one period earlier + noise; SciPy: r = −0.9665718598159223, p = 6.858668872266436e-14.
    const z = new Map(x.slice(0, 23).map((value, t) => [t + 1, -2 * value + e[t + 1]!]))
    const analysis = analyseDriverLink(leading, z, 1)
    expect(analysis.best?.lag).toBe(1)
    expect(analysis.best?.r).toBeCloseTo(-0.9665718598159223, 10)
    expect(Math.abs(analysis.best!.p - 6.858668872266436e-14) / 6.858668872266436e-14).toBeLessThan(1e-6)
    expect(analysis.verdict).toBe('contradicted')
    // When a rise should lower the lagging KPI (opposite directions), the same data supports it.
    expect(analyseDriverLink(leading, z, -1).verdict).toBe('supported')
  })

  test('fewer than 8 pairs is too little data, however strong the correlation', () => {
    // SciPy: pearsonr([1..7], [2,4,5,4,5,7,8]) → r = 0.9258200997725515, p = 0.0027649603013049605.
    const a = new Map([1, 2, 3, 4, 5, 6, 7].map((value, t) => [t, value]))
    const b = new Map([2, 4, 5, 4, 5, 7, 8].map((value, t) => [t, value]))
    const analysis = analyseDriverLink(a, b, 1, 0)
    expect(analysis.best?.r).toBeCloseTo(0.9258200997725515, 12)
    expect(analysis.best?.p).toBeCloseTo(0.0027649603013049605, 10)
    expect(analysis.verdict).toBe('not_yet_supported')
    expect(analysis.reason).toBe('too_little_data')
  })

  test('noise is not significant (best |r| over lags 0…10: lag 7, r = 0.4706, p = 0.0566)', () => {
    const noise = new Map(e.map((value, t) => [t, value]))
    const analysis = analyseDriverLink(leading, noise, 1, 10)
    expect(analysis.best?.lag).toBe(7)
    expect(analysis.best?.r).toBeCloseTo(0.47061003763108095, 10)
    expect(analysis.best?.p).toBeCloseTo(0.05658109005504326, 8)
    expect(analysis.verdict).toBe('not_yet_supported')
    expect(analysis.reason).toBe('not_significant')
  })

  test('series of different cadences are compared on the coarser one, averaged per period', () => {
    const daily = [
      { period_end: '2026-01-30', value: 2 },
      { period_end: '2026-01-31', value: 4 },
      { period_end: '2026-02-01', value: 10 },
    ]
    const monthly = indexSeries(daily, 'monthly')
    expect([...monthly.values()]).toEqual([3, 10])
    const [jan, feb] = [...monthly.keys()]
    expect(feb! - jan!).toBe(1)
  })
})
