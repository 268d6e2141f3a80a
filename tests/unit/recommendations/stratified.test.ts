import { expect, test } from 'vitest'
import { clusteredDifference, mantelHaenszel, type Cell } from '~/models/recommendations/stratified'

// Reference values from NumPy 2.4 / SciPy 1.17, computed from the individual decisions these cells
// stand for (one row per recommendation), not from cells:
// - Mantel–Haenszel: per stratum the 2 × 2 table (a, b | c, d) counted from the rows; OR = Σ(ad/n) /
//   Σ(bc/n); Robins–Breslow–Greenland variance of ln OR; OR · exp(±1.96 · se).
// - Clustered difference: np.linalg.lstsq of success on [in group a, one dummy per stratum], residuals,
//   sandwich (XᵀX)⁻¹ (Σ_rep Xᵣᵀeᵣ eᵣᵀXᵣ) (XᵀX)⁻¹ · G/(G − 1), G = 5 reps; p = 2·norm.sf(|β/se|).

const cells: Cell[] = [
  ['w1', 'r1', 'a', 5, 3],
  ['w1', 'r2', 'a', 4, 1],
  ['w1', 'r3', 'b', 6, 2],
  ['w1', 'r1', 'b', 2, 1],
  ['w2', 'r2', 'a', 7, 5],
  ['w2', 'r4', 'b', 5, 1],
  ['w2', 'r5', 'b', 3, 2],
  ['w2', 'r3', 'a', 2, 2],
  ['w3', 'r1', 'a', 4, 2],
  ['w3', 'r5', 'b', 6, 3],
  ['w3', 'r4', 'a', 3, 1],
  // A week where only b ran: it says nothing about a against b.
  ['w4', 'r2', 'b', 4, 2],
].map(([stratum, rep, group, n, successes]) => ({ stratum, rep, group, n, successes }) as Cell)

test('Mantel–Haenszel odds ratio and its Robins–Breslow–Greenland interval match NumPy', () => {
  const result = mantelHaenszel(cells)!
  expect(result.oddsRatio).toBeCloseTo(1.8197064989517817, 12)
  expect(result.low).toBeCloseTo(0.5760273035349949, 12)
  expect(result.high).toBeCloseTo(5.748567337010233, 12)
  expect(result.strata).toBe(3)
})

test('the within-stratum difference with a rep-clustered standard error matches a NumPy regression', () => {
  const result = clusteredDifference(cells)!
  expect(result.difference).toBeCloseTo(0.15119876256767226, 12)
  expect(result.se).toBeCloseTo(0.08907559550742797, 12)
  // normalCdf is accurate to ~1e-7.
  expect(result.p).toBeCloseTo(0.08961714564853063, 6)
  expect(result.reps).toBe(5)
})

test('no stratum with both groups: no figure rather than a made-up one', () => {
  const apart = cells.map((cell) => ({ ...cell, stratum: `${cell.group}-${cell.stratum}` }))
  expect(mantelHaenszel(apart)).toBeNull()
  expect(clusteredDifference(apart)).toBeNull()
})
