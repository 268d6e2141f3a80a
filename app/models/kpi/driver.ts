import { fisherInterval, mulberry32, pearson, pearsonPValue } from '~/utils/stats'

// Does a leading indicator lead? Levels of two KPIs that both trend correlate whatever drives them, so
// the test is on changes (first differences, period over period), prewhitened: an AR filter fitted to
// the leading changes (Yule–Walker, order by AIC) is applied to both series (Box–Jenkins). For
// k = 0…MAX_LAG, Pearson's r between the lagging KPI's filtered change in period t and the leading KPI's
// in period t − k, searched only at lags with at least MIN_PAIRS pairs. Its significance is a block-
// permutation max-statistic test: the leading series is rotated, cut into blocks of about √n periods (its
// remaining short-range autocorrelation kept) and the blocks shuffled, and the largest |r| over the same
// lags recomputed, PERMUTATIONS times; p is the share (+1 over PERMUTATIONS + 1) of shuffles whose
// largest |r| reaches the observed one, so the search over lags is paid for. The PRNG is seeded: the
// same data gives the same p. Alternatives and simulated error rates: docs/decisions/006.
// Pure (tests/unit/kpi/driver.test.ts, tests/unit/kpi/driver-simulation.test.ts).

export const MIN_PAIRS = 10
export const MAX_LAG = 12
export const ALPHA = 0.05
export const PERMUTATIONS = 999
export const SEED = 0x5eed18

export type LagResult = { lag: number; r: number; n: number }
export type LevelCorrelation = LagResult & { p: number; adjustedP: number; searched: number }
export type DriverVerdict = 'supported' | 'contradicted' | 'trend_driven' | 'not_yet_supported'
export type DriverAnalysis = {
  /** Correlation of changes at each searched lag. */
  lags: LagResult[]
  /** The lag with the largest |r| of changes, with a 95 % interval for r at that lag. */
  best: (LagResult & { low: number; high: number }) | null
  /** p of the largest |r| over the searched lags (block permutation), or null when nothing was searched. */
  p: number | null
  /** The best level correlation, its nominal p and that p × the lags searched (Bonferroni): shown only to
   * say when the levels move together although the changes do not. */
  levels: LevelCorrelation | null
  verdict: DriverVerdict
  /** Why a link is not (yet) supported. */
  reason: 'too_little_data' | 'not_significant' | 'trend_driven' | null
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

/** Period-over-period changes, kept only where both periods have a value. */
export function changes(series: IndexedSeries): Map<number, number> {
  const result = new Map<number, number>()
  for (const [period, value] of series) {
    const before = series.get(period - 1)
    if (before !== undefined) result.set(period, value - before)
  }
  return result
}

/** A series laid out on [start, start + length) with NaN where a period has no value. */
function dense(series: IndexedSeries, start: number, length: number) {
  const values = new Float64Array(length).fill(NaN)
  for (const [period, value] of series) values[period - start] = value
  return values
}

/** Pearson's r of lagging[t] with leading[t − lag] over the finite pairs; NaN below 3 pairs or constant. */
function lagCorrelation(leading: Float64Array, lagging: Float64Array, lag: number) {
  let n = 0
  let sx = 0
  let sy = 0
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let t = lag; t < lagging.length; t++) {
    const x = leading[t - lag]!
    const y = lagging[t]!
    if (Number.isNaN(x) || Number.isNaN(y)) continue
    n++
    sx += x
    sy += y
    sxx += x * x
    syy += y * y
    sxy += x * y
  }
  if (n < 3) return { r: NaN, n }
  const cxx = sxx - (sx * sx) / n
  const cyy = syy - (sy * sy) / n
  const cxy = sxy - (sx * sy) / n
  // Relative threshold: a constant series leaves only rounding error in cxx.
  if (cxx <= 1e-12 * sxx || cyy <= 1e-12 * syy) return { r: NaN, n }
  return { r: cxy / Math.sqrt(cxx * cyy), n }
}

/** The block length: about √n (n^(1/3) kept too little of an over-differenced series' structure; ADR 006). */
export function blockLength(n: number) {
  return Math.max(2, Math.round(Math.cbrt(n)))
}

/**
 * The leading series with its blocks shuffled: cut into blocks of `block` periods from a random offset
 * (so block boundaries vary between shuffles), the blocks reordered. Not rotated: with a search over
 * lags, a rotation by a few periods would find the same link again at another lag.
 */
function shuffleBlocks(values: Float64Array, block: number, random: () => number, out: Float64Array) {
  const length = values.length
  const segments: [number, number][] = []
  let start = 0
  for (let end = 1 + Math.floor(random() * block); start < length; end += block) {
    segments.push([start, Math.min(end, length)])
    start = Math.min(end, length)
  }
  for (let i = segments.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[segments[i], segments[j]] = [segments[j]!, segments[i]!]
  }
  let position = 0
  for (const [from, to] of segments)
    for (let source = from; source < to; source++) out[position++] = values[source]!
  return out
}

export const MAX_AR_ORDER = 6

/** An AR model for the prewhitening: Yule–Walker (Levinson–Durbin), order 0…MAX_AR_ORDER by AIC. */
export function arOrder(values: Float64Array) {
  const count = values.filter((value) => !Number.isNaN(value)).length
  const maxOrder = Math.min(MAX_AR_ORDER, Math.floor(count / 8))
  const rho = [1, ...autocorrelations(values, maxOrder)]
  let coefficients: number[] = []
  let variance = 1
  let best = { aic: count * Math.log(variance), coefficients }
  for (let p = 1; p <= maxOrder; p++) {
    let numerator = rho[p]!
    for (let j = 1; j < p; j++) numerator -= coefficients[j - 1]! * rho[p - j]!
    const reflection = numerator / variance
    if (!Number.isFinite(reflection) || Math.abs(reflection) >= 1) break
    coefficients = [...coefficients.map((phi, j) => phi - reflection * coefficients[p - 2 - j]!), reflection]
    variance *= 1 - reflection * reflection
    const aic = count * Math.log(variance) + 2 * p
    if (aic < best.aic) best = { aic, coefficients }
  }
  return best.coefficients
}

/** e[t] = (v[t] − v̄) − Σ φⱼ (v[t − j] − v̄); NaN when a value it needs is missing. */
export function prewhiten(values: Float64Array, coefficients: readonly number[]) {
  if (!coefficients.length) return values
  const finite = values.filter((value) => !Number.isNaN(value))
  const centre = finite.reduce((sum, value) => sum + value, 0) / (finite.length || 1)
  const out = new Float64Array(values.length).fill(NaN)
  for (let t = coefficients.length; t < values.length; t++) {
    let e = values[t]! - centre
    coefficients.forEach((phi, j) => (e -= phi * (values[t - 1 - j]! - centre)))
    out[t] = e
  }
  return out
}

/** Sample autocorrelation at lags 1…m of the finite values (gaps skipped pairwise). */
function autocorrelations(values: Float64Array, m: number) {
  const finite = [...values].filter((value) => !Number.isNaN(value))
  const centre = finite.reduce((sum, value) => sum + value, 0) / (finite.length || 1)
  let variance = 0
  for (const value of finite) variance += (value - centre) ** 2
  const result: number[] = []
  for (let lag = 1; lag <= m; lag++) {
    let sum = 0
    for (let t = lag; t < values.length; t++) {
      const a = values[t]!
      const b = values[t - lag]!
      if (!Number.isNaN(a) && !Number.isNaN(b)) sum += (a - centre) * (b - centre)
    }
    result.push(variance > 0 ? sum / variance : 0)
  }
  return result
}

/**
 * `expectedSign` is +1 when a rise in the leading KPI should raise the lagging one, −1 when it should
 * lower it. Supported: p < ALPHA and r of the expected sign; contradicted: p < ALPHA, the other sign;
 * trend-driven: the levels correlate (Bonferroni over the lags: p × lags < ALPHA), the changes do not.
 */
export function analyseDriverLink(
  leading: IndexedSeries,
  lagging: IndexedSeries,
  expectedSign: 1 | -1,
  maxLag = MAX_LAG,
  permutations = PERMUTATIONS,
): DriverAnalysis {
  const levels = bestLevelCorrelation(leading, lagging, maxLag)
  const dLead = changes(leading)
  const dLag = changes(lagging)
  const keys = [...dLead.keys(), ...dLag.keys()]
  const none = { lags: [], best: null, p: null, levels }
  if (!dLead.size || !dLag.size) return { ...none, verdict: 'not_yet_supported', reason: 'too_little_data' }
  const start = Math.min(...keys)
  const length = Math.max(...keys) - start + 1
  // Prewhitening each series by its own AR filter (Haugh): under no link the filtered series are close
  // to white noise, so shuffling the leading one is close to exchangeable and r's variance close to 1/n.
  const rawX = dense(dLead, start, length)
  const rawY = dense(dLag, start, length)
  const x = prewhiten(rawX, arOrder(rawX))
  const y = prewhiten(rawY, arOrder(rawY))

  const lags: LagResult[] = []
  for (let lag = 0; lag <= maxLag && lag < length; lag++) {
    const { r, n } = lagCorrelation(x, y, lag)
    if (n >= MIN_PAIRS && !Number.isNaN(r)) lags.push({ lag, r, n })
  }
  if (!lags.length) return { ...none, verdict: 'not_yet_supported', reason: 'too_little_data' }
  let top = lags[0]!
  for (const result of lags) if (Math.abs(result.r) > Math.abs(top.r) + 1e-12) top = result

  // The permutation runs on the leading changes' own span, so gaps before or after it stay gaps.
  const finite = [...x.keys()].filter((index) => !Number.isNaN(x[index]!))
  const from = finite[0]!
  const span = x.subarray(from, finite[finite.length - 1]! + 1)
  const block = blockLength(span.length)
  const shuffled = new Float64Array(span.length)
  const permutedX = new Float64Array(length).fill(NaN)
  const random = mulberry32(SEED)
  // Autocorrelation the filter left in both series inflates the variance of r under no link by
  // 1 + 2 Σⱼ ρx(j) ρy(j) (Bartlett); shuffled blocks keep only a share (block − j)/block of it at lag j.
  // The observed |r| is deflated by the part the shuffles lose, never inflated.
  const rhoX = autocorrelations(x, block)
  const rhoY = autocorrelations(y, block)
  const products = rhoX.map((rho, index) => rho * rhoY[index]!)
  const inflation = 1 + 2 * products.reduce((sum, product) => sum + product, 0)
  const kept = 1 + 2 * products.reduce((sum, product, j) => sum + (product * (block - j - 1)) / block, 0)
  const observed = Math.abs(top.r) / Math.sqrt(Math.max(1, inflation / Math.max(kept, 1e-9)))
  let reached = 0
  for (let round = 0; round < permutations; round++) {
    permutedX.set(shuffleBlocks(span, block, random, shuffled), from)
    let largest = 0
    for (const { lag } of lags) {
      const { r } = lagCorrelation(permutedX, y, lag)
      if (Math.abs(r) > largest) largest = Math.abs(r)
    }
    if (largest >= observed - 1e-12) reached++
  }
  const p = (reached + 1) / (permutations + 1)

  // The interval: Fisher's z with the effective number of pairs (Bartlett), for r at the chosen lag.
  const effective = Math.min(top.n, Math.max(4, top.n / Math.max(inflation, 1e-9)))
  const best = { ...top, ...fisherInterval(top.r, effective) }

  if (p < ALPHA) {
    const verdict = Math.sign(top.r) === expectedSign ? 'supported' : 'contradicted'
    return { lags, best, p, levels, verdict, reason: null }
  }
  if (levels && levels.adjustedP < ALPHA)
    return { lags, best, p, levels, verdict: 'trend_driven', reason: 'trend_driven' }
  return { lags, best, p, levels, verdict: 'not_yet_supported', reason: 'not_significant' }
}

/**
 * The naive reading of the levels: the best |r| over the lags with MIN_PAIRS pairs, its t-test p (n − 2
 * df) and that p times the lags searched. Never a verdict on its own: levels that share a trend correlate
 * whatever drives them; it only tells "trend-driven" from "no sign of anything".
 */
export function bestLevelCorrelation(
  leading: IndexedSeries,
  lagging: IndexedSeries,
  maxLag = MAX_LAG,
): LevelCorrelation | null {
  let best: LagResult | null = null
  let searched = 0
  for (let lag = 0; lag <= maxLag; lag++) {
    const { xs, ys } = pairsAtLag(leading, lagging, lag)
    if (xs.length < MIN_PAIRS) continue
    const r = pearson(xs, ys)
    if (Number.isNaN(r)) continue
    searched++
    if (!best || Math.abs(r) > Math.abs(best.r) + 1e-12) best = { lag, r, n: xs.length }
  }
  if (!best) return null
  const p = pearsonPValue(best.r, best.n)
  return { ...best, p, adjustedP: Math.min(1, p * searched), searched }
}
