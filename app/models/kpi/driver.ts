import { pearson, pearsonPValue } from '~/utils/stats'

// Does a leading indicator lead? For k = 0…maxLag, the Pearson r between the lagging series and the
// leading series shifted k periods later (lagging[t] against leading[t − k]), on the periods where both
// have values. Pure (unit-tested in tests/unit/kpi/driver.test.ts against values computed independently).

export const MIN_PAIRS = 8
export const MAX_LAG = 12
export const ALPHA = 0.05

export type LagResult = { lag: number; r: number; n: number; p: number }
export type DriverVerdict = 'supported' | 'contradicted' | 'not_yet_supported'
export type DriverAnalysis = {
  lags: LagResult[]
  best: LagResult | null
  verdict: DriverVerdict
  /** Why a link is not yet supported. */
  reason: 'too_little_data' | 'not_significant' | null
}

/** Series keyed by period index (consecutive periods differ by 1). */
export type IndexedSeries = ReadonlyMap<number, number>

export function pairsAtLag(leading: IndexedSeries, lagging: IndexedSeries, lag: number) {
  const xs: number[] = []
  const ys: number[] = []
  const periods = [...lagging.keys()].sort((a, b) => a - b)
  for (const period of periods) {
    const lead = leading.get(period - lag)
    if (lead === undefined) continue
    xs.push(lead)
    ys.push(lagging.get(period)!)
  }
  return { xs, ys }
}

/**
 * `expectedSign` is +1 when a rise in the leading KPI should raise the lagging one, −1 when it should
 * lower it. The best lag is the one with the largest |r| (the smallest lag on ties); the verdict needs
 * at least MIN_PAIRS pairs at that lag.
 */
export function analyseDriverLink(
  leading: IndexedSeries,
  lagging: IndexedSeries,
  expectedSign: 1 | -1,
  maxLag = MAX_LAG,
): DriverAnalysis {
  const lags: LagResult[] = []
  for (let lag = 0; lag <= maxLag; lag++) {
    const { xs, ys } = pairsAtLag(leading, lagging, lag)
    if (xs.length < 3) continue
    const r = pearson(xs, ys)
    if (Number.isNaN(r)) continue
    lags.push({ lag, r, n: xs.length, p: pearsonPValue(r, xs.length) })
  }
  let best: LagResult | null = null
  for (const result of lags) if (!best || Math.abs(result.r) > Math.abs(best.r) + 1e-12) best = result
  if (!best || best.n < MIN_PAIRS)
    return { lags, best, verdict: 'not_yet_supported', reason: 'too_little_data' }
  if (best.p >= ALPHA) return { lags, best, verdict: 'not_yet_supported', reason: 'not_significant' }
  const verdict = Math.sign(best.r) === expectedSign ? 'supported' : 'contradicted'
  return { lags, best, verdict, reason: null }
}
