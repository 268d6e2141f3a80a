import type { KpiCadence } from '~/models/kpi/tables'

// Periods are identified by their last day ('YYYY-MM-DD', UTC calendar): any day for daily KPIs, a
// Sunday for weekly ones (ISO weeks end on Sunday), the month's last day for monthly ones. Pure
// functions shared by the browser and the server.

const DAY_MS = 86_400_000

export function toDay(iso: string) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)
}

export function fromDay(day: number) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number) {
  return fromDay(toDay(iso) + days)
}

function monthEnd(year: number, month: number) {
  // month is 0-based; day 0 of the next month is this month's last day.
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10)
}

/** Whether a date is a valid period end for this cadence. */
export function isPeriodEnd(iso: string, cadence: KpiCadence) {
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return false
  if (cadence === 'weekly') return date.getUTCDay() === 0
  if (cadence === 'monthly') return monthEnd(date.getUTCFullYear(), date.getUTCMonth()) === iso
  return true
}

/** The end of the period containing this day. */
export function periodEndOf(iso: string, cadence: KpiCadence) {
  const date = new Date(`${iso}T00:00:00Z`)
  if (cadence === 'weekly') return addDays(iso, (7 - date.getUTCDay()) % 7)
  if (cadence === 'monthly') return monthEnd(date.getUTCFullYear(), date.getUTCMonth())
  return iso
}

/** The end of the period after the one ending on `iso`. */
export function nextPeriodEnd(iso: string, cadence: KpiCadence) {
  if (cadence === 'daily') return addDays(iso, 1)
  if (cadence === 'weekly') return addDays(iso, 7)
  const date = new Date(`${iso}T00:00:00Z`)
  return monthEnd(date.getUTCFullYear(), date.getUTCMonth() + 1)
}

/** A running index of periods (consecutive periods differ by 1), used to shift series by k periods. */
export function periodIndex(iso: string, cadence: KpiCadence) {
  const end = periodEndOf(iso, cadence)
  if (cadence === 'daily') return toDay(end)
  if (cadence === 'weekly') return Math.round(toDay(end) / 7)
  const date = new Date(`${end}T00:00:00Z`)
  return date.getUTCFullYear() * 12 + date.getUTCMonth()
}

const CADENCE_ORDER: Record<KpiCadence, number> = { daily: 0, weekly: 1, monthly: 2 }

/** The coarser of two cadences: two series are compared on the periods of the coarser one. */
export function coarserCadence(a: KpiCadence, b: KpiCadence): KpiCadence {
  return CADENCE_ORDER[a] >= CADENCE_ORDER[b] ? a : b
}

export function todayIso(now = new Date()) {
  return now.toISOString().slice(0, 10)
}
