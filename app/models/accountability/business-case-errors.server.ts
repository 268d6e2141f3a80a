import type { Locale } from '~/i18n/locales'
import { translate } from '~/i18n/translate'
import { CaseStateError } from './business-case.server'

/** A workflow refusal (locked, not pending, own case…) as a sentence in the user's language. */
export function caseStateErrors(error: unknown, locale: Locale): string | null {
  if (!(error instanceof CaseStateError)) return null
  return translate(locale, `accountability.errors.${error.code}`)
}
