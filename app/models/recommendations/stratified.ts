import { normalCdf } from '~/utils/stats'

// Comparisons that say what they can (issue 18). A "cell" is the count of one rep's recommendations in
// one stratum (a week, or a tech affinity × segment) and one group (a: the version or "with
// explanation", b: its comparison), with how many succeeded (accepted, or became an opportunity).
// Pure: tests/unit/recommendations/stratified.test.ts checks both figures against NumPy.

export type Cell = { stratum: string; rep: string; group: 'a' | 'b'; n: number; successes: number }

const Z = 1.959963984540054

/**
 * Mantel–Haenszel odds ratio of success in a against b over the strata, with the Robins–Breslow–
 * Greenland 95 % interval. Strata where one group is missing contribute nothing. Null when the ratio
 * is undefined (no stratum has both groups, or all its successes/failures sit on one side).
 */
export function mantelHaenszel(cells: readonly Cell[]) {
  const strata = new Map<string, { a: number; b: number; c: number; d: number }>()
  for (const cell of cells) {
    const table = strata.get(cell.stratum) ?? { a: 0, b: 0, c: 0, d: 0 }
    if (cell.group === 'a') {
      table.a += cell.successes
      table.b += cell.n - cell.successes
    } else {
      table.c += cell.successes
      table.d += cell.n - cell.successes
    }
    strata.set(cell.stratum, table)
  }
  let sumR = 0
  let sumS = 0
  let sumPR = 0
  let sumPSQR = 0
  let sumQS = 0
  let used = 0
  for (const { a, b, c, d } of strata.values()) {
    const n = a + b + c + d
    if (a + b === 0 || c + d === 0) continue
    used++
    const r = (a * d) / n
    const s = (b * c) / n
    const p = (a + d) / n
    const q = (b + c) / n
    sumR += r
    sumS += s
    sumPR += p * r
    sumPSQR += p * s + q * r
    sumQS += q * s
  }
  if (sumR === 0 || sumS === 0) return null
  const oddsRatio = sumR / sumS
  const variance = sumPR / (2 * sumR ** 2) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS ** 2)
  const se = Math.sqrt(variance)
  return {
    oddsRatio,
    low: Math.exp(Math.log(oddsRatio) - Z * se),
    high: Math.exp(Math.log(oddsRatio) + Z * se),
    strata: used,
  }
}

/**
 * The difference in success rate, a minus b, within strata (a linear probability model with a fixed
 * effect per stratum, solved by demeaning within strata), with a standard error clustered by rep (the
 * CR0 sandwich with the small-sample factor G/(G − 1)): decisions of one rep are not independent.
 * z-test p from the normal. Null when no stratum has both groups.
 */
export function clusteredDifference(cells: readonly Cell[]) {
  const strata = new Map<string, { n: number; successes: number; inA: number }>()
  for (const cell of cells) {
    const stratum = strata.get(cell.stratum) ?? { n: 0, successes: 0, inA: 0 }
    stratum.n += cell.n
    stratum.successes += cell.successes
    if (cell.group === 'a') stratum.inA += cell.n
    strata.set(cell.stratum, stratum)
  }
  // x̃ = x − x̄ₛ (x = 1 in group a), ỹ = y − ȳₛ, summed per cell.
  let sxx = 0
  let sxy = 0
  for (const cell of cells) {
    const stratum = strata.get(cell.stratum)!
    const xTilde = (cell.group === 'a' ? 1 : 0) - stratum.inA / stratum.n
    sxx += cell.n * xTilde * xTilde
    sxy += xTilde * (cell.successes - (cell.n * stratum.successes) / stratum.n)
  }
  if (sxx <= 1e-12) return null
  const difference = sxy / sxx
  const scores = new Map<string, number>()
  for (const cell of cells) {
    const stratum = strata.get(cell.stratum)!
    const xTilde = (cell.group === 'a' ? 1 : 0) - stratum.inA / stratum.n
    const residuals = cell.successes - (cell.n * stratum.successes) / stratum.n - difference * xTilde * cell.n
    scores.set(cell.rep, (scores.get(cell.rep) ?? 0) + xTilde * residuals)
  }
  const clusters = scores.size
  if (clusters < 2) return null
  let meat = 0
  for (const score of scores.values()) meat += score * score
  const se = Math.sqrt(((clusters / (clusters - 1)) * meat) / (sxx * sxx))
  const z = se > 0 ? difference / se : 0
  return {
    difference,
    se,
    low: difference - Z * se,
    high: difference + Z * se,
    p: se > 0 ? 2 * (1 - normalCdf(Math.abs(z))) : 1,
    reps: clusters,
  }
}
