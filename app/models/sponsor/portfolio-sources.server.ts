import type { Executor } from '~/utils/db.server'
import {
  approvedBenefitKpisFor,
  approvedCaseValueFor,
  type ApprovedCaseValue,
} from '../accountability/business-case.server'
import { benefitEvidence } from '../kpi/evidence.server'
import { realisationFor } from '../accountability/business-case-realisation.server'
import type { Realisation } from '../accountability/business-case-realisation'
import { listCyclesFor, currentOf } from '../delivery/cycle.server'
import type { CycleView } from '../delivery/cycle'
import { feedbackFiguresFor } from '../eet/feedback.server'
import { recommendationAdoption } from '../recommendations/adoption.server'
import { recommendationFunnel } from '../recommendations/funnel.server'
import { addDays } from '~/utils/calendar'
import { sprintPredictabilityFor } from '../delivery/reporting.server'
import { evaluateChecklistFor } from '../accountability/checklist.server'
import { listGatesFor } from '../accountability/gate.server'

// The sponsor's view reads every other capability through this file only: one adapter per source, each
// calling that area's exported function (never re-running its queries), so a renamed export is fixed
// in one place. Each takes all the initiatives at once (the areas' many-initiative reads), so a
// portfolio costs the same number of queries whatever its size, and returns plain facts by initiative
// id; app/models/sponsor/portfolio.server.ts turns them into health inputs.

/** Measured KPI values (the KPI area) of many KPIs at once: each in its own range, or as of its own day. */
export { kpiValuesAsOf, kpiValuesIn } from '../kpi/history.server'

/** The 10/10/10 cycles (the delivery area): the running phase's clock, overrun share, and when the pilot last ended. */
export async function deliveryFactsFor(db: Executor, initiativeIds: readonly string[], today: string) {
  const cycles = await listCyclesFor(db, initiativeIds, today)
  return new Map(initiativeIds.map((id) => [id, deliveryFactsOf(cycles.get(id)!)]))
}

function deliveryFactsOf(cycles: CycleView[]) {
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
export type DeliveryFacts = ReturnType<typeof deliveryFactsOf>

/** The approved business case (the accountability area) and how its benefit KPIs stand against their targets. */
export async function caseFactsFor(
  db: Executor,
  initiativeIds: readonly string[],
  timeline: { today: string; startDates: ReadonlyMap<string, string | null> } | null = null,
) {
  if (!initiativeIds.length) return new Map<string, CaseFacts | null>()
  // approvedCaseValue gives the money; the KPIs its benefit lines name come from the same version. The
  // KPIs of every approved version are read alongside, and those of the latest approved one kept.
  const [approved, { benefits, evidence }] = await Promise.all([
    approvedCaseValueFor(db, initiativeIds),
    approvedBenefitKpisFor(db, initiativeIds).then(async (benefits) => ({
      benefits,
      evidence: await benefitEvidence(db, [...new Set(benefits.map((b) => b.kpi_id!))]),
    })),
  ])
  // Value realised in money (the accountability area's realisation) of each approved version.
  const realised = timeline
    ? await realisationFor(
        db,
        initiativeIds.flatMap((id) => {
          const value = approved.get(id)
          return value
            ? [
                {
                  key: id,
                  anchor: timeline.startDates.get(id) ?? null,
                  horizonYears: value.horizonYears,
                  benefits: value.benefits,
                },
              ]
            : []
        }),
        timeline.today,
      )
    : new Map<string, Realisation | null>()
  return new Map(
    initiativeIds.map((id): [string, CaseFacts | null] => {
      const value = approved.get(id)
      if (!value) return [id, null]
      const named = new Set(
        benefits.filter((b) => b.initiative_id === id && b.version === value.version).map((b) => b.kpi_id),
      )
      return [
        id,
        {
          ...value,
          evidence: evidence.filter((kpi) => named.has(kpi.id)),
          realisation: realised.get(id) ?? null,
        },
      ]
    }),
  )
}
export type CaseFacts = ApprovedCaseValue & {
  evidence: Awaited<ReturnType<typeof benefitEvidence>>
  /** Null without the initiative's start date (or when the caller asked for no timeline). */
  realisation: Realisation | null
}

/** EET feedback (the EET area): mean usefulness and closed-loop share. */
export async function eetFactsFor(db: Executor, initiativeIds: readonly string[]) {
  const figures = await feedbackFiguresFor(db, initiativeIds)
  return new Map(
    initiativeIds.map((id): [string, EetFacts] => {
      const feedback = figures.get(id)!
      return [
        id,
        {
          feedbackItems: feedback.total,
          averageUsefulness: feedback.averageUsefulness,
          closedLoopShare: feedback.closedLoopShare,
          nps: feedback.nps,
        },
      ]
    }),
  )
}
export type EetFacts = {
  feedbackItems: number
  averageUsefulness: number | null
  closedLoopShare: number | null
  nps: number | null
}

/**
 * Recommendation-tool usage (the recommendations area) over the last 28 days against the 28 before. The events are
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

/** Sprint predictability over the last `lastN` closed sprints (the delivery area's sprintPredictability). */
export async function sprintFactsFor(db: Executor, initiativeIds: readonly string[], lastN = 3) {
  const predictability = await sprintPredictabilityFor(db, initiativeIds, lastN)
  return new Map(initiativeIds.map((id) => [id, predictability.get(id)!.predictability]))
}

/** The last stage gate passed and the gates waiting for a decision (the accountability area's listGates). */
export async function gateFactsFor(db: Executor, initiativeIds: readonly string[]) {
  const gatesOf = await listGatesFor(db, initiativeIds)
  return new Map(
    initiativeIds.map((id) => {
      const gates = gatesOf.get(id)!
      const passed = gates
        .filter((gate) => gate.status === 'approved' && gate.decision_date !== null)
        .map((gate) => gate.decision_date!)
        .sort()
      return [
        id,
        {
          lastPassedOn: passed.at(-1) ?? null,
          pending: gates.filter((gate) => gate.status === 'pending').length,
        },
      ]
    }),
  )
}
export type GateFacts = { lastPassedOn: string | null; pending: number }

/**
 * Five-key-actions checklist completeness (the accountability area's evaluateChecklist): items met of all items. Its
 * EET item carries the EET area's representativeness of the open EET, which the adoption score reuses
 * rather than assessing the EET against the whole sales force a second time.
 */
export async function checklistFactsFor(
  db: Executor,
  initiatives: Parameters<typeof evaluateChecklistFor>[1],
) {
  const checklists = await evaluateChecklistFor(db, initiatives)
  return new Map(
    initiatives.map(({ id }) => {
      const items = checklists.get(id)!.flatMap((section) => section.items)
      const eet = items.find((item) => item.key === 'eet')?.detail ?? {}
      const eetSize = Number(eet.size ?? 0)
      return [
        id,
        {
          met: items.filter((item) => item.met === true).length,
          total: items.length,
          eetSize,
          representativeness: eetSize > 0 && typeof eet.score === 'number' ? eet.score : null,
        },
      ]
    }),
  )
}
export type ChecklistFacts = {
  met: number
  total: number
  eetSize: number
  representativeness: number | null
}

// Period facts for the period report: each area's "between two dates" read.

/** Stage gates approved with a decision date in [from, to] (the accountability area). */
export { gatesPassedBetween } from '../accountability/gate.server'
/** Sprints ending in [from, to] with their frozen figures (the delivery area). */
export { sprintsClosedIn } from '../delivery/reporting.server'
/** Pilot-feedback loops closed (shipped or declined) in [from, to], per initiative (the EET area). */
export { feedbackClosedIn } from '../eet/feedback.server'

/** Adoption rate of eligible reps over [from, to] (the recommendations area's definition), company-wide. */
export async function adoptionRateBetween(db: Executor, from: string, to: string) {
  const result = await recommendationAdoption(db, { from, to: addDays(to, 1) })
  return { rate: result.total.adoption_rate, eligible: result.total.eligible, active: result.total.active }
}
