import { replyTo } from './forms'
import type { Submission } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { Locale } from '~/i18n/locales'
import { translate } from '~/i18n/translate'
import { DomainError, translateDomainError } from './domain-error'
import type { FieldErrors } from './forms'
import { notFound } from './http.server'

// The one answer to a refused form: what `parseForm` rejected or a model refused (DomainError) becomes
// `{ fieldErrors, formError, ...extra }` with the error's status — the shape every form reads. A message
// that belongs to a field sits next to it and the form says "correct the highlighted fields", as for a
// value the schema rejected; any other message is the form's. A refusal with status 404 is a missing
// record, not a form answer: it throws the not-found response. Anything else is rethrown.

export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: string }

// A thrown Response (forbidden(), notFound()) has `ok: false` too: only a parse result has fieldErrors.
function isFormFailure(value: unknown): value is FormFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Response) &&
    'ok' in value &&
    value.ok === false &&
    'fieldErrors' in value
  )
}

/** A message for one field, as a parse failure puts it. */
export function fieldFailure(locale: Locale, field: string, message: string): FormFailure {
  return { ok: false, fieldErrors: { [field]: [message] }, formError: translate(locale, 'errors.form') }
}

function failureOf(locale: Locale, error: DomainError): FormFailure {
  const message = translateDomainError(locale, error)
  return error.field
    ? fieldFailure(locale, error.field, message)
    : { ok: false, fieldErrors: {}, formError: message }
}

function statusOf(error: DomainError) {
  if (error.status === 404) notFound()
  return error.status
}

/**
 * The route's answer to a failed `parseForm` result or a caught error. `extra` carries the other keys of
 * the route's action data (its `intent`, nulls for what a success would return).
 */
export function refuse<Extra extends Record<string, unknown> = Record<never, never>>(
  locale: Locale,
  failure: FormFailure | unknown,
  extra?: Extra,
) {
  const status = failure instanceof DomainError ? statusOf(failure) : 400
  const form = failure instanceof DomainError ? failureOf(locale, failure) : failure
  if (!isFormFailure(form)) throw failure
  return data(
    { ...(extra as Extra), fieldErrors: form.fieldErrors, formError: form.formError ?? null },
    { status },
  )
}

/**
 * The answer to a conform submission (`parseSubmission` in ~/utils/forms) that is not saved. Without an
 * error: a list intent (a row added or removed without JavaScript: the form again, 200) or the
 * submission's own errors (400). With a DomainError: its message as the field's or the form's error,
 * with its status. The answer is `replyTo`'s (conform's result, plus the errors by dotted field name),
 * with `extra` beside it (the `intent` that tells a page with several forms which one answered).
 */
export function refuseSubmission<Extra extends Record<string, unknown> = Record<never, never>>(
  locale: Locale,
  submission: Submission<unknown, string[], unknown>,
  error?: unknown,
  extra?: Extra,
) {
  if (error === undefined)
    return data(
      { ...(extra as Extra), ...replyTo(submission, locale) },
      { status: submission.status === 'error' ? 400 : 200 },
    )
  if (!(error instanceof DomainError)) throw error
  const status = statusOf(error)
  const message = translateDomainError(locale, error)
  const refusal = error.field ? { fieldErrors: { [error.field]: [message] } } : { formError: message }
  return data({ ...(extra as Extra), ...replyTo(submission, locale, refusal) }, { status })
}
