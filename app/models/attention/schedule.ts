import { addDays, daysBetween, weekday } from '~/utils/calendar'
import type { AttentionItem, AttentionKind } from './kinds'
import { DECISION_DAYS } from './kinds'
import type { ReminderStage } from './tables'

// The scheduler's pure calculations: a moment read in a zone, quiet hours, reminder stages and the
// periods digests and reports are keyed by. No database here, so a test can give any clock.

/** Which reminders each kind gets before (and after) its due day; a kind not listed gets none. */
export const REMINDER_STAGES: Partial<Record<AttentionKind, readonly ReminderStage[]>> = {
  'governance.review_due': ['7d', '1d', 'due', 'overdue'],
  'kpi.checkin_due': ['7d', '1d', 'due', 'overdue'],
  'kpi.stale': ['overdue'],
  'sprint.ending': ['1d', 'due'],
  // A decision has no date of its own: it is due DECISION_DAYS after it was asked for.
  'case.submitted': ['1d', 'due', 'overdue'],
  'gate.requested': ['1d', 'due', 'overdue'],
}
/** Reminders after which an item still ignored appears in its initiative's sponsor's weekly brief. */
export const ESCALATE_AFTER = 2
/** The weekly digest and brief go out on this weekday (1 = Monday), from the person's digest hour. */
export const WEEKLY_ON = 1

export type LocalClock = { date: string; hour: number; minute: number }

/** A moment as the wall clock of `zone` shows it. */
export function localClock(zone: string, at: Date): LocalClock {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
  }
}

export type QuietHours = { from: number | null; to: number | null }

/** Whether a local hour falls in quiet hours [from, to) (which may wrap past midnight). */
export function isQuietHour(hour: number, { from, to }: QuietHours) {
  if (from === null || to === null || from === to) return false
  return from < to ? hour >= from && hour < to : hour >= from || hour < to
}

const QUARTER = 15 * 60_000

/** The first moment from `at` outside quiet hours (`at` itself when it is not quiet). */
export function afterQuietHours(zone: string, at: Date, quiet: QuietHours) {
  if (!isQuietHour(localClock(zone, at).hour, quiet)) return at
  // Zones differ from UTC by whole quarters of an hour: stepping by quarters meets the local hour's start.
  let t = Math.ceil(at.getTime() / QUARTER) * QUARTER
  for (let step = 0; step < 24 * 4 + 1 && isQuietHour(localClock(zone, new Date(t)).hour, quiet); step++)
    t += QUARTER
  return new Date(t)
}

/** The day an item is due for its reminders, if it has one. */
export function reminderDueOn(item: Pick<AttentionItem, 'kind' | 'dueOn' | 'since'>, zone: string) {
  if (item.dueOn) return item.dueOn
  if (item.kind === 'case.submitted' || item.kind === 'gate.requested')
    return addDays(localClock(zone, item.since).date, DECISION_DAYS)
  return null
}

/** The reminder stage an item is at on `today`, if its kind has reminders at that stage. */
export function reminderStage(kind: AttentionKind, dueOn: string, today: string): ReminderStage | null {
  const days = daysBetween(today, dueOn)
  const stage: ReminderStage | null =
    days < 0 ? 'overdue' : days === 0 ? 'due' : days <= 1 ? '1d' : days <= 7 ? '7d' : null
  return stage && REMINDER_STAGES[kind]?.includes(stage) ? stage : null
}

/** The Monday starting the week of a date (a weekly digest's or report's period key). */
export function weekOf(date: string) {
  return addDays(date, -((weekday(date) + 6) % 7))
}

/**
 * The period a digest for this local clock belongs to, once it is due: a daily digest from its hour,
 * a weekly one from its hour on WEEKLY_ON (and for the rest of that week, should the server have been
 * down). Null: not due yet.
 */
export function digestPeriod(frequency: 'daily' | 'weekly', hour: number, clock: LocalClock) {
  if (frequency === 'daily') return clock.hour >= hour ? clock.date : null
  const monday = weekOf(clock.date)
  const dayOfWeek = daysBetween(monday, clock.date) + 1
  if (dayOfWeek < WEEKLY_ON || (dayOfWeek === WEEKLY_ON && clock.hour < hour)) return null
  return `W${monday}`
}
