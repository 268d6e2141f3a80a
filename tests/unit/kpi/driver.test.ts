import { describe, expect, test } from 'vitest'
import { indexSeries } from '~/models/kpi/chart.server'
import {
  analyseDriverLink,
  arOrder,
  bestLevelCorrelation,
  changes,
  pairsAtLag,
  PERMUTATIONS,
} from '~/models/kpi/driver'
import { fisherInterval } from '~/utils/stats'

// Expected values computed independently with NumPy 2.4 / SciPy 1.17, not with this code:
//   d = first differences (both periods present); rho = sample autocorrelations of the leading d (centred
//   on its mean, over its sum of squares); for p = 1…min(6, ⌊n/8⌋): phi = np.linalg.solve(toeplitz(rho[:p]),
//   rho[1:p+1]), s2 = 1 − phi·rho[1:p+1], AIC = n·ln(s2) + 2p, keep the smallest AIC (p = 0: AIC 0);
//   e[t] = (d[t] − mean) − Σ phi[j]·(d[t−1−j] − mean), each series with its own phi (the lagging
//   changes get φ = (−1.00655, −0.58081));
//   scipy.stats.pearsonr(e_lead[t − k], e_lag[t]) on the finite pairs, for each k with ≥ 10 pairs.

const x = [5, 9, 3, 7, 8, 2, 6, 10, 4, 7, 3, 9, 5, 8, 2, 6, 9, 4, 7, 10, 3, 5, 8, 6]
const e = [1, -2, 0, 2, -1, 1, 0, -2, 2, -1, 0, 1, -1, 2, 0, -2, 1, 0, -1, 2, 1, -1, 0, 1]
/** Lagging = 3 × leading two periods earlier + noise, for periods 2…23. */
const y = [15, 29, 8, 22, 24, 4, 20, 29, 12, 22, 8, 29, 15, 22, 7, 18, 26, 14, 22, 29, 9, 16]

const leading = new Map(x.map((value, t) => [t, value]))
const lagging = new Map(y.map((value, i) => [i + 2, value]))

// NumPy: AR(2) on the leading changes, φ = (−0.98177, −0.63257); [lag, n, r] of the prewhitened changes.
const PHI = [-0.9817679801634821, -0.6325723766872121]
const REFERENCE: [number, number, number][] = [
  [0, 19, -0.2615223138543149],
  [1, 19, -0.18983243679560627],
  [2, 19, 0.9883214817355334],
  [3, 18, -0.2929575370211996],
  [4, 17, -0.2632874112574338],
  [5, 16, -0.24413002707138542],
  [6, 15, 0.3468583414583993],
  [7, 14, -0.030867782152832837],
  [8, 13, -0.02045593331068365],
  [9, 12, -0.18210629119226496],
  [10, 11, 0.10609205122190442],
  [11, 10, 0.11476268536656252],
]

describe('lead-lag analysis', () => {
  test('pairs the lagging value of each period with the leading value k periods earlier', () => {
    const { xs, ys } = pairsAtLag(leading, lagging, 2)
    expect(xs.slice(0, 3)).toEqual([5, 9, 3])
    expect(ys.slice(0, 3)).toEqual([15, 29, 8])
    expect(xs).toHaveLength(22)
  })

  test('changes are period over period, only where both periods have a value', () => {
    const series = new Map([
      [1, 10],
      [2, 13],
      [4, 20],
      [5, 18],
    ])
    expect([...changes(series)]).toEqual([
      [2, 3],
      [5, -2],
    ])
  })

  test('the prewhitening filter is the Yule–Walker AR model chosen by AIC (NumPy solve)', () => {
    const dl = new Float64Array(x.slice(1).map((value, t) => value - x[t]!))
    const phi = arOrder(dl)
    expect(phi).toHaveLength(2)
    phi.forEach((value, index) => expect(value).toBeCloseTo(PHI[index]!, 10))
  })

  test('r and n of the prewhitened changes at every lag with ≥ 10 pairs match NumPy/SciPy', () => {
    const { lags } = analyseDriverLink(leading, lagging, 1)
    // Lag 12 has 9 pairs: not searched.
    expect(lags.map((row) => row.lag)).toEqual(REFERENCE.map(([lag]) => lag))
    for (const [lag, n, r] of REFERENCE) {
      const row = lags.find((result) => result.lag === lag)!
      expect(row.n).toBe(n)
      expect(row.r).toBeCloseTo(r, 9)
    }
  })

  test('finds the true lag and calls it supported, the same p on every run', () => {
    const analysis = analyseDriverLink(leading, lagging, 1)
    expect(analysis.best?.lag).toBe(2)
    expect(analysis.p).toBeLessThan(0.05)
    expect(analysis.p).toBeGreaterThanOrEqual(1 / (PERMUTATIONS + 1))
    expect(analysis.best!.low).toBeLessThan(analysis.best!.r)
    expect(analysis.best!.high).toBeGreaterThan(analysis.best!.r)
    expect(analysis.verdict).toBe('supported')
    expect(analysis.reason).toBeNull()
    // Deterministic: the PRNG is seeded.
    expect(analyseDriverLink(leading, lagging, 1)).toEqual(analysis)
  })

  test('a significant link of the wrong sign contradicts; opposite directions make it support', () => {
    const z = new Map(x.slice(0, 23).map((value, t) => [t + 1, -2 * value + e[t + 1]!]))
    const analysis = analyseDriverLink(leading, z, 1)
    expect(analysis.best?.lag).toBe(1)
    expect(analysis.best!.r).toBeLessThan(-0.9)
    expect(analysis.verdict).toBe('contradicted')
    expect(analyseDriverLink(leading, z, -1).verdict).toBe('supported')
  })

  test('two independent series that both rise are trend-driven, not supported (the old test said supported)', () => {
    // Levels: both rise by 1 and 2 per period, with unrelated wiggles (e, and x − 6 reversed).
    const up = new Map(e.map((value, t) => [t, t + value]))
    const alsoUp = new Map([...x].reverse().map((value, t) => [t, 2 * t + (value - 6)]))
    const levels = bestLevelCorrelation(up, alsoUp)!
    expect(levels.r).toBeGreaterThan(0.9)
    expect(levels.adjustedP).toBeLessThan(0.05)
    const analysis = analyseDriverLink(up, alsoUp, 1)
    expect(analysis.p).toBeGreaterThanOrEqual(0.05)
    expect(analysis.verdict).toBe('trend_driven')
    expect(analysis.reason).toBe('trend_driven')
  })

  test('no lag with 10 pairs of changes is too little data, however strong the correlation', () => {
    const a = new Map([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((value, t) => [t, value * value]))
    const b = new Map([...a].map(([t, value]) => [t, 2 * value + 1]))
    const analysis = analyseDriverLink(a, b, 1, 0)
    expect(analysis.lags).toEqual([])
    expect(analysis.p).toBeNull()
    expect(analysis.verdict).toBe('not_yet_supported')
    expect(analysis.reason).toBe('too_little_data')
  })

  test('noise is not significant', () => {
    const noise = new Map(e.map((value, t) => [t, value]))
    const analysis = analyseDriverLink(leading, noise, 1, 10)
    expect(analysis.p).toBeGreaterThan(0.05)
    expect(['not_yet_supported', 'trend_driven']).toContain(analysis.verdict)
    expect(analysis.verdict).not.toBe('supported')
  })

  test('Fisher interval for r = 0.5 from 28 pairs (NumPy: tanh(atanh(0.5) ± 1.96/5))', () => {
    const interval = fisherInterval(0.5, 28)
    expect(interval.low).toBeCloseTo(0.15602836252908606, 12)
    expect(interval.high).toBeCloseTo(0.7358184794439376, 12)
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
