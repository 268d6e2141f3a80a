import type { KpiCadence, KpiDirection, KpiRollup, KpiStateStatus } from '~/models/kpi/tables'
import { addDays, toEpochDay } from '~/utils/calendar'
import { nextPeriodEnd } from './period'

// Status of a KPI against its target trajectory, staleness, and roll-up of children into a parent.
// Pure functions (unit-tested in tests/unit/kpi/status.test.ts).

export const KPI_STATUSES = ['on_track', 'at_risk', 'off_track', 'stale', 'no_target', 'no_data'] as const
export type KpiStatus = (typeof KPI_STATUSES)[number]

export type TargetPoint = { period_end: string; value: number }

/**
 * The target on a date: linear between consecutive points (baseline first, then the period targets),
 * the last target after the last point, and none before the first point.
 */
export function targetAt(
  points: readonly TargetPoint[],
  date: string,
  baseline?: { value: number | null; date: string | null },
): number | null {
  const all = [...points]
  if (baseline?.value != null && baseline.date) all.push({ period_end: baseline.date, value: baseline.value })
  all.sort((a, b) => (a.period_end < b.period_end ? -1 : a.period_end > b.period_end ? 1 : 0))
  if (!all.length || date < all[0]!.period_end) return null
  for (let i = 1; i < all.length; i++) {
    const right = all[i]!
    if (date <= right.period_end) {
      const left = all[i - 1]!
      const span = toEpochDay(right.period_end) - toEpochDay(left.period_end)
      if (span === 0) return right.value
      const share = (toEpochDay(date) - toEpochDay(left.period_end)) / span
      return left.value + (right.value - left.value) * share
    }
  }
  return all[all.length - 1]!.value
}

/**
 * On track when the value meets the target in the KPI's direction; at risk when it misses by no more
 * than `tolerancePct` percent of the target's size; off track beyond that.
 */
export function statusAgainstTarget(
  value: number,
  target: number | null,
  direction: KpiDirection,
  tolerancePct: number,
): Exclude<KpiStatus, 'stale' | 'no_data'> {
  if (target === null) return 'no_target'
  const gap = direction === 'higher' ? value - target : target - value
  if (gap >= 0) return 'on_track'
  const band = (Math.abs(target) * tolerancePct) / 100
  return -gap <= band + 1e-9 ? 'at_risk' : 'off_track'
}

/**
 * Stale when the period after the last measured one ended more than `graceDays` ago without a value.
 * A KPI that has never been measured is not stale but has no data.
 */
export function isStale(lastPeriodEnd: string | null, cadence: KpiCadence, graceDays: number, today: string) {
  return lastPeriodEnd !== null && today > staleAfter(lastPeriodEnd, cadence, graceDays)
}

/** The last day on which a value for this period is not stale: the next period's end plus the grace. */
function staleAfter(periodEnd: string, cadence: KpiCadence, graceDays: number) {
  return addDays(nextPeriodEnd(periodEnd, cadence), graceDays)
}

export type StatusInput = {
  direction: KpiDirection
  cadence: KpiCadence
  tolerance_pct: number
  grace_days: number
  baseline_value: number | null
  baseline_date: string | null
}

/**
 * What a KPI's newest value says, independent of today: its status against the target at that value's
 * period, and the last day on which it is not yet stale (stored on `kpis`; see kpi-state.server.ts).
 */
export function kpiState(
  kpi: StatusInput,
  latest: { period_end: string; value: number } | null,
  targets: readonly TargetPoint[],
): { status: KpiStateStatus; staleAfter: string | null } {
  if (!latest) return { status: 'no_data', staleAfter: null }
  const target = targetAt(targets, latest.period_end, { value: kpi.baseline_value, date: kpi.baseline_date })
  return {
    status: statusAgainstTarget(latest.value, target, kpi.direction, kpi.tolerance_pct),
    staleAfter: staleAfter(latest.period_end, kpi.cadence, kpi.grace_days),
  }
}

/** Today's status from a stored state. Staleness wins: an old value says nothing now. */
export function statusOnDay(state: { status: KpiStateStatus; staleAfter: string | null }, today: string) {
  return state.staleAfter !== null && today > state.staleAfter ? 'stale' : state.status
}

/** The current status of a KPI from its newest value. */
export function currentStatus(
  kpi: StatusInput,
  latest: { period_end: string; value: number } | null,
  targets: readonly TargetPoint[],
  today: string,
): KpiStatus {
  return statusOnDay(kpiState(kpi, latest, targets), today)
}

/** A parent's value from its children's values (with their weights for a weighted average). */
export function rollUp(method: KpiRollup, children: readonly { value: number; weight: number }[]) {
  if (method === 'none' || children.length === 0) return null
  const values = children.map((child) => child.value)
  switch (method) {
    case 'sum':
      return values.reduce((sum, value) => sum + value, 0)
    case 'average':
      return values.reduce((sum, value) => sum + value, 0) / values.length
    case 'weighted_average': {
      const weights = children.reduce((sum, child) => sum + child.weight, 0)
      return children.reduce((sum, child) => sum + child.value * child.weight, 0) / weights
    }
    case 'min':
      return Math.min(...values)
    case 'max':
      return Math.max(...values)
  }
}

export function statusTone(status: KpiStatus): 'good' | 'warn' | 'bad' | 'neutral' | 'info' {
  if (status === 'on_track') return 'good'
  if (status === 'at_risk') return 'warn'
  if (status === 'off_track') return 'bad'
  if (status === 'stale') return 'info'
  return 'neutral'
}
