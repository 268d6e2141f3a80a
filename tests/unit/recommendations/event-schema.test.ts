import { describe, expect, test } from 'vitest'
import { eventErrorText, isRfc3339, validateEvent } from '~/models/recommendations/event.schema'
import { bodyFormatOf, parseBody } from '~/models/recommendations/ingest.server'

const base = {
  event_id: 'e1',
  type: 'shown',
  occurred_at: '2026-03-02T09:00:00+08:00',
  recommendation_id: 'r1',
  seller_id: 'S1',
}
const errorsOf = (input: unknown) => {
  const result = validateEvent(input)
  return result.ok ? [] : result.errors.map(eventErrorText)
}

describe('validateEvent', () => {
  test('a minimal event is valid; optional fields are null; unknown fields are ignored', () => {
    const result = validateEvent({ ...base, colour: 'blue', model_version: '' })
    expect(result).toEqual({
      ok: true,
      event: {
        ...base,
        recommendation_type: null,
        model_version: null,
        explanation: null,
        account_id: null,
        reason_code: null,
        reason_text: null,
        amount: null,
        currency: null,
      },
    })
  })

  test('required fields per type', () => {
    expect(errorsOf({ ...base, type: 'generated' })).toEqual(['recommendation_type is required'])
    expect(errorsOf({ ...base, type: 'rejected' })).toEqual(['reason_code is required'])
    expect(errorsOf({ ...base, type: 'opportunity_won' })).toEqual([
      'amount is required',
      'currency is required',
    ])
    expect(errorsOf({ ...base, type: 'opportunity_created', amount: '12.50', currency: 'twd' })).toEqual([])
    expect(errorsOf({})).toEqual([
      'event_id is required',
      'type is required',
      'occurred_at is required',
      'recommendation_id is required',
      'seller_id is required',
    ])
  })

  test('limits and formats', () => {
    expect(errorsOf({ ...base, event_id: 'x'.repeat(129) })).toEqual([
      'event_id is longer than 128 characters',
    ])
    expect(errorsOf({ ...base, event_id: 'x'.repeat(128) })).toEqual([])
    expect(errorsOf({ ...base, event_id: 42 })).toEqual(['event_id must be a string'])
    expect(errorsOf({ ...base, seller_id: 'S\u00001' })).toEqual([
      'seller_id must not contain the NUL character (U+0000)',
    ])
    expect(errorsOf({ ...base, type: 'clicked' })[0]).toMatch(/^type must be one of generated/)
    expect(errorsOf({ ...base, explanation: 'x'.repeat(2001) })).toEqual([
      'explanation is longer than 2000 characters',
    ])
    expect(errorsOf({ ...base, type: 'rejected', reason_code: 'meh' })[0]).toMatch(
      /^reason_code must be one of/,
    )
    expect(errorsOf({ ...base, amount: -1, currency: 'USD' })).toEqual(['amount must be a number ≥ 0'])
    expect(errorsOf({ ...base, amount: '1e3', currency: 'USD' })).toEqual([])
    expect(errorsOf({ ...base, amount: 5 })).toEqual(['currency is required'])
    expect(errorsOf({ ...base, amount: 5, currency: 'ABC' })[0]).toMatch(/^currency must be an ISO 4217/)
    expect(errorsOf('event')).toEqual(['event must be an object'])
  })

  test.each([
    ['2026-03-02T09:00:00Z', true],
    ['2026-03-02T09:00:00.123456+08:00', true],
    ['2026-03-02t09:00:00-05:30', true],
    ['2026-03-02T09:00:00', false],
    ['2026-02-30T09:00:00Z', false],
    ['2026-03-02T24:00:00Z', false],
    ['2026-03-02', false],
    ['2026-03-02T09:00:00+0800', false],
  ])('RFC 3339 with offset: %s → %s', (value, ok) => {
    expect(isRfc3339(value)).toBe(ok)
  })
})

describe('parseBody', () => {
  test('content types', () => {
    expect(bodyFormatOf('application/json; charset=utf-8')).toBe('json')
    expect(bodyFormatOf('application/x-ndjson')).toBe('ndjson')
    expect(bodyFormatOf('TEXT/CSV')).toBe('csv')
    expect(bodyFormatOf('text/plain')).toBeNull()
    expect(bodyFormatOf(null)).toBeNull()
  })

  test('NDJSON: a bad line is rejected by index, blank lines are skipped', () => {
    const parsed = parseBody(`${JSON.stringify(base)}\n\n{oops\n${JSON.stringify(base)}\n`, 'ndjson')
    expect(
      parsed.ok && parsed.items.map((item) => ('error' in item ? `bad ${item.index}` : item.index)),
    ).toEqual([0, 'bad 1', 2])
  })

  test('CSV: rows are indexed from 0 after the header; quoted newlines stay in one field', () => {
    const parsed = parseBody(
      'event_id,type,occurred_at,recommendation_id,seller_id,reason_text\na,shown,t,r,s,"two\nlines"\nb,shown,t,r,s,\n',
      'csv',
    )
    expect(parsed.ok && parsed.items).toEqual([
      { index: 0, raw: expect.objectContaining({ event_id: 'a', reason_text: 'two\nlines' }) },
      { index: 1, raw: expect.objectContaining({ event_id: 'b', reason_text: '' }) },
    ])
  })

  test('too many events: 413', () => {
    expect(parseBody(JSON.stringify([1, 2, 3]), 'json', 2)).toMatchObject({ ok: false, status: 413 })
  })
})
