import { beforeAll, describe, expect, test } from 'vitest'
import { caseRealisation } from '~/models/accountability/business-case-realisation.server'
import { caseCsv } from '~/models/accountability/business-case-export.server'
import { getCase } from '~/models/accountability/business-case.server'
import { refreshLatest } from '~/models/kpi/measurement.server'
import { periodReport } from '~/models/sponsor/period-report.server'
import { exportCsv } from '~/models/sponsor/portfolio-export.server'
import { parsePeriod } from '~/models/sponsor/portfolio.schema'
import { portfolioOf, portfolioView } from '~/models/sponsor/portfolio.server'
import { action as editAction } from '~/routes/initiatives.$initiativeId.case.edit'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// Business-case realisation in money through the pages' models: saved from the case form (with the
// assumption its KPI measures), on the case page, the sponsor's portfolio, the period report and the CSVs.
//
// By hand: annual value 60 h × 100 reps × 20 = 120,000; year 1 = 2026-01-01…2026-12-31 (365 days).
// The KPI (hours saved per rep, the first assumption) measured 50 in January (31 days), 66 in February
// (28 days). Planned = 120,000 × 59 ÷ 365 = 19,397.260274; realised = (50 × 31 + 66 × 28) × 2,000 ÷ 365
// = 6,796,000 ÷ 365 = 18,619.178082; variance −778.082192. February alone: planned 120,000 × 28 ÷ 365 =
// 9,205.479452, realised 66 × 2,000 × 28 ÷ 365 = 10,126.027397.

const CASE_FORM = {
  context: 'Account executives spend hours deciding whom to call.',
  approach: 'Daily Recommender.',
  customer_value: 'Customers hear from us when they need us.',
  horizon_years: '3',
  discount_rate_pct: '10',
  'benefits.0.name': 'Hours saved',
  'benefits.0.start_year': '1',
  'benefits.0.assumptions.0.name': 'Hours saved per rep per year',
  'benefits.0.assumptions.0.value': '60',
  'benefits.0.assumptions.1.name': 'Reps',
  'benefits.0.assumptions.1.value': '100',
  'benefits.0.assumptions.2.name': 'Loaded hourly cost',
  'benefits.0.assumptions.2.value': '20',
  'benefits.1.name': 'More meetings',
  'benefits.1.start_year': '1',
  'benefits.1.assumptions.0.name': 'Meetings',
  'benefits.1.assumptions.0.value': '1000',
  'costs.0.name': 'Build',
  'costs.0.kind': 'one_off',
  'costs.0.year': '1',
  'costs.0.amount': '50000',
}

const SLOW = { timeout: 60_000 }
let ctx: Awaited<ReturnType<typeof setup>>

async function kpi(programId: string, initiativeId: string, key: string) {
  return db
    .insertInto('kpis')
    .values({
      program_id: programId,
      initiative_id: initiativeId,
      key,
      name_en: key,
      name_zh_tw: key,
      kind: 'lagging',
      category: 'user_value',
      direction: 'higher',
      cadence: 'monthly',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

async function setup() {
  const program = await createProgram()
  const lead = await createUser({ role: 'lead' })
  const sponsor = await createUser({ role: 'sponsor' })
  const viewer = await createUser({ role: 'viewer' })
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  await db
    .updateTable('initiatives')
    .set({ start_date: '2026-01-01' })
    .where('id', '=', initiative.id)
    .execute()
  const hours = await kpi(program.id, initiative.id, 'hours-saved')
  const meetings = await kpi(program.id, initiative.id, 'meetings')
  await db
    .insertInto('kpi_measurements')
    .values([
      { kpi_id: hours.id, period_end: '2026-01-31', value: 50, source: 'seed' },
      { kpi_id: hours.id, period_end: '2026-02-28', value: 66, source: 'seed' },
    ])
    .execute()
  await refreshLatest(db, [hours.id])
  const save = async (form: Record<string, string>) =>
    run(
      editAction,
      buildRequest(`/initiatives/${initiative.id}/case/edit`, {
        cookie: await sessionCookieFor(lead.id),
        form: { ...CASE_FORM, 'benefits.0.kpi_id': hours.id, 'benefits.1.kpi_id': meetings.id, ...form },
      }),
      { initiativeId: initiative.id },
    )
  return { program, lead, sponsor, viewer, initiative, hours, meetings, save }
}

beforeAll(async () => {
  ctx = await setup()
}, 60_000)

describe('realisation in money', () => {
  test('an assumption number beyond the line refuses the form, next to its field', SLOW, async () => {
    const answer = await ctx.save({ 'benefits.0.proven_assumption': '3' })
    expect(statusOf(answer)).toBe(400)
    expect(await getCase(db, ctx.initiative.id)).toBeNull()
  })

  test('the case page: re-computed from the measured periods, a KPI without data said so', SLOW, async () => {
    expect(
      statusOf(await ctx.save({ 'benefits.0.proven_assumption': '0', 'benefits.1.proven_assumption': '0' })),
    ).toBe(302)
    const saved = (await getCase(db, ctx.initiative.id))!
    expect(saved.benefits.map((b) => b.proven_assumption)).toEqual([0, 0])
    const realisation = (await caseRealisation(db, { ...ctx.initiative, start_date: '2026-01-01' }, saved))!
    expect(realisation.lines.map((line) => line.status)).toEqual(['measured', 'no_data'])
    expect(realisation.planned).toBeCloseTo(19_397.260274, 5)
    expect(realisation.realised).toBeCloseTo(18_619.178082, 5)
    expect(realisation.variance).toBeCloseTo(-778.082192, 5)
    expect(realisation.varianceByAssumption[0]).toMatchObject({
      assumption: 'Hours saved per rep per year',
      assumed: 60,
    })
    const csv = caseCsv(saved, realisation)
    expect(csv).toContain('realisation,,realised,,18619.18')
    expect(csv).toContain('realisation_status,More meetings,no_data')
    expect(csv).toContain('realised_period,Hours saved,realised,2026-02-28,10126.03')
  })

  test('without the initiative start date there is no realisation (not a zero)', SLOW, async () => {
    const saved = (await getCase(db, ctx.initiative.id))!
    expect(await caseRealisation(db, { ...ctx.initiative, start_date: null }, saved)).toBeNull()
  })

  test('the portfolio and the period report show it to those who may see the money', SLOW, async () => {
    await db
      .updateTable('business_cases')
      .set({ status: 'approved', decided_at: new Date(), decided_by: ctx.sponsor.id })
      .where('initiative_id', '=', ctx.initiative.id)
      .execute()
    const sponsorRow = (await portfolioOf(db, { ...ctx.sponsor, role: 'sponsor' }, ctx.program)).map(
      portfolioView,
    )[0]!
    expect(sponsorRow.businessCase!.realisedMoney).toBeCloseTo(18_619.178082, 5)
    expect(sponsorRow.businessCase!.plannedMoney).toBeCloseTo(19_397.260274, 5)
    // Net flows 121,000 − 50,000 = 71,000, then 121,000, 121,000: no sign change, no IRR.
    expect(sponsorRow.businessCase!.irr).toEqual({ defined: false, reason: 'no_sign_change', signChanges: 0 })
    const viewerRow = (await portfolioOf(db, { ...ctx.viewer, role: 'viewer' }, ctx.program)).map(
      portfolioView,
    )[0]!
    expect(viewerRow.businessCase!.realisedMoney).toBeNull()

    const february = parsePeriod('2026-02')!
    const report = await periodReport(db, { ...ctx.sponsor, role: 'sponsor' }, ctx.program, february)
    expect(report.realisation).toEqual([
      expect.objectContaining({
        line: 'Hours saved',
        periods: 1,
        planned: expect.closeTo(9_205.479452, 5),
        realised: expect.closeTo(10_126.027397, 5),
      }),
    ])
    const viewerReport = await periodReport(db, { ...ctx.viewer, role: 'viewer' }, ctx.program, february)
    expect(viewerReport.realisation).toEqual([])
    const { csv } = await exportCsv(
      db,
      { ...ctx.sponsor, role: 'sponsor' },
      ctx.program,
      'report-realisation',
      {
        query: { sort: 'worst', dir: 'desc', q: '', page: 1 },
        period: february,
      },
    )
    expect(csv).toContain('Hours saved per rep per year,1,9205.48,10126.03,920.55')
  })
})
