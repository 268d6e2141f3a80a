import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { BusinessCaseSchema } from '~/models/accountability/business-case.schema'
import type { Locale } from '~/i18n/locales'
import { constraintsOf, fields, parseSubmission, replyTo, zodErrors } from '~/utils/forms'

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

describe('parseSubmission and replyTo (conform)', () => {
  const schema = z.object({
    context: fields.text(20),
    benefits: z
      .array(
        z.object({
          name: fields.text(20),
          assumptions: z.array(z.object({ value: fields.number({ min: 0, max: 10 }) })).min(1),
        }),
      )
      .default([]),
  })
  const formOf = (entries: [string, string][]) => {
    const formData = new FormData()
    for (const [name, value] of entries) formData.append(name, value)
    return formData
  }

  test('indexed and dotted names make the same nested value; prototype keys are ignored', () => {
    const bracketed = parseSubmission(
      formOf([
        ['context', 'c'],
        ['benefits[0].name', 'first'],
        ['benefits[0].assumptions[0].value', '2'],
        ['benefits[1].name', 'second'],
        ['benefits[1].assumptions[0].value', '3'],
      ]),
      schema,
      'en',
    )
    const dotted = parseSubmission(
      formOf([
        ['context', 'c'],
        ['benefits.0.name', 'first'],
        ['benefits.0.assumptions.0.value', '2'],
        ['benefits.1.name', 'second'],
        ['benefits.1.assumptions.0.value', '3'],
        ['__proto__.polluted', 'yes'],
        ['constructor.prototype.x', '1'],
      ]),
      schema,
      'en',
    )
    const expected = {
      context: 'c',
      benefits: [
        { name: 'first', assumptions: [{ value: 2 }] },
        { name: 'second', assumptions: [{ value: 3 }] },
      ],
    }
    expect(bracketed.status === 'success' && bracketed.value).toEqual(expected)
    expect(dotted.status === 'success' && dotted.value).toEqual(expected)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('errors are translated, with their bounds, and keyed by dotted paths for the action answer', () => {
    const submission = parseSubmission(
      formOf([
        ['context', '   '],
        ['benefits[0].name', 'b'],
        ['benefits[0].assumptions[0].value', '11'],
      ]),
      schema,
      'zh-TW',
    )
    expect(submission.status).toBe('error')
    const reply = replyTo(submission, 'zh-TW')
    expect(reply.fieldErrors).toEqual({
      context: ['此欄位為必填。'],
      'benefits.0.assumptions.0.value': ['不得大於 10。'],
    })
    expect(reply.formError).toBe('請修正標示的欄位。')
    expect(reply.result.status).toBe('error')
    expect(reply.result.error?.['benefits[0].assumptions[0].value']).toEqual(['不得大於 10。'])
  })

  test('a list intent (a row added or removed) is not saved: the reply carries the changed rows', () => {
    const base: [string, string][] = [
      ['context', 'c'],
      ['benefits[0].name', 'first'],
      ['benefits[0].assumptions[0].value', '2'],
      ['benefits[1].name', 'second'],
      ['benefits[1].assumptions[0].value', '3'],
    ]
    const intent = (value: object): [string, string] => ['__intent__', JSON.stringify(value)]
    const removed = parseSubmission(
      formOf([...base, intent({ type: 'remove', payload: { name: 'benefits', index: 0 } })]),
      schema,
      'en',
    )
    expect(removed.status).toBeUndefined()
    const removedReply = replyTo(removed, 'en')
    expect(removedReply).toMatchObject({ fieldErrors: null, formError: null })
    expect(removedReply.result.initialValue).toEqual({
      context: 'c',
      benefits: [{ name: 'second', assumptions: [{ value: '3' }] }],
    })
    const added = parseSubmission(
      formOf([
        ...base,
        intent({
          type: 'insert',
          payload: { name: 'benefits[1].assumptions', defaultValue: { value: '1' } },
        }),
      ]),
      schema,
      'en',
    )
    expect(added.status).toBeUndefined()
    expect(replyTo(added, 'en').result.initialValue?.benefits).toEqual([
      { name: 'first', assumptions: [{ value: '2' }] },
      { name: 'second', assumptions: [{ value: '3' }, { value: '1' }] },
    ])
  })

  test('a refusal by the model: its form or field errors, no generic banner', () => {
    const submission = parseSubmission(
      formOf([
        ['context', 'c'],
        ['benefits[0].name', 'b'],
        ['benefits[0].assumptions[0].value', '1'],
      ]),
      schema,
      'en',
    )
    expect(replyTo(submission, 'en', { formError: 'Locked.' })).toMatchObject({
      fieldErrors: null,
      formError: 'Locked.',
      result: { status: 'error', error: { '': ['Locked.'] } },
    })
    expect(replyTo(submission, 'en', { fieldErrors: { context: ['Taken.'] } })).toMatchObject({
      fieldErrors: { context: ['Taken.'] },
      formError: null,
    })
  })
})
