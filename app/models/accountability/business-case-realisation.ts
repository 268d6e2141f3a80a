import { addDays, daysBetween, endOfMonth, toEpochDay } from '~/utils/calendar'
import { targetAt, type TargetPoint } from '../kpi/status'
import type { KpiCadence } from '../kpi/tables'
import { benefitAnnualValue } from './business-case-finance'

// Business-case realisation in money (pure). A benefit line's value is the product of its assumptions;
// its proving KPI measures one of them. For every measured period of that KPI inside the case's
// timeline, the line's value is re-computed with the measured value in place of that assumption
// (realised) and with the assumption itself (planned), each prorated to the period's share of its case
// year. Comparing like with like: a period without a measurement counts in neither, and a line without
// a KPI, without a chosen assumption or without data yet is reported as such, never as zero.
//
// Timeline: case year y is [anchor + (y − 1) years, anchor + y years). A KPI period belongs to the case
// year holding its last day; it counts from the line's start year on, up to the horizon and today.
// The period's share of that year = the period's days ÷ the case year's days (365 or 366).

export type LineStatus = 'measured' | 'no_data' | 'no_kpi' | 'not_chosen'

export type RealisationKpi = {
  id: string
  cadence: KpiCadence
  targets: readonly TargetPoint[]
  baseline?: { value: number | null; date: string | null }
}

export type RealisationLineInput = {
  name: string
  startYear: number
  assumptions: readonly { name: string; unit: string; value: number }[]
  provenAssumption: number | null
  kpi: RealisationKpi | null
  measurements: readonly { period_end: string; value: number }[]
}

export type RealisedPeriod = {
  periodEnd: string
  caseYear: number
  days: number
  actual: number
  /** The KPI's own target trajectory at this period (null without one). */
  target: number | null
  planned: number
  realised: number
  /** The line's value with the KPI's trajectory in place of the assumption (null without a trajectory). */
  onTrajectory: number | null
}

export type RealisedLine = {
  name: string
  status: LineStatus
  assumption: { name: string; unit: string; value: number } | null
  /** Measured value averaged over the counted periods, weighted by their days. */
  meanActual: number | null
  periods: RealisedPeriod[]
  planned: number
  realised: number | null
  variance: number | null
}

export type Realisation = {
  lines: RealisedLine[]
  planned: number
  realised: number
  variance: number
  /** Lines with at least one counted period. */
  measuredLines: number
  /** Cumulative planned and realised over every counted period of every line, by period end. */
  cumulative: { periodEnd: string; planned: number; realised: number }[]
  /** Lines by the size of their variance: which assumption missed, and by how much money. */
  varianceByAssumption: {
    line: string
    assumption: string
    assumed: number
    meanActual: number
    variance: number
  }[]
}

/** The same day n years later (29 February falls on 28 February in a common year). */
export function addYears(day: string, years: number) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const target = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`
  const last = Number(endOfMonth(target).slice(8))
  return `${target.slice(0, 8)}${String(Math.min(d, last)).padStart(2, '0')}`
}

/** First day of the KPI period ending on `periodEnd`. */
export function periodStart(periodEnd: string, cadence: KpiCadence) {
  if (cadence === 'daily') return periodEnd
  if (cadence === 'weekly') return addDays(periodEnd, -6)
  return `${periodEnd.slice(0, 8)}01`
}

/** The case year (1…horizon) holding this day, null outside [anchor, anchor + horizon years). */
export function caseYearOf(anchor: string, horizonYears: number, day: string) {
  if (day < anchor) return null
  for (let year = 1; year <= horizonYears; year++) if (day < addYears(anchor, year)) return year
  return null
}

function valueWith(assumptions: RealisationLineInput['assumptions'], index: number, value: number) {
  return benefitAnnualValue({
    assumptions: assumptions.map((a, i) => ({ value: i === index ? value : a.value })),
  })
}

function realiseLine(
  line: RealisationLineInput,
  timeline: { anchor: string; horizonYears: number; today: string },
): RealisedLine {
  const chosen =
    line.provenAssumption !== null && line.provenAssumption < line.assumptions.length
      ? line.provenAssumption
      : null
  const assumption = chosen === null ? null : line.assumptions[chosen]!
  const base = {
    name: line.name,
    assumption,
    meanActual: null,
    periods: [],
    planned: 0,
    realised: null,
    variance: null,
  }
  if (!line.kpi) return { ...base, status: 'no_kpi' }
  if (chosen === null) return { ...base, status: 'not_chosen' }
  const { kpi } = line
  const annualPlanned = benefitAnnualValue(line)
  const periods: RealisedPeriod[] = []
  for (const measurement of line.measurements) {
    if (measurement.period_end > timeline.today) continue
    const caseYear = caseYearOf(timeline.anchor, timeline.horizonYears, measurement.period_end)
    if (caseYear === null || caseYear < line.startYear) continue
    const days = daysBetween(periodStart(measurement.period_end, kpi.cadence), measurement.period_end) + 1
    const yearDays =
      toEpochDay(addYears(timeline.anchor, caseYear)) - toEpochDay(addYears(timeline.anchor, caseYear - 1))
    const share = days / yearDays
    const target = targetAt(kpi.targets, measurement.period_end, kpi.baseline)
    periods.push({
      periodEnd: measurement.period_end,
      caseYear,
      days,
      actual: measurement.value,
      target,
      planned: annualPlanned * share,
      realised: valueWith(line.assumptions, chosen, measurement.value) * share,
      onTrajectory: target === null ? null : valueWith(line.assumptions, chosen, target) * share,
    })
  }
  if (!periods.length) return { ...base, status: 'no_data' }
  const planned = periods.reduce((sum, p) => sum + p.planned, 0)
  const realised = periods.reduce((sum, p) => sum + p.realised, 0)
  const days = periods.reduce((sum, p) => sum + p.days, 0)
  return {
    ...base,
    status: 'measured',
    periods,
    meanActual: periods.reduce((sum, p) => sum + p.actual * p.days, 0) / days,
    planned,
    realised,
    variance: realised - planned,
  }
}

export function computeRealisation(input: {
  anchor: string
  horizonYears: number
  today: string
  lines: readonly RealisationLineInput[]
}): Realisation {
  const lines = input.lines.map((line) => realiseLine(line, input))
  const measured = lines.filter((line) => line.status === 'measured')
  const planned = measured.reduce((sum, line) => sum + line.planned, 0)
  const realised = measured.reduce((sum, line) => sum + line.realised!, 0)
  const byEnd = new Map<string, { planned: number; realised: number }>()
  for (const period of measured.flatMap((line) => line.periods)) {
    const entry = byEnd.get(period.periodEnd) ?? { planned: 0, realised: 0 }
    entry.planned += period.planned
    entry.realised += period.realised
    byEnd.set(period.periodEnd, entry)
  }
  let runningPlanned = 0
  let runningRealised = 0
  const cumulative = [...byEnd.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([periodEnd, entry]) => {
      runningPlanned += entry.planned
      runningRealised += entry.realised
      return { periodEnd, planned: runningPlanned, realised: runningRealised }
    })
  return {
    lines,
    planned,
    realised,
    variance: realised - planned,
    measuredLines: measured.length,
    cumulative,
    varianceByAssumption: measured
      .map((line) => ({
        line: line.name,
        assumption: line.assumption!.name,
        assumed: line.assumption!.value,
        meanActual: line.meanActual!,
        variance: line.variance!,
      }))
      .sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance)),
  }
}
