import { describe, expect, test } from 'vitest'
import { budgetOf, levelOf, phaseClock } from '~/models/delivery/phase-time'

describe('framing: logged hours against 10', () => {
  test.each([
    [7.5, 'ok', 2.5],
    [8, 'warning', 2],
    [10, 'warning', 0],
    [10.5, 'overrun', 0],
  ] as const)('%s hours → %s, %s remaining', (hours, level, remaining) => {
    const clock = phaseClock({
      phase: 'frame',
      budget: 10,
      startedOn: '2026-11-02',
      closedOn: null,
      today: '2026-11-20',
      hoursLogged: hours,
    })
    expect(clock).toMatchObject({ unit: 'hours', used: hours, level, remaining })
  })
})

describe('design: working days, weekends and pauses excluded', () => {
  // Monday 2 November 2026 to Friday 13 November: two working weeks = 10 working days.
  const design = { phase: 'design' as const, budget: 10, startedOn: '2026-11-02', closedOn: null }

  test('the first day counts', () => {
    expect(phaseClock({ ...design, today: '2026-11-02' }).used).toBe(1)
  })

  test('a weekend does not count: Friday 6th is day 5, Monday 9th is day 6', () => {
    expect(phaseClock({ ...design, today: '2026-11-06' }).used).toBe(5)
    expect(phaseClock({ ...design, today: '2026-11-08' }).used).toBe(5)
    expect(phaseClock({ ...design, today: '2026-11-09' }).used).toBe(6)
  })

  test('day 8 warns (80%), day 10 still warns, day 11 overruns', () => {
    expect(phaseClock({ ...design, today: '2026-11-10' })).toMatchObject({ used: 7, level: 'ok' })
    expect(phaseClock({ ...design, today: '2026-11-11' })).toMatchObject({ used: 8, level: 'warning' })
    expect(phaseClock({ ...design, today: '2026-11-13' })).toMatchObject({
      used: 10,
      level: 'warning',
      remaining: 0,
    })
    expect(phaseClock({ ...design, today: '2026-11-16' })).toMatchObject({ used: 11, level: 'overrun' })
  })

  test('a two-working-day pause is excluded; one over a weekend costs nothing extra', () => {
    const paused = phaseClock({
      ...design,
      today: '2026-11-13',
      pauses: [
        { from: '2026-11-09', to: '2026-11-10' },
        { from: '2026-11-07', to: '2026-11-08' },
      ],
    })
    expect(paused).toMatchObject({ used: 8, pausedDays: 2, level: 'warning' })
  })

  test('an open pause runs until today; overlapping pauses count once', () => {
    const clock = phaseClock({
      ...design,
      today: '2026-11-06',
      pauses: [
        { from: '2026-11-04', to: null },
        { from: '2026-11-05', to: '2026-11-05' },
      ],
    })
    expect(clock).toMatchObject({ used: 2, pausedDays: 3 })
  })

  test('a closed phase stops counting on its closing day', () => {
    expect(phaseClock({ ...design, closedOn: '2026-11-05', today: '2026-12-31' }).used).toBe(4)
  })
})

describe('pilot: calendar days against ten weeks', () => {
  const pilot = { phase: 'pilot' as const, budget: 70, startedOn: '2026-09-01', closedOn: null }

  test('day 56 of 70 is the 80% warning; day 71 overruns', () => {
    expect(phaseClock({ ...pilot, today: '2026-10-25' })).toMatchObject({ used: 55, level: 'ok' })
    expect(phaseClock({ ...pilot, today: '2026-10-26' })).toMatchObject({ used: 56, level: 'warning' })
    expect(phaseClock({ ...pilot, today: '2026-11-10' })).toMatchObject({
      used: 71,
      level: 'overrun',
      remaining: 0,
    })
  })

  test('a week-long pause gives the week back, weekend included', () => {
    const clock = phaseClock({
      ...pilot,
      today: '2026-11-10',
      pauses: [{ from: '2026-10-05', to: '2026-10-11' }],
    })
    expect(clock).toMatchObject({ used: 64, pausedDays: 7, remaining: 6, level: 'warning' })
  })
})

test('budgets come from the program settings, pilot weeks as days', () => {
  const settings = { frame_hours: 12, design_working_days: 15, pilot_weeks: 8 }
  expect([budgetOf('frame', settings), budgetOf('design', settings), budgetOf('pilot', settings)]).toEqual([
    12, 15, 56,
  ])
  expect(levelOf(0, 0)).toBe('ok')
})

test('the 80 % warning is exact where 0.8 × budget is not in binary (0.8 × 6 = 4.800000000000001)', () => {
  expect(0.8 * 6).toBeGreaterThan(4.8)
  expect(levelOf(4.8, 6)).toBe('warning')
  expect(levelOf(4.79, 6)).toBe('ok')
  expect(levelOf(2.4, 3)).toBe('warning')
  const frame = {
    phase: 'frame' as const,
    budget: 6,
    startedOn: '2026-11-02',
    closedOn: null,
    today: '2026-11-03',
  }
  expect(phaseClock({ ...frame, hoursLogged: 4.8 })).toMatchObject({ used: 4.8, level: 'warning' })
  expect(levelOf(6.01, 6)).toBe('overrun')
  expect(levelOf(6, 6)).toBe('warning')
})
