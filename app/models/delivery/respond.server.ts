import { data } from '@remix-run/node'
import type { Locale } from '~/i18n/locales'
import { translate } from '~/i18n/translate'
import type { FieldErrors } from '~/utils/forms'
import { DeliveryError } from './errors'

// Failed delivery actions answer 400 with the errors of the form that was sent (`intent`), so a page with
// several forms shows them next to the right one.

export type DeliveryActionData = { intent: string; fieldErrors: FieldErrors; formError: string | null }

export function invalidForm(intent: string, form: { fieldErrors: FieldErrors; formError?: string }) {
  return data<DeliveryActionData>(
    { intent, fieldErrors: form.fieldErrors, formError: form.formError ?? null },
    { status: 400 },
  )
}

/** A refused action (DeliveryError) as a 400; anything else is rethrown. */
export function refusal(intent: string, locale: Locale, error: unknown) {
  if (!(error instanceof DeliveryError)) throw error
  const message = translate(locale, error.key)
  return data<DeliveryActionData>(
    {
      intent,
      fieldErrors: error.field === '_form' ? {} : { [error.field]: [message] },
      formError: message,
    },
    { status: 400 },
  )
}
