import { describe, expect, test } from 'vitest'
import { summariseFeedback, type FeedbackFact } from '~/models/eet/feedback-summary'

const t0 = new Date('2026-03-02T09:00:00Z')
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000)

function fact(overrides: Partial<FeedbackFact>): FeedbackFact {
  return {
    kind: 'idea',
    status: 'new',
    release: '1.0',
    usefulness: 3,
    ease: 3,
    recommend: 7,
    created_at: t0,
    first_response_at: null,
    merged: false,
    ...overrides,
  }
}

describe('feedback figures', () => {
  test('hand-computed NPS, averages, response time and closed loop', () => {
    const figures = summariseFeedback([
      fact({ recommend: 10, usefulness: 5, ease: 4, status: 'shipped', first_response_at: hours(2) }),
      fact({
        recommend: 9,
        usefulness: 4,
        ease: 4,
        status: 'planned',
        first_response_at: hours(10),
        kind: 'bug',
      }),
      fact({ recommend: 7, usefulness: 3, ease: 2, status: 'declined', first_response_at: hours(30) }),
      fact({ recommend: 6, usefulness: 2, ease: 2, kind: 'usability' }),
      fact({
        recommend: 0,
        usefulness: 1,
        ease: 3,
        kind: 'bug',
        status: 'declined',
        first_response_at: hours(4),
        merged: true,
      }),
    ])
    // Promoters 2 (10, 9), passives 1 (7), detractors 2 (6, 0): 100 × (2 − 2) / 5 = 0.
    expect(figures).toMatchObject({ total: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 })
    expect(figures.averageUsefulness).toBeCloseTo(3, 12)
    expect(figures.averageEase).toBeCloseTo(3, 12)
    // Responses after 2, 10, 30, 4 hours → median (4 + 10) / 2 = 7.
    expect(figures.answered).toBe(4)
    expect(figures.medianHoursToFirstResponse).toBe(7)
    // Shipped 1 + declined 2 of 5.
    expect(figures.closedLoopShare).toBeCloseTo(0.6, 12)
    expect(figures.byKind).toEqual({
      bug: 2,
      idea: 2,
      usability: 1,
      recommendation_quality: 0,
      training_need: 0,
    })
    expect(figures.byStatus).toEqual({ new: 1, under_review: 0, planned: 1, shipped: 1, declined: 2 })
  })

  test('no feedback: no figures rather than zeros', () => {
    expect(summariseFeedback([])).toMatchObject({
      total: 0,
      nps: null,
      averageUsefulness: null,
      medianHoursToFirstResponse: null,
      closedLoopShare: null,
    })
  })
})
