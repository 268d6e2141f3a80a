import { useRouteLoaderData } from '@remix-run/react'
import { FORM_KEY } from '~/utils/forms'

// A create form's idempotency key (form-submission.server.ts): the root loader issues a fresh one
// after every save, so a double submit posts the same key twice and the next record a new one.

type RootFormKeyData = { formKey: string }

/** The current render's key; also the React key that remounts a create form (cleared) after a save. */
export function useFormKey(): string {
  return useRouteLoaderData<RootFormKeyData>('root')?.formKey ?? ''
}

export function FormKeyField() {
  const formKey = useFormKey()
  return formKey ? <input type="hidden" name={FORM_KEY} value={formKey} /> : null
}
