import { replyTo } from './forms'
import type { Submission } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { Locale } from '~/i18n/locales'
import { translate } from '~/i18n/translate'
import { DomainError, translateDomainError } from './domain-error'
import { notFound } from './http.server'

// The one answer to a form that is not saved: what the form's schema rejected or a model refused
// (DomainError) goes back to the form on conform, with the error's status. A message that belongs to a
// field sits next to it, and the form says "correct the highlighted fields", as for a value the schema
// rejected; any other message is the form's. A refusal with status 404 is a missing record, not a form
// answer: it throws the not-found response. Anything else (a guard's Response, a crash) is rethrown.

function statusOf(error: DomainError) {
  if (error.status === 404) notFound()
  return error.status
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

/** 429 to a form past its throttle: the form's message says how long to wait, Retry-After says it to clients. */
export function refuseThrottled(
  locale: Locale,
  submission: Submission<unknown, string[], unknown>,
  retryAfter: number,
) {
  const formError = translate(locale, 'login.throttled', { minutes: Math.ceil(retryAfter / 60) })
  return data(replyTo(submission, locale, { formError }), {
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
  })
}
