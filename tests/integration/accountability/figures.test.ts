import { describe, expect, test } from 'vitest'
import { benefitEvidence, getCase } from '~/models/accountability/business-case.server'
import { realisedRatio } from '~/models/sponsor/portfolio.server'
import { action as editAction } from '~/routes/initiatives.$initiativeId.case.edit'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// Figures found wrong (issue 18), each checked against a hand calculation written here.

const CASE_FORM = {
  context: 'Account executives spend hours deciding whom to call.',
  approach: 'Daily Recommender.',
  customer_value: 'Customers hear from us when they need us.',
  horizon_years: '3',
  'benefits.0.name': 'Hours saved',
  'benefits.0.start_year': '1',
  'benefits.0.assumptions.0.name': 'Hours saved per rep per year',
  'benefits.0.assumptions.0.value': '60',
  'benefits.0.assumptions.1.name': 'Reps',
  'benefits.0.assumptions.1.value': '100',
  'benefits.0.assumptions.2.name': 'Loaded hourly cost',
  'benefits.0.assumptions.2.value': '20',
  'costs.0.name': 'Build',
  'costs.0.kind': 'one_off',
  'costs.0.year': '1',
  'costs.0.amount': '200000',
  'costs.1.name': 'Run',
  'costs.1.kind': 'recurring',
  'costs.1.year': '1',
  'costs.1.amount': '12000',
}

async function setup() {
  const program = await createProgram()
  const lead = await createUser({ role: 'lead' })
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id })
  const save = async (form: Record<string, string>) =>
    run(
      editAction,
      buildRequest(`/initiatives/${initiative.id}/case/edit`, {
        cookie: await sessionCookieFor(lead.id),
        form: { ...CASE_FORM, ...form },
      }),
      { initiativeId: initiative.id },
    )
  return { program, initiative, save }
}

describe('figures found wrong', () => {
  test('the discount rate is stored exactly as typed (7.125 % stayed 7.125 %, not 7.13 %)', async () => {
    const { initiative, save } = await setup()
    expect(statusOf(await save({ discount_rate_pct: '7.125' }))).toBe(302)
    const saved = await getCase(db, initiative.id)
    expect(Number(saved!.discount_rate)).toBe(0.07125)
    // Net per year: y1 120,000 − 200,000 − 12,000 = −92,000; y2, y3 120,000 − 12,000 = 108,000.
    // NPV = −92000/1.07125 + 108000/1.07125² + 108000/1.07125³ = 96,082.306 (at 7.13 %: 96,065.230).
    expect(saved!.figures.npv).toBeCloseTo(96_082.306, 2)
  })

  test('more than four decimals of a percent is refused next to the field, not rounded', async () => {
    const { initiative, save } = await setup()
    const refused = await save({ discount_rate_pct: '7.12345' })
    expect(statusOf(refused)).toBe(400)
    const body = (refused as { data: { fieldErrors: Record<string, string[]> } }).data
    expect(body.fieldErrors.discount_rate_pct?.[0]).toMatch(/four decimals/)
    expect(await getCase(db, initiative.id)).toBeNull()
  })

  test('a benefit KPI whose newest period falls between two target dates is planned on the trajectory', async () => {
    const { program } = await setup()
    const { id } = await db
      .insertInto('kpis')
      .values({
        program_id: program.id,
        initiative_id: null,
        key: 'qualified-opportunities',
        name_en: 'Qualified opportunities',
        name_zh_tw: '合格銷售機會',
        kind: 'lagging',
        category: 'financial',
        direction: 'higher',
        cadence: 'monthly',
        last_period_end: '2026-10-31',
        last_value: 42,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('kpi_targets')
      .values([
        { kpi_id: id, period_end: '2026-09-30', value: 40 },
        { kpi_id: id, period_end: '2026-11-30', value: 60 },
      ])
      .execute()
    // Linear between the targets: 40 + 20 × 31/61 days = 50.16393 (was null: no target on 2026-10-31).
    const [evidence] = await benefitEvidence(db, [id])
    expect(evidence!.target_value).toBeCloseTo(50.163934, 5)
    // The sponsor's value realised keeps the KPI: 42 / 50.16393 = 0.837255 (it was dropped: null).
    expect(realisedRatio({ evidence: [evidence!] }, [{ id, direction: 'higher' } as never])).toBeCloseTo(
      0.837255,
      5,
    )
  })
})
