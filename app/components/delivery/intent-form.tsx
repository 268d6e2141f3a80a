import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { FormError, useSchemaForm } from '~/components/forms'
import type { Constraints, FieldErrors } from '~/utils/forms'

// A small form of a page with several, on conform: it posts its intent, is checked in the browser by the
// schema the action parses that intent with, and shows only its own answer.

/** The page's action answer: which form it answers (the intent posted) and conform's result for it. */
export type IntentReply = { intent: string; result?: SubmissionResult<string[]> } | null | undefined

/**
 * conform keeps a form's last answer until it is given another, so a form the action did not answer
 * this time is given this one: no errors (the page has moved on: another form was saved or refused).
 * Unlike a reset, it leaves what was typed in the form alone.
 */
const NOT_ANSWERED: SubmissionResult<string[]> = { error: {} }

/** The result for the form that posts one of `intents`: the action's, when it answered that form. */
export function resultFor(actionData: IntentReply, intents: readonly string[]) {
  return (actionData && intents.includes(actionData.intent) ? actionData.result : null) ?? NOT_ANSWERED
}

/** The fields' errors and HTML constraints, and the value each starts with (what was posted, after a refusal). */
export type IntentFormFields = {
  errors: FieldErrors | null
  constraints: Record<string, Constraints>
  initial: (name: string) => string | string[] | undefined
}

export function IntentForm({
  intent,
  buttons,
  title,
  schema,
  defaultValue,
  actionData,
  children,
}: {
  /** Names the form; posted in a hidden field unless the submit buttons post their own `buttons` intents. */
  intent: string
  buttons?: readonly string[]
  title: string
  schema: z.ZodObject
  defaultValue?: Record<string, string>
  actionData: IntentReply
  children: (fields: IntentFormFields) => ReactNode
}) {
  const { fields, formProps, constraints, errors, formError } = useSchemaForm(schema, {
    id: `${intent}-form`,
    lastResult: resultFor(actionData, buttons ?? [intent]),
    defaultValue,
  })
  const initial = (name: string) => {
    const value = fields[name]?.initialValue
    if (typeof value === 'string') return value
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined
  }
  const titleId = `form-${intent}`
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <Form method="post" className="form-grid" {...formProps}>
        {buttons ? null : <input type="hidden" name="intent" value={intent} />}
        <FormError message={formError} />
        {children({ errors, constraints, initial })}
      </Form>
    </section>
  )
}
