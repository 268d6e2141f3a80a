import { describe, expect, test } from 'vitest'
import { formatPValue, formatScore, readableCode } from '~/i18n/format'

// Expected texts written out by hand from the examples.
describe('numbers people can read', () => {
  test('p-values: below 0.001 as a bound, else two significant digits', () => {
    expect(formatPValue('en', 0.0000000000034)).toBe('p < 0.001')
    expect(formatPValue('en', 0)).toBe('p < 0.001')
    expect(formatPValue('en', 0.0312)).toBe('p = 0.031')
    expect(formatPValue('en', 0.03)).toBe('p = 0.03')
    expect(formatPValue('en', 0.4567)).toBe('p = 0.46')
    expect(formatPValue('zh-TW', 0.0049)).toBe('p = 0.005')
    expect(formatPValue('en', null)).toBe('—')
  })

  test('scores are whole numbers', () => {
    expect(formatScore('en', 68.7111111111111)).toBe('69')
    expect(formatScore('zh-TW', 100)).toBe('100')
    expect(formatScore('en', undefined)).toBe('—')
  })

  test('a code without a label reads as words, a plain word stays as it is', () => {
    expect(readableCode('cross_sell')).toBe('Cross sell')
    expect(readableCode('next_best__action')).toBe('Next best action')
    expect(readableCode('North')).toBe('North')
  })
})
