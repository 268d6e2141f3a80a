import { describe, expect, test } from 'vitest'
import { assessRepresentativeness, tenureBand, type RepProfile } from '~/models/eet/representativeness'

const AS_OF = '2026-06-01'

function reps(count: number, overrides: Partial<RepProfile> = {}): RepProfile[] {
  return Array.from({ length: count }, () => ({
    region: 'North',
    segment: 'Enterprise',
    role: 'Account executive',
    tech_affinity: 'reluctant',
    hire_date: '2020-03-01',
    ...overrides,
  }))
}

describe('tenure bands', () => {
  test.each([
    ['2025-06-02', 'lt1'],
    ['2025-06-01', '1to3'],
    ['2023-06-02', '1to3'],
    ['2023-06-01', '3to5'],
    ['2021-06-01', '5to10'],
    ['2016-06-02', '5to10'],
    ['2016-06-01', '10plus'],
    [null, 'unknown'],
    ['2027-01-01', 'unknown'],
  ])('hired %s → %s on 2026-06-01', (hireDate, band) => {
    expect(tenureBand(hireDate, AS_OF)).toBe(band)
  })
})

describe('representativeness', () => {
  test('a region-skewed EET: TVD, score, missing-region warnings and suggestions by hand', () => {
    // Force: North 5, South 3, East 2. EET: 4 × North.
    const force = [...reps(5), ...reps(3, { region: 'South' }), ...reps(2, { region: 'East' })]
    const eet = reps(4)
    const report = assessRepresentativeness(force, eet, AS_OF)
    const region = report.attributes.find((a) => a.attribute === 'region')!
    // ½ (|1 − 0.5| + |0 − 0.3| + |0 − 0.2|) = 0.5
    expect(region.tvd).toBeCloseTo(0.5, 12)
    expect(region.categories.map((c) => [c.category, c.force, c.eet])).toEqual([
      ['North', 5, 4],
      ['South', 3, 0],
      ['East', 2, 0],
    ])
    for (const other of report.attributes.filter((a) => a.attribute !== 'region')) expect(other.tvd).toBe(0)
    // 100 × (1 − (0.5 + 0 + 0 + 0 + 0) / 5) = 90
    expect(report.score).toBeCloseTo(90, 12)
    expect(report.warnings).toEqual([
      { kind: 'small', size: 4, minimum: 10 },
      { kind: 'missing', attribute: 'region', category: 'South', forceShare: 0.3 },
      { kind: 'missing', attribute: 'region', category: 'East', forceShare: 0.2 },
    ])
    // At a 10-rep EET: South ⌈3 − 0⌉ = 3, East ⌈2 − 0⌉ = 2, North ⌈5 − 4⌉ = 1 (largest share gap first).
    expect(report.suggestions.filter((s) => s.attribute === 'region')).toEqual([
      { attribute: 'region', category: 'South', add: 3 },
      { attribute: 'region', category: 'East', add: 2 },
    ])
  })

  test('too many enthusiasts are flagged, with the shares that trigger it', () => {
    // Force: 2 enthusiasts, 5 reluctant, 3 avoiders. EET: 4 enthusiasts, 1 reluctant.
    const force = [
      ...reps(2, { tech_affinity: 'enthusiast' }),
      ...reps(5),
      ...reps(3, { tech_affinity: 'avoider' }),
    ]
    const eet = [...reps(4, { tech_affinity: 'enthusiast' }), ...reps(1)]
    const report = assessRepresentativeness(force, eet, AS_OF)
    const affinity = report.attributes.find((a) => a.attribute === 'tech_affinity')!
    // ½ (|0.8 − 0.2| + |0.2 − 0.5| + |0 − 0.3|) = 0.6
    expect(affinity.tvd).toBeCloseTo(0.6, 12)
    expect(report.score).toBeCloseTo(100 * (1 - 0.6 / 5), 12)
    expect(report.warnings).toContainEqual({ kind: 'enthusiasts', eetShare: 0.8, forceShare: 0.2 })
    // At 10 reps: reluctant ⌈5 − 1⌉ = 4 (gap 0.3), avoider ⌈3 − 0⌉ = 3 (gap 0.3).
    expect(report.suggestions).toEqual([
      { attribute: 'tech_affinity', category: 'reluctant', add: 4 },
      { attribute: 'tech_affinity', category: 'avoider', add: 3 },
    ])
  })

  test('an exact mirror scores 100 with no warnings; an enthusiast excess of exactly 10 points is not flagged', () => {
    const force = [...reps(10, { tech_affinity: 'enthusiast' }), ...reps(30)]
    const mirror = [...reps(3, { tech_affinity: 'enthusiast' }), ...reps(9)]
    const report = assessRepresentativeness(force, mirror, AS_OF)
    expect(report.score).toBeCloseTo(100, 12)
    expect(report.warnings).toEqual([])
    expect(report.suggestions).toEqual([])
    // Force 25 % enthusiasts; EET 35 % (7 of 20): +10 points, at the margin → no warning.
    const edge = [...reps(7, { tech_affinity: 'enthusiast' }), ...reps(13)]
    expect(assessRepresentativeness(force, edge, AS_OF).warnings).toEqual([])
  })

  test('an empty EET has no score and says so', () => {
    const report = assessRepresentativeness(reps(3), [], AS_OF)
    expect(report.score).toBeNull()
    expect(report.warnings).toEqual([{ kind: 'empty' }])
    expect(report.attributes.every((a) => a.tvd === null)).toBe(true)
  })
})
