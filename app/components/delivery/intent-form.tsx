import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormError } from '~/components/forms'
import type { FieldErrors } from '~/utils/forms'

// A small form of a page with several: posts its `intent` and shows only its own errors.

export type ActionErrors = { intent: string; fieldErrors: FieldErrors; formError: string | null } | undefined

export function errorsFor(actionData: ActionErrors, intent: string) {
  return actionData?.intent === intent ? actionData : undefined
}

export function IntentForm({
  intent,
  title,
  actionData,
  children,
}: {
  intent: string
  title: string
  actionData: ActionErrors
  children: ReactNode
}) {
  const mine = errorsFor(actionData, intent)
  const id = `form-${intent}`
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <FormError message={mine?.formError} />
        {children}
      </Form>
    </section>
  )
}
