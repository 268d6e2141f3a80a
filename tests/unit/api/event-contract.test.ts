import { describe, expect, test } from 'vitest'
import { EVENT_FIELDS, RecommendationEventSchema, validateEvent } from '~/models/recommendations/event.schema'
import { generateEvents, prng } from '#tests/integration/recommendations/generate'

// The OpenAPI document describes ingest with RecommendationEventSchema (zod) while ingest runs the
// hand-written validateEvent (the hot path). Both must accept and refuse the same events: every
// fixture, and every fixture with one field (or two) replaced by a value from the edge cases below.

const fixtures: Record<string, unknown>[] = [
  ...generateEvents(25, 3),
  {
    event_id: 'e1',
    type: 'generated',
    occurred_at: '2026-03-02T09:00:00+08:00',
    recommendation_id: 'r1',
    seller_id: 'S1',
    recommendation_type: 'cross_sell',
    model_version: 'v2',
    explanation: 'Bought X last quarter',
    account_id: 'A-9',
  },
  ...['rejected', 'opportunity_created', 'opportunity_won', 'opportunity_lost'].map((type) => ({
    event_id: `e-${type}`,
    type,
    occurred_at: '2026-03-02t09:00:00.123456789-05:30',
    recommendation_id: 'r1',
    seller_id: 'S1',
    reason_code: 'bad_timing',
    reason_text: 'next quarter',
    amount: '12.50',
    currency: 'twd',
  })),
]

const edgeValues: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  0,
  -0,
  -1,
  12.5,
  1e15,
  1e16,
  true,
  [],
  {},
  ['a'],
  'x',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(2000),
  'x'.repeat(2001),
  'a\u0000b',
  '12',
  ' 12.50 ',
  '1e3',
  '1e16',
  '-5',
  '1,5',
  'NaN',
  'USD',
  'usd',
  'ABC',
  'US',
  ' USD',
  'generated',
  'shown',
  'rejected',
  'opportunity_won',
  'clicked',
  'GENERATED',
  'not_relevant',
  'other',
  'meh',
  '2026-03-02T09:00:00Z',
  '2026-03-02 09:00:00+08:00',
  '2026-03-02T23:59:60Z',
  '2026-02-29T09:00:00Z',
  '2024-02-29T09:00:00Z',
  '2026-03-02T09:00:00',
  '2026-03-02T24:00:00Z',
  '2026-03-02T09:00:00+24:00',
  '2026-03-02',
]

const agree = (input: unknown) => ({
  input,
  validateEvent: validateEvent(input).ok,
  schema: RecommendationEventSchema.safeParse(input).success,
})
const disagreements = (inputs: unknown[]) =>
  inputs.map(agree).filter((outcome) => outcome.validateEvent !== outcome.schema)

describe('RecommendationEventSchema (OpenAPI) ≡ validateEvent (ingest)', () => {
  test('the fixtures are valid for both', () => {
    expect(fixtures.map((fixture) => agree(fixture).validateEvent)).not.toContain(false)
    expect(disagreements(fixtures)).toEqual([])
  })

  test('non-objects are refused by both', () => {
    expect(disagreements(['event', 42, null, undefined, [], [fixtures[0]], true])).toEqual([])
  })

  test('every fixture with one field set to each edge value (or removed)', () => {
    const inputs: unknown[] = []
    for (const fixture of fixtures)
      for (const field of EVENT_FIELDS)
        for (const value of edgeValues) inputs.push({ ...fixture, [field]: value })
    expect(inputs.length).toBeGreaterThan(20_000)
    expect(disagreements(inputs)).toEqual([])
  })

  test('random pairs of fields changed at once (seeded, so a failure replays)', () => {
    const random = prng(42)
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
    const inputs = Array.from({ length: 20_000 }, () => ({
      ...pick(fixtures),
      [pick(EVENT_FIELDS)]: pick(edgeValues),
      [pick(EVENT_FIELDS)]: pick(edgeValues),
      type: pick(['generated', 'shown', 'rejected', 'opportunity_created', 'opportunity_won', 'viewed']),
    }))
    const outcomes = inputs.map(agree)
    // Both outcomes occur often enough for the comparison to mean something.
    expect(outcomes.filter((outcome) => outcome.validateEvent).length).toBeGreaterThan(2_000)
    expect(outcomes.filter((outcome) => !outcome.validateEvent).length).toBeGreaterThan(2_000)
    expect(outcomes.filter((outcome) => outcome.validateEvent !== outcome.schema)).toEqual([])
  })
})
