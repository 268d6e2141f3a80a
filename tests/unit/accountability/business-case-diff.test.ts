import { describe, expect, test } from 'vitest'
import { diffCases, type DiffableCase } from '~/models/accountability/business-case-diff'

const base: DiffableCase = {
  context: 'Reps guess whom to call.',
  approach: 'Next-best actions.',
  customer_value: 'Timely contact.',
  target_segments: ['Enterprise'],
  data_systems: ['CRM'],
  discount_rate: 0.1,
  horizon_years: 3,
  benefits: [
    {
      name: 'Hours saved',
      start_year: 1,
      kpi_id: null,
      assumptions: [
        { name: 'Hours', unit: 'h', value: 60, source: 'Study' },
        { name: 'Reps', unit: '', value: 100, source: '' },
      ],
    },
    {
      name: 'Win rate',
      start_year: 2,
      kpi_id: null,
      assumptions: [{ name: 'Uplift', unit: '%', value: 2, source: '' }],
    },
  ],
  costs: [{ name: 'Build', kind: 'one_off', year: 1, amount: 1000 }],
  figures: { npv: 10, roi: 0.5, paybackMonth: 12, totalBenefits: 100, totalCosts: 50 },
}

describe('business-case version differences', () => {
  test('identical versions have none', () => {
    expect(diffCases(base, structuredClone(base))).toEqual([])
  })

  test('each change is named by section, line and field, with old and new', () => {
    const after = structuredClone(base)
    after.target_segments = ['Enterprise', 'SMB']
    after.benefits[0]!.assumptions[1]!.value = 120
    after.benefits[0]!.assumptions.push({ name: 'Cost per hour', unit: 'USD', value: 20, source: '' })
    after.benefits.splice(1, 1)
    after.costs[0]!.kind = 'recurring'
    after.horizon_years = 5
    after.figures = { ...base.figures!, npv: 12 }
    expect(diffCases(base, after)).toEqual([
      {
        section: 'case',
        subject: [],
        field: 'target_segments',
        kind: 'changed',
        before: 'Enterprise',
        after: 'Enterprise, SMB',
      },
      {
        section: 'assumption',
        subject: ['Hours saved', 'Reps'],
        field: 'value',
        kind: 'changed',
        before: 100,
        after: 120,
      },
      {
        section: 'assumption',
        subject: ['Hours saved', 'Cost per hour'],
        field: null,
        kind: 'added',
        before: null,
        after: '20 · USD · —',
      },
      {
        section: 'benefit',
        subject: ['Win rate'],
        field: null,
        kind: 'removed',
        before: '2',
        after: null,
      },
      {
        section: 'cost',
        subject: ['Build'],
        field: 'kind',
        kind: 'changed',
        before: 'one_off',
        after: 'recurring',
      },
      { section: 'finance', subject: [], field: 'horizon_years', kind: 'changed', before: 3, after: 5 },
      { section: 'finance', subject: [], field: 'npv', kind: 'changed', before: 10, after: 12 },
    ])
  })

  test('two lines of the same name are told apart rather than one hiding the other', () => {
    const before = { ...base, costs: [base.costs[0]!, { ...base.costs[0]!, amount: 5 }] }
    const after = { ...base, costs: [base.costs[0]!] }
    expect(diffCases(before, after)).toEqual([
      {
        section: 'cost',
        subject: ['Build (2)'],
        field: null,
        kind: 'removed',
        before: 'one_off · 1 · 5',
        after: null,
      },
    ])
  })
})
