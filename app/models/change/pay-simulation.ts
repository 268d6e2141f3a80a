import type { PayComponent, PaySegment, TransitionKind } from './tables'

// The variable-pay simulation (pure; definitions in docs/metrics.md, "Variable-pay transition plan").
// A segment's expected monthly income on a plan side is its base pay plus its target variable pay
// times the weighted attainment of each component (expected volume ÷ quota, uncapped and linear).

export const HORIZON_MONTHS = 12

export type PlanTerms = {
  components: readonly PayComponent[]
  segments: readonly PaySegment[]
  transition_kind: TransitionKind
  transition_months: number
  loss_threshold_pct: number
}

export function expectedIncome(
  components: readonly PayComponent[],
  segment: PaySegment,
  side: 'before' | 'after',
): number {
  const variable = components.reduce((sum, component, index) => {
    const weight = side === 'before' ? component.weight_before : component.weight_after
    const quota = side === 'before' ? component.quota_before : component.quota_after
    if (weight === 0 || quota === 0) return sum
    return sum + (weight / 100) * ((segment.volumes[index] ?? 0) / quota)
  }, 0)
  return segment.base_pay + segment.target_variable * variable
}

/**
 * Income paid in months 1..horizon after the change. A guarantee pays the better of the old and new
 * plans for N months; a blend pays old + (new − old) × m/N in month m ≤ N; then the new plan alone.
 */
export function transitionPath(
  before: number,
  after: number,
  kind: TransitionKind,
  months: number,
  horizon = HORIZON_MONTHS,
): number[] {
  return Array.from({ length: horizon }, (_, i) => {
    const month = i + 1
    if (month > months) return after
    return kind === 'guarantee' ? Math.max(before, after) : before + ((after - before) * month) / months
  })
}

export type SegmentSimulation = {
  segment: string
  reps: number
  before: number
  after: number
  /** (after − before) ÷ before at full effect; null when the income before is 0. */
  change: number | null
  /** Mean monthly income paid over the first HORIZON_MONTHS months under the transition rule. */
  firstYear: number
  firstYearChange: number | null
  losesMore: boolean
}

export function simulatePlan(plan: PlanTerms, repsBySegment: ReadonlyMap<string, number>) {
  const ratio = (now: number, then: number) => (then > 0 ? (now - then) / then : null)
  const segments = plan.segments.map((segment): SegmentSimulation => {
    const before = expectedIncome(plan.components, segment, 'before')
    const after = expectedIncome(plan.components, segment, 'after')
    const path = transitionPath(before, after, plan.transition_kind, plan.transition_months)
    const firstYear = path.reduce((sum, income) => sum + income, 0) / path.length
    const change = ratio(after, before)
    return {
      segment: segment.segment,
      reps: repsBySegment.get(segment.segment) ?? 0,
      before,
      after,
      change,
      firstYear,
      firstYearChange: ratio(firstYear, before),
      losesMore: change !== null && change < -plan.loss_threshold_pct / 100,
    }
  })
  const planned = new Set(plan.segments.map((segment) => segment.segment))
  // A roster segment with reps that the plan has no row for has not been checked at all.
  const uncovered = [...repsBySegment]
    .filter(([segment, reps]) => reps > 0 && !planned.has(segment))
    .map(([segment]) => segment)
    .sort()
  const losing = segments.filter((segment) => segment.losesMore && segment.reps > 0)
  return {
    segments,
    uncovered,
    losingSegments: losing.length,
    repsLosing: losing.reduce((sum, segment) => sum + segment.reps, 0),
    /** The checklist's income check: no segment with reps loses more than X % and none is left out. */
    incomeCheck: losing.length === 0 && uncovered.length === 0,
  }
}
export type PlanSimulation = ReturnType<typeof simulatePlan>
