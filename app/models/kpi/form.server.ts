import type { Locale } from '~/i18n/locales'
import { DomainError, translateDomainError } from '~/utils/domain-error'
import type { FieldErrors } from '~/utils/forms'

/**
 * @deprecated Only kpis.new and kpis.$kpiId.edit still read refusals this way; when they answer with
 * `refuse` (~/utils/refuse.server) like every other route, delete this function.
 */
export function kpiInputErrors(error: unknown, locale: Locale): FieldErrors | null {
  if (!(error instanceof DomainError) || !error.field) return null
  return { [error.field]: [translateDomainError(locale, error)] }
}

/** Targets as the form's textarea shows them. */
export function targetsText(targets: readonly { period_end: string; value: number }[]) {
  return targets.map((target) => `${target.period_end}, ${target.value}`).join('\n')
}
