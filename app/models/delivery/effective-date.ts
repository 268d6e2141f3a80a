import { DomainError } from '~/utils/domain-error'

// Delivery actions happen on a day the lead may give after the fact (a Monday update of Friday's
// work): the effective day, today by default, never in the future (the program's today) and never
// before what it belongs to began. The audit row keeps when it was recorded and by whom.

export function effectiveDay(
  requested: string | undefined | null,
  today: string,
  notBefore: string,
  field = 'effective_on',
): string {
  // Without a given day the action is today's, kept within what it belongs to (a sprint started
  // before its planned first day counts from that day, as before).
  if (!requested) return today < notBefore ? notBefore : today
  const day = requested
  if (day > today) throw new DomainError('delivery.error.effectiveFuture', { field, params: { today } })
  if (day < notBefore)
    throw new DomainError('delivery.error.effectiveBefore', { field, params: { date: notBefore } })
  return day
}
