import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { approvedCaseValue, benefitEvidence } from './business-case.server'
import { listCycles, currentOf } from './delivery/cycle.server'
import { feedbackSummary } from './feedback.server'
import { kpiValuesBetween } from './kpi.server'
import { recommendationAdoption } from './recommendation-adoption.server'
import { recommendationFunnel } from './recommendation-funnel.server'
import { addDays } from './recommendation-metrics.schema'
import { sprintPredictability } from './delivery/reporting.server'
import { evaluateChecklist } from './checklist.server'
import { listGates } from './gate.server'

// The sponsor's view reads every other capability through this file only: one adapter per source, each
// calling that area's exported function (never re-running its queries), so a renamed export is fixed
// in one place. Each returns plain facts; app/models/portfolio.server.ts turns them into health inputs.

/** The 10/10/10 cycles (issue 5): the running phase's clock, overrun share, and when the pilot last ended. */
export async function deliveryFacts(db: Executor, initiativeId: string, today: string) {
  const cycles = await listCycles(db, initiativeId, today)
  const current = currentOf(cycles)
  const phases = cycles.flatMap((cycle) => cycle.phases)
  const pilotEnds = phases
    .filter((phase) => phase.phase === 'pilot' && phase.closed_on !== null)
    .map((phase) => phase.closed_on!)
    .sort()
  return {
    current: current
      ? {
          cycle: current.cycle.number,
          phase: current.phase.phase,
          used: current.phase.clock.used,
          budget: current.phase.clock.budget,
          unit: current.phase.clock.unit,
          ratio: current.phase.clock.ratio,
          level: current.phase.clock.level,
        }
      : null,
    phases: phases.length,
    overruns: phases.filter((phase) => phase.clock.level === 'overrun').length,
    pilotEndedOn: pilotEnds.at(-1) ?? null,
  }
}
export type DeliveryFacts = Awaited<ReturnType<typeof deliveryFacts>>

/** The approved business case (issue 3) and how its benefit KPIs stand against their targets. */
export async function caseFacts(db: Executor, initiativeId: string) {
  const approved = await approvedCaseValue(db, initiativeId)
  if (!approved) return null
  // approvedCaseValue gives the money; the KPIs its benefit lines name come from the same version.
  const benefits = await db
    .selectFrom('business_case_benefits as b')
    .innerJoin('business_cases as c', 'c.id', 'b.case_id')
    .select('b.kpi_id')
    .where('c.initiative_id', '=', initiativeId)
    .where('c.version', '=', approved.version)
    .where('b.kpi_id', 'is not', null)
    .execute()
  const evidence = await benefitEvidence(db, [...new Set(benefits.map((b) => b.kpi_id!))])
  return { ...approved, evidence }
}
export type CaseFacts = NonNullable<Awaited<ReturnType<typeof caseFacts>>>

/** EET feedback (issue 6): mean usefulness and closed-loop share. */
export async function eetFacts(db: Executor, initiativeId: string) {
  const feedback = await feedbackSummary(db, initiativeId)
  return {
    feedbackItems: feedback.total,
    averageUsefulness: feedback.averageUsefulness,
    closedLoopShare: feedback.closedLoopShare,
    nps: feedback.nps,
  }
}
export type EetFacts = Awaited<ReturnType<typeof eetFacts>>

/**
 * Recommendation-tool usage (issue 7) over the last 28 days against the 28 before. The events are
 * company-wide (not tagged with an initiative), so these figures describe the sales force as a whole.
 */
export async function recommendationFacts(db: Executor, today: string) {
  const to = addDays(today, 1)
  const mid = addDays(to, -28)
  const from = addDays(to, -56)
  const [adoptionNow, adoptionBefore, funnelNow, funnelBefore] = await Promise.all([
    recommendationAdoption(db, { from: mid, to }),
    recommendationAdoption(db, { from, to: mid }),
    recommendationFunnel(db, { from: mid, to }),
    recommendationFunnel(db, { from, to: mid }),
  ])
  const delta = (now: number | null, before: number | null) =>
    now !== null && before !== null ? now - before : null
  return {
    eligible: adoptionNow.total.eligible,
    adoptionRate: adoptionNow.total.adoption_rate,
    adoptionTrend: delta(adoptionNow.total.adoption_rate, adoptionBefore.total.adoption_rate),
    acceptanceRate: funnelNow.total.acceptance_rate,
    acceptanceTrend: delta(funnelNow.total.acceptance_rate, funnelBefore.total.acceptance_rate),
  }
}
export type RecommendationFacts = Awaited<ReturnType<typeof recommendationFacts>>

/** A KPI's measured values from `from` to `to` (issue 4), oldest first. */
export function kpiValues(db: Executor, kpiId: string, from: string, to: string) {
  return kpiValuesBetween(db, kpiId, from, to)
}

/** Sprint predictability over the last `lastN` closed sprints (issue 5's sprintPredictability). */
export async function sprintFacts(db: Executor, initiativeId: string, lastN = 3) {
  return (await sprintPredictability(db, initiativeId, lastN)).predictability
}

/** The last stage gate passed and the gates waiting for a decision (issue 3's listGates). */
export async function gateFacts(db: Executor, initiativeId: string) {
  const gates = await listGates(db, initiativeId)
  const passed = gates
    .filter((gate) => gate.status === 'approved' && gate.decision_date !== null)
    .map((gate) => gate.decision_date!)
    .sort()
  return {
    lastPassedOn: passed.at(-1) ?? null,
    pending: gates.filter((gate) => gate.status === 'pending').length,
  }
}

/**
 * Five-key-actions checklist completeness (issue 3's evaluateChecklist): items met of all items. Its
 * EET item carries issue 6's representativeness of the open EET, which the adoption score reuses
 * rather than assessing the EET against the whole sales force a second time.
 */
export async function checklistFacts(db: Executor, initiative: Parameters<typeof evaluateChecklist>[1]) {
  const items = (await evaluateChecklist(db, initiative)).flatMap((section) => section.items)
  const eet = items.find((item) => item.key === 'eet')?.detail ?? {}
  const eetSize = Number(eet.size ?? 0)
  return {
    met: items.filter((item) => item.met === true).length,
    total: items.length,
    eetSize,
    representativeness: eetSize > 0 && typeof eet.score === 'number' ? eet.score : null,
  }
}
export type GateFacts = Awaited<ReturnType<typeof gateFacts>>

// Period facts for the period report. None of the other areas exports a "between two dates" query for
// these yet, so each is one small read of that area's table, kept here beside the other adapters.

/** Stage gates approved with a decision date in [from, to] (issue 3's stage_gates). */
export function gatesPassedBetween(db: Executor, initiativeIds: readonly string[], from: string, to: string) {
  if (!initiativeIds.length) return Promise.resolve([])
  return db
    .selectFrom('stage_gates as g')
    .innerJoin('initiatives as i', 'i.id', 'g.initiative_id')
    .select([
      'g.id',
      'g.from_stage',
      'g.to_stage',
      'g.decision_date',
      'i.id as initiative_id',
      'i.name as initiative_name',
    ])
    .where('g.status', '=', 'approved')
    .where('g.decision_date', '>=', from)
    .where('g.decision_date', '<=', to)
    .where('g.initiative_id', 'in', initiativeIds)
    .orderBy('g.decision_date')
    .execute()
}

/**
 * Sprints ending in [from, to] with their frozen figures (issue 5's sprints). Issue 5's
 * sprintsClosedBetween leaves out the points added during the sprint, which the report shows.
 */
export async function sprintsClosedIn(
  db: Executor,
  initiativeIds: readonly string[],
  from: string,
  to: string,
) {
  if (!initiativeIds.length) return []
  const rows = await db
    .selectFrom('sprints as s')
    .innerJoin('initiatives as i', 'i.id', 's.initiative_id')
    .select([
      's.id',
      's.number',
      's.end_date',
      's.snapshot',
      'i.id as initiative_id',
      'i.name as initiative_name',
    ])
    .where('s.status', '=', 'closed')
    .where('s.end_date', '>=', from)
    .where('s.end_date', '<=', to)
    .where('s.initiative_id', 'in', initiativeIds)
    .orderBy('s.end_date')
    .execute()
  return rows.map(({ snapshot, ...sprint }) => ({
    ...sprint,
    committed: snapshot?.figures.committed ?? null,
    completed: snapshot?.figures.completed ?? null,
    added: snapshot?.figures.added ?? null,
    slipped: snapshot?.figures.carried ?? null,
    predictability: snapshot?.figures.predictability ?? null,
  }))
}

/** Pilot-feedback loops closed (shipped or declined) in [from, to], per initiative (issue 6's pilot_feedback). */
export function feedbackClosedIn(
  db: Executor,
  initiativeIds: readonly string[],
  range: { from: string; to: string; timezone: string },
) {
  if (!initiativeIds.length) return Promise.resolve([])
  return db
    .selectFrom('pilot_feedback as f')
    .innerJoin('initiatives as i', 'i.id', 'f.initiative_id')
    .select((eb) => [
      'i.id as initiative_id',
      'i.name as initiative_name',
      eb.fn.countAll<number>().filterWhere('f.status', '=', 'shipped').as('shipped'),
      eb.fn.countAll<number>().filterWhere('f.status', '=', 'declined').as('declined'),
    ])
    .where('f.merged_into', 'is', null)
    .where('f.closed_at', 'is not', null)
    .where(
      sql<boolean>`(f.closed_at at time zone ${range.timezone})::date between ${range.from}::date and ${range.to}::date`,
    )
    .where('f.initiative_id', 'in', initiativeIds)
    .groupBy(['i.id', 'i.name'])
    .orderBy('i.name')
    .execute()
}

/** Adoption rate of eligible reps over [from, to] (issue 7), company-wide. */
export async function adoptionRateBetween(db: Executor, from: string, to: string) {
  const result = await recommendationAdoption(db, { from, to: addDays(to, 1) })
  return { rate: result.total.adoption_rate, eligible: result.total.eligible, active: result.total.active }
}
export type ChecklistFacts = Awaited<ReturnType<typeof checklistFacts>>
