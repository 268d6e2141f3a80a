import { describe, expect, test } from 'vitest'
import { isPeriodEnd, nextPeriodEnd, periodEndOf, periodIndex } from '~/models/kpi/period'

describe('periods', () => {
  test('period ends by cadence', () => {
    expect(isPeriodEnd('2026-02-28', 'monthly')).toBe(true)
    expect(isPeriodEnd('2028-02-28', 'monthly')).toBe(false) // 2028 is a leap year
    expect(isPeriodEnd('2028-02-29', 'monthly')).toBe(true)
    expect(isPeriodEnd('2026-11-29', 'weekly')).toBe(true) // a Sunday
    expect(isPeriodEnd('2026-11-27', 'weekly')).toBe(false) // a Friday
    expect(isPeriodEnd('2026-11-27', 'daily')).toBe(true)
  })
  test('the period containing a day, and the next one', () => {
    expect(periodEndOf('2026-11-27', 'weekly')).toBe('2026-11-29')
    expect(periodEndOf('2026-11-29', 'weekly')).toBe('2026-11-29')
    expect(periodEndOf('2026-11-27', 'monthly')).toBe('2026-11-30')
    expect(nextPeriodEnd('2026-01-31', 'monthly')).toBe('2026-02-28')
    expect(nextPeriodEnd('2026-12-31', 'monthly')).toBe('2027-01-31')
    expect(nextPeriodEnd('2026-11-29', 'weekly')).toBe('2026-12-06')
  })
  test('consecutive periods have consecutive indexes', () => {
    expect(periodIndex('2027-01-31', 'monthly') - periodIndex('2026-12-31', 'monthly')).toBe(1)
    expect(periodIndex('2026-12-06', 'weekly') - periodIndex('2026-11-29', 'weekly')).toBe(1)
    expect(periodIndex('2026-03-01', 'daily') - periodIndex('2026-02-28', 'daily')).toBe(1)
  })
})
