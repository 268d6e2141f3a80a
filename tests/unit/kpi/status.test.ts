import { describe, expect, test } from 'vitest'
import { currentStatus, isStale, rollUp, statusAgainstTarget, targetAt } from '~/models/kpi/status'

// Expected values worked out by hand in the comments.

describe('target trajectory', () => {
  const targets = [
    { period_end: '2026-03-31', value: 130 },
    { period_end: '2026-01-31', value: 100 },
  ]
  test('is linear between targets, flat after the last, absent before the first', () => {
    expect(targetAt(targets, '2026-01-31')).toBe(100)
    // 2026-01-31 → 2026-03-31 is 59 days; 2026-03-01 is 29 days in: 100 + 30 × 29/59 = 114.745…
    expect(targetAt(targets, '2026-03-01')).toBeCloseTo(100 + (30 * 29) / 59, 12)
    expect(targetAt(targets, '2026-03-31')).toBe(130)
    expect(targetAt(targets, '2027-01-31')).toBe(130)
    expect(targetAt(targets, '2025-12-31')).toBeNull()
  })
  test('starts from the baseline when there is one', () => {
    // Baseline 40 on 2025-12-31, target 100 on 2026-01-31 (31 days): on 2026-01-15 (15 days in) 40 + 60 × 15/31.
    const value = targetAt(targets, '2026-01-15', { value: 40, date: '2025-12-31' })
    expect(value).toBeCloseTo(40 + (60 * 15) / 31, 12)
  })
})

describe('status against target', () => {
  test('higher is better: on track at or above, at risk within tolerance, off track beyond', () => {
    expect(statusAgainstTarget(100, 100, 'higher', 10)).toBe('on_track')
    expect(statusAgainstTarget(120, 100, 'higher', 10)).toBe('on_track')
    expect(statusAgainstTarget(90, 100, 'higher', 10)).toBe('at_risk')
    expect(statusAgainstTarget(89.9, 100, 'higher', 10)).toBe('off_track')
  })
  test('lower is better mirrors it', () => {
    expect(statusAgainstTarget(4, 5, 'lower', 20)).toBe('on_track')
    expect(statusAgainstTarget(6, 5, 'lower', 20)).toBe('at_risk')
    expect(statusAgainstTarget(6.5, 5, 'lower', 20)).toBe('off_track')
  })
  test('no target, no verdict', () => {
    expect(statusAgainstTarget(5, null, 'higher', 10)).toBe('no_target')
  })
})

describe('staleness', () => {
  test('monthly: the next period (Feb) ends 2026-02-28; with 3 grace days stale from 2026-03-04', () => {
    expect(isStale('2026-01-31', 'monthly', 3, '2026-03-03')).toBe(false)
    expect(isStale('2026-01-31', 'monthly', 3, '2026-03-04')).toBe(true)
  })
  test('weekly and daily', () => {
    // Week ending Sun 2026-11-15 → next ends 2026-11-22; grace 2 → stale from 2026-11-25.
    expect(isStale('2026-11-15', 'weekly', 2, '2026-11-24')).toBe(false)
    expect(isStale('2026-11-15', 'weekly', 2, '2026-11-25')).toBe(true)
    expect(isStale('2026-11-25', 'daily', 0, '2026-11-26')).toBe(false)
    expect(isStale('2026-11-25', 'daily', 0, '2026-11-27')).toBe(true)
  })
  test('stale wins over the last value; no value is no data', () => {
    const kpi = {
      direction: 'higher',
      cadence: 'monthly',
      tolerance_pct: 10,
      grace_days: 3,
      baseline_value: null,
      baseline_date: null,
    } as const
    const targets = [{ period_end: '2026-01-31', value: 100 }]
    expect(currentStatus(kpi, { period_end: '2026-01-31', value: 120 }, targets, '2026-02-10')).toBe(
      'on_track',
    )
    expect(currentStatus(kpi, { period_end: '2026-01-31', value: 120 }, targets, '2026-04-10')).toBe('stale')
    expect(currentStatus(kpi, null, targets, '2026-02-10')).toBe('no_data')
  })
})

describe('roll-up', () => {
  const children = [
    { value: 10, weight: 1 },
    { value: 20, weight: 3 },
    { value: 60, weight: 1 },
  ]
  test('each method', () => {
    expect(rollUp('sum', children)).toBe(90)
    expect(rollUp('average', children)).toBe(30)
    // (10×1 + 20×3 + 60×1) / 5 = 130 / 5 = 26
    expect(rollUp('weighted_average', children)).toBe(26)
    expect(rollUp('min', children)).toBe(10)
    expect(rollUp('max', children)).toBe(60)
    expect(rollUp('none', children)).toBeNull()
    expect(rollUp('sum', [])).toBeNull()
  })
})
