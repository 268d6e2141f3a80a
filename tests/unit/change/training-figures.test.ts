import { describe, expect, test } from 'vitest'
import { trainingFigures } from '~/models/change/training-figures'
import { addDays } from '~/utils/calendar'
import { mulberry32 } from '~/utils/stats'

// The trained-vs-untrained interval, simulated: 40 trained and 40 untrained reps whose active days are
// drawn day by day. Under no effect (the same daily probability) the 95% interval holds 0 in about 95%
// of runs; under an effect (0.5 against 0.3 a day) it leaves 0 out in nearly every run.

const TODAY = '2026-12-01'
const REPS = Array.from({ length: 80 }, (_, i) => ({
  seller_id: `R${i}`,
  name: `R${i}`,
  team: i % 2 ? 'A' : 'B',
}))
const TRAINED = REPS.slice(0, 40).map((rep) => ({
  module_id: 'm',
  seller_id: rep.seller_id,
  completed_on: '2026-09-01',
}))

function run(seed: number, trainedP: number, untrainedP: number) {
  const random = mulberry32(seed)
  const active = new Set<string>()
  REPS.forEach((rep, i) => {
    const p = i < 40 ? trainedP : untrainedP
    for (let d = 1; d <= 28; d++) if (random() < p) active.add(`${rep.seller_id}|${addDays(TODAY, -d)}`)
  })
  return trainingFigures(REPS, ['m'], TRAINED, active, TODAY).comparison
}

describe('trained against untrained adoption', () => {
  test('no effect: the interval holds 0 in 92–98 % of 200 runs', () => {
    let covered = 0
    for (let seed = 1; seed <= 200; seed++) {
      const c = run(seed, 0.4, 0.4)
      expect(c).toMatchObject({ trained: 40, untrained: 40 })
      if (c.low! <= 0 && 0 <= c.high!) covered++
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.92)
    expect(covered / 200).toBeLessThanOrEqual(0.98)
  })

  test('an effect of 0.2 a day: the interval leaves 0 out in at least 95 % of 100 runs', () => {
    let found = 0
    for (let seed = 1; seed <= 100; seed++) if (run(seed, 0.5, 0.3).low! > 0) found++
    expect(found / 100).toBeGreaterThanOrEqual(0.95)
  })

  test('a hand case: 2 trained reps active 14 and 7 days of 28, 2 untrained 7 and 0', () => {
    const reps = REPS.slice(0, 4)
    const active = new Set<string>()
    const days = [14, 7, 7, 0]
    reps.forEach((rep, i) => {
      for (let d = 1; d <= days[i]!; d++) active.add(`${rep.seller_id}|${addDays(TODAY, -d)}`)
    })
    const c = trainingFigures(reps, ['m'], TRAINED.slice(0, 2), active, TODAY).comparison
    // Trained 0.5 and 0.25 (mean 0.375, s² 0.03125); untrained 0.25 and 0 (mean 0.125, s² 0.03125).
    // Difference 0.25 ± 1.96 · √(0.03125/2 + 0.03125/2) = 0.25 ± 0.3465
    expect(c.difference).toBeCloseTo(0.25, 12)
    expect(c.low).toBeCloseTo(0.25 - 1.96 * Math.sqrt(0.03125), 12)
    expect(c.high).toBeCloseTo(0.25 + 0.3464823227814083, 12)
  })
})
