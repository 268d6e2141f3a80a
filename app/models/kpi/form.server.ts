import type { Locale } from '~/i18n/locales'
import { translate } from '~/i18n/translate'
import type { FieldErrors } from '~/utils/forms'
import { KpiInputError } from './kpi.server'

/** A KpiInputError as field errors in the user's language; null for any other error. */
export function kpiInputErrors(error: unknown, locale: Locale): FieldErrors | null {
  if (!(error instanceof KpiInputError)) return null
  return { [error.field]: [translate(locale, error.messageKey)] }
}

/** Targets as the form's textarea shows them. */
export function targetsText(targets: readonly { period_end: string; value: number }[]) {
  return targets.map((target) => `${target.period_end}, ${target.value}`).join('\n')
}
