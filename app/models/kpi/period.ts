import type { KpiCadence } from '~/models/kpi/tables'
import {
  addDays,
  endOfMonth,
  startOfMonthAfter,
  sundayOnOrAfter,
  toEpochDay,
  weekday,
} from '~/utils/calendar'

// Periods are identified by their last day ('YYYY-MM-DD', UTC calendar): any day for daily KPIs, a
// Sunday for weekly ones (ISO weeks end on Sunday), the month's last day for monthly ones. Pure
// functions shared by the browser and the server.

/** Whether a date is a valid period end for this cadence. */
export function isPeriodEnd(iso: string, cadence: KpiCadence) {
  // Date.parse rolls 2026-02-30 over to March 2, so only the weekly and monthly checks reject it.
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) return false
  if (cadence === 'weekly') return weekday(iso) === 0
  if (cadence === 'monthly') return endOfMonth(iso) === iso
  return true
}

/** The end of the period containing this day. */
export function periodEndOf(iso: string, cadence: KpiCadence) {
  if (cadence === 'weekly') return sundayOnOrAfter(iso)
  if (cadence === 'monthly') return endOfMonth(iso)
  return iso
}

/** The end of the period after the one ending on `iso`. */
export function nextPeriodEnd(iso: string, cadence: KpiCadence) {
  if (cadence === 'daily') return addDays(iso, 1)
  if (cadence === 'weekly') return addDays(iso, 7)
  return endOfMonth(startOfMonthAfter(iso, 1))
}

/** A running index of periods (consecutive periods differ by 1), used to shift series by k periods. */
export function periodIndex(iso: string, cadence: KpiCadence) {
  const end = periodEndOf(iso, cadence)
  if (cadence === 'daily') return toEpochDay(end)
  if (cadence === 'weekly') return Math.round(toEpochDay(end) / 7)
  const [year, month] = end.split('-').map(Number) as [number, number]
  return year * 12 + month - 1
}

const CADENCE_ORDER: Record<KpiCadence, number> = { daily: 0, weekly: 1, monthly: 2 }

/** The coarser of two cadences: two series are compared on the periods of the coarser one. */
export function coarserCadence(a: KpiCadence, b: KpiCadence): KpiCadence {
  return CADENCE_ORDER[a] >= CADENCE_ORDER[b] ? a : b
}
