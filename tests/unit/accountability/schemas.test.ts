import { describe, expect, test } from 'vitest'
import { BusinessCaseSchema } from '~/models/accountability/business-case.schema'
import { sharedValues } from '~/models/accountability/governance.server'
import { coverageOf } from '~/models/accountability/team.server'

describe('BusinessCaseSchema', () => {
  const base = {
    context: 'c',
    approach: 'a',
    customer_value: 'v',
    discount_rate_pct: '8',
    horizon_years: '3',
    target_segments: ' Enterprise ,, SMB ',
  }
  test('parses percentages, lists and lines', () => {
    const parsed = BusinessCaseSchema.parse({
      ...base,
      benefits: [{ name: 'b', start_year: '2', assumptions: [{ name: 'x', value: '1.5' }] }],
    })
    expect(parsed).toMatchObject({
      discount_rate_pct: 8,
      target_segments: ['Enterprise', 'SMB'],
      data_systems: [],
      benefits: [{ start_year: 2, assumptions: [{ value: 1.5, unit: '', source: '' }] }],
      costs: [],
    })
  })
  test('a line needs an assumption; years must fall within the horizon', () => {
    const result = BusinessCaseSchema.safeParse({
      ...base,
      benefits: [{ name: 'b', start_year: '4', assumptions: [] }],
      costs: [{ name: 'c', kind: 'one_off', year: '5', amount: '-1' }],
    })
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((issue) => issue.path.join('.')).sort()
    expect(paths).toEqual([
      'benefits.0.assumptions',
      'benefits.0.start_year',
      'costs.0.amount',
      'costs.0.year',
    ])
  })
})

describe('coverageOf', () => {
  test('lists covered and missing functions per group', () => {
    const coverage = coverageOf(['sales', 'data_scientist', 'finance'])
    expect(coverage).toEqual([
      { group: 'user_representatives', covered: ['sales'], missing: ['marketing'] },
      {
        group: 'engineers',
        covered: ['data_scientist'],
        missing: ['scrum_master', 'ux', 'software_architect'],
      },
      {
        group: 'integrators',
        covered: ['finance'],
        missing: ['project_manager', 'change_management', 'sales_operations'],
      },
    ])
  })
})

describe('sharedValues', () => {
  test('values held by two or more initiatives, case-insensitively', () => {
    const a = { id: 'a', name: 'Alpha' }
    const b = { id: 'b', name: 'Beta' }
    expect(
      sharedValues([
        { initiative: a, value: 'CRM' },
        { initiative: b, value: 'crm ' },
        { initiative: a, value: 'Telemetry' },
        { initiative: a, value: 'crm' },
      ]),
    ).toEqual([{ subject: 'CRM', initiatives: [a, b] }])
  })
})
