// Statistics shared by the KPI driver-link test, the recommendation evidence pages and the EET panel.
// Pure functions, tested in tests/unit/utils/stats.test.ts against independently computed values.

export function mean(values: readonly number[]) {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN
}

/** Pearson's r of paired samples; NaN when fewer than 2 pairs or a series is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]) {
  const n = Math.min(xs.length, ys.length)
  if (n < 2) return NaN
  const mx = mean(xs.slice(0, n))
  const my = mean(ys.slice(0, n))
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx
    const dy = ys[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy)
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let a = c[0]!
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number) {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return h
}

/** The regularized incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b
}

/** Two-sided p-value of Student's t statistic with `df` degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number) {
  if (!Number.isFinite(t)) return 0
  return regularizedBeta(df / (df + t * t), df / 2, 0.5)
}

/** Significance of a Pearson r over n pairs: t = r·√((n−2)/(1−r²)), two-sided, n−2 degrees of freedom. */
export function pearsonPValue(r: number, n: number) {
  if (n < 3 || Number.isNaN(r)) return NaN
  if (Math.abs(r) >= 1) return 0
  return studentTTwoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2)
}

/** Standard normal CDF (via erf, Abramowitz–Stegun 7.1.26 refined by one Newton-free series step: |ε| < 1.5e-7). */
export function normalCdf(z: number) {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2))
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-(z * z) / 2)
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

/** Wilson score interval for a proportion (default 95%). Null when n is 0. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054) {
  if (n <= 0) return null
  const p = successes / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/** Two-proportion z-test with pooled variance; two-sided p. Null when a group is empty or the pool is degenerate. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number) {
  if (n1 <= 0 || n2 <= 0) return null
  const pooled = (x1 + x2) / (n1 + n2)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  if (se === 0) return null
  const z = (x1 / n1 - x2 / n2) / se
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) }
}

/** Total variation distance between two distributions over the same categories (each given as counts). */
export function totalVariationDistance(a: Record<string, number>, b: Record<string, number>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  const totalA = [...keys].reduce((sum, key) => sum + (a[key] ?? 0), 0)
  const totalB = [...keys].reduce((sum, key) => sum + (b[key] ?? 0), 0)
  if (totalA === 0 || totalB === 0) return NaN
  let distance = 0
  for (const key of keys) distance += Math.abs((a[key] ?? 0) / totalA - (b[key] ?? 0) / totalB)
  return distance / 2
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A standard normal draw from a uniform PRNG (Box–Muller). */
export function normalDraw(random: () => number) {
  const u = 1 - random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** 95 % interval for a correlation r from n (effective) pairs: Fisher's z ± 1.96/√(n − 3), back-transformed. */
export function fisherInterval(r: number, n: number, z = 1.959963984540054) {
  if (n <= 3 || Number.isNaN(r)) return { low: -1, high: 1 }
  const centre = Math.atanh(Math.max(-0.999999999, Math.min(0.999999999, r)))
  const half = z / Math.sqrt(n - 3)
  return { low: Math.tanh(centre - half), high: Math.tanh(centre + half) }
}
