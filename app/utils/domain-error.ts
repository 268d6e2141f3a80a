import type { Locale } from '~/i18n/locales'
import { translate, type MessageKey, type MessageVars } from '~/i18n/translate'

// The one way a model refuses a request: a catalogue key (what the user reads, in their language), its
// variables, the form field it belongs to (so the message lands next to it) and the HTTP status of the
// answer — 400 unless the request was fine but the record's state forbids it (409), the user may not do
// it (403), or the record is not there (404). Routes turn it into a response with `refuse`
// (~/utils/refuse.server); models never build responses.

export type DomainErrorOptions = {
  params?: MessageVars
  field?: string
  status?: 400 | 403 | 404 | 409 | 410
}

export class DomainError extends Error {
  readonly code: MessageKey
  readonly params: MessageVars | undefined
  readonly field: string | undefined
  readonly status: 400 | 403 | 404 | 409 | 410

  constructor(code: MessageKey, { params, field, status = 400 }: DomainErrorOptions = {}) {
    super(code)
    this.name = 'DomainError'
    this.code = code
    this.params = params
    this.field = field
    this.status = status
  }
}

/** A DomainError (of one of `codes`, when given): for the few callers that answer one refusal their own way. */
export function isDomainError(error: unknown, ...codes: MessageKey[]): error is DomainError {
  return error instanceof DomainError && (codes.length === 0 || codes.includes(error.code))
}

/** The sentence the user reads for a refusal. */
export function translateDomainError(locale: Locale, error: DomainError): string {
  return translate(locale, error.code, error.params)
}
