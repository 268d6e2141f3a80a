import { describe, expect, test } from 'vitest'
import { analyseDriverLink, type DriverVerdict } from '~/models/kpi/driver'
import { mulberry32, normalDraw } from '~/utils/stats'

// The lead-lag test's error rates, simulated with a fixed seed (the same draws every run). Series are
// drawn here, independently of the product: N(0, 1) steps from a seeded PRNG. A verdict of "supported" or
// "contradicted" on two independent series is a false positive; the old test on levels gave ~91 % for
// random walks and ~46 % for white noise. Larger runs (2,000 per case) are in docs/decisions/006.

const draws = (seed: number) => {
  const random = mulberry32(seed)
  return () => normalDraw(random)
}
const asSeries = (values: number[]) => new Map(values.map((value, t) => [t, value]))

function verdicts(count: number, make: () => [number[], number[]]) {
  const tally: Partial<Record<DriverVerdict, number>> = {}
  for (let i = 0; i < count; i++) {
    const [leading, lagging] = make()
    const { verdict } = analyseDriverLink(asSeries(leading), asSeries(lagging), 1)
    tally[verdict] = (tally[verdict] ?? 0) + 1
  }
  const significant = ((tally.supported ?? 0) + (tally.contradicted ?? 0)) / count
  return { tally, significant }
}

describe('lead-lag test, simulated', () => {
  test('two independent random walks of 52 periods: supported or contradicted ≤ 6 %', () => {
    const g = draws(1801)
    const walk = () => {
      let level = 0
      return Array.from({ length: 52 }, () => (level += g()))
    }
    const { significant, tally } = verdicts(150, () => [walk(), walk()])
    expect(significant).toBeLessThanOrEqual(0.06)
    // Levels of independent walks correlate; the test says so instead of calling it evidence.
    expect(tally.trend_driven ?? 0).toBeGreaterThan(75)
  })

  test('two independent white noises of 30 periods: supported or contradicted ≤ 6 %', () => {
    const g = draws(1802)
    const white = () => Array.from({ length: 30 }, () => g())
    expect(verdicts(150, () => [white(), white()]).significant).toBeLessThanOrEqual(0.06)
  })

  test('two independent series that share a linear trend: supported or contradicted ≤ 6 %', () => {
    const g = draws(1803)
    const trend = (slope: number, noise: number) =>
      Array.from({ length: 52 }, (_, t) => slope * t + noise * g())
    const { significant, tally } = verdicts(100, () => [trend(1, 3), trend(2, 5)])
    expect(significant).toBeLessThanOrEqual(0.06)
    expect(tally.trend_driven ?? 0).toBeGreaterThan(85)
  })

  test('a real link is found ≥ 80 %: lagging = leading 2 periods earlier + N(0, 1), leading a random walk, 52 periods', () => {
    const g = draws(1804)
    const { tally } = verdicts(100, () => {
      let level = 0
      const leading = Array.from({ length: 54 }, () => (level += g()))
      const lagging = leading.slice(0, 52).map((value) => value + g())
      return [leading.slice(2), lagging]
    })
    expect((tally.supported ?? 0) / 100).toBeGreaterThanOrEqual(0.8)
  })
})
