import type { Executor } from '~/utils/db.server'
import { simulatePlan } from './pay-simulation'
import { rosterSegments } from './pay.server'

// The checklist's variable-pay item, judged from data: met when the initiative has a transition plan,
// the sponsor approved its current version, and the income check passes (no roster segment with reps
// loses more than the plan's threshold at full effect, and none is left out of the plan). The detail
// names no pay figure: the checklist is seen by everyone who sees the initiative.

export type VariablePayVerdict = {
  met: boolean
  detail: Record<string, string | number>
  evidence: string
}

export async function variablePayVerdictsFor(db: Executor, initiativeIds: readonly string[]) {
  const verdicts = new Map<string, VariablePayVerdict>()
  if (!initiativeIds.length) return verdicts
  const [plans, reps] = await Promise.all([
    db.selectFrom('pay_plans').selectAll().where('initiative_id', 'in', initiativeIds).execute(),
    rosterSegments(db),
  ])
  const planOf = new Map(plans.map((plan) => [plan.initiative_id, plan]))
  for (const id of initiativeIds) {
    const evidence = `/initiatives/${id}/pay`
    const plan = planOf.get(id)
    if (!plan) {
      verdicts.set(id, {
        met: false,
        detail: { status: 'none', version: 0, check: 'fail', pct: 0, losing: 0, uncovered: 0 },
        evidence,
      })
      continue
    }
    const simulation = simulatePlan(plan, reps)
    verdicts.set(id, {
      met: plan.status === 'approved' && simulation.incomeCheck,
      detail: {
        status: plan.status === 'approved' ? 'approved' : 'pending',
        version: plan.version,
        check: simulation.incomeCheck ? 'pass' : 'fail',
        pct: plan.loss_threshold_pct,
        losing: simulation.losingSegments,
        uncovered: simulation.uncovered.length,
      },
      evidence,
    })
  }
  return verdicts
}
