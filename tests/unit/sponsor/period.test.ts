import { describe, expect, test } from 'vitest'
import { parsePeriod, previousMonth } from '~/models/sponsor/portfolio.schema'

describe('report periods', () => {
  test('a month and a quarter become inclusive date ranges', () => {
    expect(parsePeriod('2026-02')).toEqual({
      key: '2026-02',
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
    })
    expect(parsePeriod('2024-02')?.to).toBe('2024-02-29')
    expect(parsePeriod('2026-q4')).toEqual({
      key: '2026-Q4',
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    })
  })

  test('anything else is refused', () => {
    for (const bad of ['', '2026-13', '2026-Q5', '26-01', '2026-1', 'last month', null, undefined])
      expect(parsePeriod(bad)).toBeNull()
  })

  test('the default period is the month before today', () => {
    expect(previousMonth('2026-11-27')).toBe('2026-10')
    expect(previousMonth('2026-01-05')).toBe('2025-12')
  })
})
