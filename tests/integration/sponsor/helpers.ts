import { refreshLatest } from '~/models/kpi/measurement.server'
import { addDays } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'

// Records of the other capabilities, written straight into their tables, for the sponsor's view tests.

export const today = new Date().toISOString().slice(0, 10)
/** The last day of the month before this one (a monthly KPI's latest period). */
export const lastMonthEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0))
  .toISOString()
  .slice(0, 10)

export async function portfolioSetup() {
  const program = await createProgram()
  const lead = await createUser({ role: 'lead' })
  const sponsor = await createUser({ role: 'sponsor' })
  const viewer = await createUser({ role: 'viewer' })
  const admin = await createUser({ role: 'admin' })
  const initiative = await createInitiative({
    programId: program.id,
    leadId: lead.id,
    sponsorId: sponsor.id,
    stage: 'design',
  })
  await db
    .updateTable('initiatives')
    .set({ start_date: addDays(today, -200) })
    .where('id', '=', initiative.id)
    .execute()
  return { program, lead, sponsor, viewer, admin, initiative }
}

export async function addKpi(
  programId: string,
  initiativeId: string,
  key: string,
  options: { kind?: 'leading' | 'lagging'; target: number; values: { period_end: string; value: number }[] },
) {
  const kpi = await db
    .insertInto('kpis')
    .values({
      program_id: programId,
      initiative_id: initiativeId,
      key,
      name_en: `KPI ${key}`,
      name_zh_tw: `指標 ${key}`,
      kind: options.kind ?? 'lagging',
      category: 'customer_value',
      direction: 'higher',
      cadence: 'monthly',
      grace_days: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('kpi_targets')
    .values(options.values.map((v) => ({ kpi_id: kpi.id, period_end: v.period_end, value: options.target })))
    .execute()
  await db
    .insertInto('kpi_measurements')
    .values(options.values.map((v) => ({ kpi_id: kpi.id, ...v, source: 'seed' as const })))
    .execute()
  await refreshLatest(db, [kpi.id])
  return kpi.id
}

export async function addCase(
  initiativeId: string,
  status: 'submitted' | 'approved',
  authorId: string,
  kpiId?: string,
) {
  const businessCase = await db
    .insertInto('business_cases')
    .values({
      initiative_id: initiativeId,
      version: 1,
      status,
      author_id: authorId,
      submitted_by: authorId,
      submitted_at: new Date(),
      horizon_years: 3,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const benefit = await db
    .insertInto('business_case_benefits')
    .values({
      case_id: businessCase.id,
      position: 0,
      name: 'More won deals',
      start_year: 1,
      kpi_id: kpiId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('business_case_assumptions')
    .values({ benefit_id: benefit.id, position: 0, name: 'Deals a year × margin', value: 100000 })
    .execute()
  return businessCase.id
}

export async function addGate(
  initiativeId: string,
  status: 'approved' | 'pending',
  decisionDate: string | null,
) {
  return db
    .insertInto('stage_gates')
    .values({
      initiative_id: initiativeId,
      from_stage: 'frame',
      to_stage: 'design',
      criteria: JSON.stringify([]),
      status,
      decision_date: decisionDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** A 10/10/10 cycle: frame closed within budget, design running since `designStarted` (10 working days). */
export async function addCycle(initiativeId: string, designStarted: string) {
  const cycle = await db
    .insertInto('delivery_cycles')
    .values({ initiative_id: initiativeId, number: 1, started_on: addDays(designStarted, -3) })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('delivery_phases')
    .values([
      {
        cycle_id: cycle.id,
        phase: 'frame',
        budget: 10,
        started_on: addDays(designStarted, -3),
        closed_on: designStarted,
        outcome: 'Problem framed',
      },
      { cycle_id: cycle.id, phase: 'design', budget: 10, started_on: designStarted, closed_on: null },
    ])
    .execute()
}

export async function addFeedback(
  initiativeId: string,
  submitterId: string,
  items: { usefulness: number; status: 'new' | 'shipped' | 'declined'; closedAt?: Date }[],
) {
  await db
    .insertInto('pilot_feedback')
    .values(
      items.map((item, index) => ({
        initiative_id: initiativeId,
        submitter_id: submitterId,
        release: '1.0',
        kind: 'idea' as const,
        usefulness: item.usefulness,
        ease: 3,
        recommend: 7,
        title: `Idea ${index}`,
        status: item.status,
        closed_at: item.closedAt ?? null,
        decline_reason: item.status === 'declined' ? 'Out of scope for the pilot.' : null,
      })),
    )
    .execute()
}
