import { daysBetween, todayIn } from './calendar'
import { DomainError } from './domain-error'

// A date far from today (a sprint starting in 2020, a due date in 1999) is refused next to its field
// with a warning, and accepted when the form says the far date is meant (`confirm_far_date`).

export function checkDateWindow(
  date: string,
  window: { timezone: string; days: number },
  confirmed: boolean,
  field: string,
) {
  if (confirmed) return
  const today = todayIn(window.timezone)
  if (Math.abs(daysBetween(today, date)) > window.days)
    throw new DomainError('errors.dateOutsideWindow', { field, params: { days: window.days, today } })
}
