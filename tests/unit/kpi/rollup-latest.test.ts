import { expect, test } from 'vitest'
import { resolveLatest } from '~/models/kpi/state.server'

// A roll-up's newest value combines its children's values of one period (issue 18: it summed one
// child's newest value with another child's older one, so the same period showed two values).

const kpi = (id: string, fields: Record<string, unknown> = {}) =>
  ({
    id,
    parent_id: 'root',
    rollup: 'none',
    rollup_weight: 1,
    last_period_end: null,
    last_value: null,
    direction: 'higher',
    cadence: 'monthly',
    tolerance_pct: 5,
    grace_days: 7,
    baseline_value: null,
    baseline_date: null,
    ...fields,
  }) as Parameters<typeof resolveLatest>[0][number]

test('the newest period every child reported, combined from that period only', () => {
  const kpis = [
    kpi('root', { parent_id: null, rollup: 'sum' }),
    kpi('north', { last_period_end: '2026-10-31', last_value: 30 }),
    kpi('south', { last_period_end: '2026-09-30', last_value: 12 }),
  ]
  const measured = new Map([
    [
      'north',
      [
        { period_end: '2026-09-30', value: 25 },
        { period_end: '2026-10-31', value: 30 },
      ],
    ],
    ['south', [{ period_end: '2026-09-30', value: 12 }]],
  ])
  // September is the newest period both reported: 25 + 12 = 37 (the old reading: 30 + 12 = 42).
  expect(resolveLatest(kpis, measured).get('root')).toEqual({ period_end: '2026-09-30', value: 37 })
})
