import { expect, test } from 'vitest'
import { velocitySummary } from '~/models/delivery/velocity'

const sprints = [
  { completed: 10, completedCommitted: 10, committed: 20, cancelledCommitted: 0 },
  { completed: 11, completedCommitted: 8, committed: 19, cancelledCommitted: 8 },
  { completed: 15, completedCommitted: 12, committed: 14, cancelledCommitted: 2 },
]

test('average velocity and pooled predictability over the last sprints', () => {
  expect(velocitySummary(sprints)).toEqual({
    sprints: 3,
    averageVelocity: 12,
    // (10 + 8 + 12) ÷ (20 + 11 + 12)
    predictability: 30 / 43,
  })
  expect(velocitySummary(sprints, 2)).toEqual({ sprints: 2, averageVelocity: 13, predictability: 20 / 23 })
})

test('no closed sprints: no figures rather than zeros', () => {
  expect(velocitySummary([], 3)).toEqual({ sprints: 0, averageVelocity: null, predictability: null })
  expect(velocitySummary(sprints, 0).averageVelocity).toBeNull()
})
