import { describe, expect, test } from 'vitest'
import { burndown, clampToSprint, sprintFigures, type SprintEntry } from '~/models/delivery/burndown'

// A hand-computed sprint, Monday 7 to Friday 11 September 2026:
//   A 5 pts committed, done Tue · B 3 committed, done Thu · C 8 committed, cancelled Wed
//   D 2 committed, never done (carried over) · E 3 added Wed, done Fri · F 1 committed, removed Thu
// Committed 19. Scope at the end of each day: 19, 19, 14 (−8 C +3 E), 13 (−1 F), 13.
// Remaining: Mon 19 · Tue 14 (A) · Wed 9 (B D F E) · Thu 5 (D E) · Fri 2 (D).
const entry = (itemId: string, points: number, rest: Partial<SprintEntry> = {}): SprintEntry => ({
  itemId,
  points,
  committed: true,
  addedOn: null,
  doneOn: null,
  removedOn: null,
  cancelledOn: null,
  ...rest,
})

const SPRINT = {
  startDate: '2026-09-07',
  endDate: '2026-09-11',
  entries: [
    entry('A', 5, { doneOn: '2026-09-08' }),
    entry('B', 3, { doneOn: '2026-09-10' }),
    entry('C', 8, { cancelledOn: '2026-09-09' }),
    entry('D', 2),
    entry('E', 3, { committed: false, addedOn: '2026-09-09', doneOn: '2026-09-11' }),
    entry('F', 1, { removedOn: '2026-09-10' }),
  ],
}

describe('burndown', () => {
  test('ideal line runs from the committed points to zero over the sprint days', () => {
    const chart = burndown(SPRINT)
    expect(chart.days).toEqual(['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'])
    expect(chart.ideal).toEqual([19, 14.25, 9.5, 4.75, 0])
  })

  test('remaining points per day: cancelled work leaves scope, added work joins it, carried work stays', () => {
    const chart = burndown(SPRINT)
    expect(chart.remaining).toEqual([19, 14, 9, 5, 2])
    expect(chart.scope).toEqual([19, 19, 14, 13, 13])
  })

  test('scope changes are marked with their day, kind and signed points', () => {
    expect(burndown(SPRINT).scopeChanges).toEqual([
      { date: '2026-09-09', itemId: 'C', title: undefined, kind: 'cancelled', points: -8 },
      { date: '2026-09-09', itemId: 'E', title: undefined, kind: 'added', points: 3 },
      { date: '2026-09-10', itemId: 'F', title: undefined, kind: 'removed', points: -1 },
    ])
  })

  test('days not reached yet have no remaining value', () => {
    expect(burndown({ ...SPRINT, asOf: '2026-09-08' }).remaining).toEqual([19, 14, null, null, null])
  })

  test('a one-day sprint does not divide by zero', () => {
    const chart = burndown({ startDate: '2026-09-07', endDate: '2026-09-07', entries: [entry('A', 4)] })
    expect(chart.ideal).toEqual([4])
    expect(chart.remaining).toEqual([4])
  })

  test('recorded days are clamped into the sprint', () => {
    expect(clampToSprint('2026-09-01', '2026-09-07', '2026-09-11')).toBe('2026-09-07')
    expect(clampToSprint('2026-09-20', '2026-09-07', '2026-09-11')).toBe('2026-09-11')
    expect(clampToSprint('2026-09-09', '2026-09-07', '2026-09-11')).toBe('2026-09-09')
  })
})

describe('sprint figures', () => {
  test('hand-computed: completed 11 (velocity), carried 2, predictability 8 ÷ (19 − 8)', () => {
    const figures = sprintFigures(SPRINT.entries)
    expect(figures).toEqual({
      committed: 19,
      added: 3,
      removed: 1,
      cancelled: 8,
      completed: 11,
      completedCommitted: 8,
      cancelledCommitted: 8,
      carried: 2,
      carriedItems: ['D'],
      velocity: 11,
      predictability: 8 / 11,
    })
  })

  test('nothing disappears: committed + added − removed − cancelled = completed + carried', () => {
    const f = sprintFigures(SPRINT.entries)
    expect(f.committed + f.added - f.removed - f.cancelled).toBe(f.completed + f.carried)
  })

  test('a cancelled item is not counted as unfinished', () => {
    const f = sprintFigures([
      entry('X', 5, { doneOn: '2026-09-08' }),
      entry('Y', 5, { cancelledOn: '2026-09-08' }),
    ])
    expect(f.carried).toBe(0)
    expect(f.predictability).toBe(1)
  })

  test('a sprint whose whole commitment was cancelled has no predictability', () => {
    expect(sprintFigures([entry('Y', 5, { cancelledOn: '2026-09-08' })]).predictability).toBeNull()
  })
})
