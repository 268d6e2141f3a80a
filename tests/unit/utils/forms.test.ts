import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { BusinessCaseSchema } from '~/models/accountability/business-case.schema'
import type { Locale } from '~/i18n/locales'
import { constraintsOf, fields, zodErrors } from '~/utils/forms'

const errorsOf = (schema: z.ZodType, input: unknown, locale: Locale = 'en') => {
  const result = schema.safeParse(input)
  return result.success ? {} : zodErrors(locale, result.error)
}

describe('fields.number', () => {
  const schema = z.object({
    share: fields.number({ min: 0, max: 100 }),
    weeks: fields.number({ min: 1, max: 52, int: true }),
    band: fields.number({ min: 0, max: 100, int: 'errors.invalid' }),
    free: fields.number(),
  })
  const valid = { share: '12.5', weeks: '4', band: '70', free: '-3' }

  test('parses numbers typed as text', () => {
    expect(schema.parse(valid)).toEqual({ share: 12.5, weeks: 4, band: 70, free: -3 })
  })
  test('a missing or non-numeric value asks for a number', () => {
    const input = { share: 'lots', weeks: undefined, band: 'Infinity', free: '1e400' }
    expect(errorsOf(schema, input)).toEqual({
      share: ['Enter a number.'],
      weeks: ['Enter a number.'],
      band: ['Enter a number.'],
      free: ['Enter a number.'],
    })
  })
  test('a value out of range gets the range message with its bound, once', () => {
    expect(errorsOf(schema, { ...valid, share: '-1', weeks: '1e20', band: '101' })).toEqual({
      share: ['Must be at least 0.'],
      weeks: ['Must be at most 52.'],
      band: ['Must be at most 100.'],
    })
  })
  test('a fraction where a whole number is wanted: the default or the given key', () => {
    expect(errorsOf(schema, { ...valid, weeks: '2.5', band: '2.5' })).toEqual({
      weeks: ['Enter a number.'],
      band: ['This value is not valid.'],
    })
  })
  test('the bounds reach the browser as constraints', () => {
    expect(constraintsOf(schema)).toMatchObject({
      share: { required: true, min: 0, max: 100, step: 'any' },
      weeks: { required: true, min: 1, max: 52, step: 1 },
      free: { required: true, step: 'any' },
    })
  })
})

describe('business case numbers', () => {
  const base = {
    context: 'c',
    approach: 'a',
    customer_value: 'v',
    discount_rate_pct: '8',
    horizon_years: '3',
    benefits: [{ name: 'b', start_year: '1', assumptions: [{ name: 'x', value: '2' }] }],
    costs: [{ name: 'c', kind: 'one_off', year: '1', amount: '5' }],
  }
  const outOfRange = {
    ...base,
    discount_rate_pct: '150',
    costs: [{ name: 'c', kind: 'one_off', year: '1', amount: '-1' }],
  }

  test('an out-of-range value gets the range message, not "Enter a number." (en)', () => {
    expect(errorsOf(BusinessCaseSchema, outOfRange, 'en')).toEqual({
      discount_rate_pct: ['Must be at most 100.'],
      'costs.0.amount': ['Must be at least 0.'],
    })
  })
  test('an out-of-range value gets the range message, not "Enter a number." (zh-TW)', () => {
    expect(errorsOf(BusinessCaseSchema, outOfRange, 'zh-TW')).toEqual({
      discount_rate_pct: ['不得大於 100。'],
      'costs.0.amount': ['不得小於 0。'],
    })
  })
  test('a value that is not a number still asks for one', () => {
    const input = {
      ...base,
      benefits: [{ name: 'b', start_year: '1', assumptions: [{ name: 'x', value: 'lots' }] }],
    }
    expect(errorsOf(BusinessCaseSchema, input, 'en')).toEqual({
      'benefits.0.assumptions.0.value': ['Enter a number.'],
    })
    expect(errorsOf(BusinessCaseSchema, input, 'zh-TW')).toEqual({
      'benefits.0.assumptions.0.value': ['請輸入數字。'],
    })
  })
})
