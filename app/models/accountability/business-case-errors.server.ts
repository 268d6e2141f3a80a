import type { Locale } from '~/i18n/locales'
import { DomainError, translateDomainError } from '~/utils/domain-error'

/**
 * @deprecated Only initiatives.$initiativeId.case.edit still reads refusals this way; when it answers
 * with `refuse` (~/utils/refuse.server) like every other route, delete this file.
 */
export function caseStateErrors(error: unknown, locale: Locale): string | null {
  return error instanceof DomainError ? translateDomainError(locale, error) : null
}
