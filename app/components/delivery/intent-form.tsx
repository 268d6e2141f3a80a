import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { FormKeyField, useFormKey } from '~/components/form-key'
import { FormError, useSchemaForm } from '~/components/forms'

// A small form of a page with several, on conform: it posts its intent, is checked in the browser by the
// schema the action parses that intent with, and shows only its own answer.

/** The page's action answer: which form it answers (the intent posted) and conform's result for it. */
export type IntentReply =
  { intent: string | null; result?: SubmissionResult<string[]> | null } | null | undefined

/** The action's answer for the form that posts one of `intents`, when it answered that form. */
export function resultFor(actionData: IntentReply, intents: readonly string[]) {
  return actionData?.intent && intents.includes(actionData.intent) ? actionData.result : null
}

/** What the form's fields take: `field(name)` gives a control its name, errors, constraints and posted value. */
export type IntentFormFields = Pick<ReturnType<typeof useSchemaForm>, 'field'>

/**
 * Remounted with the root's form key, which changes after every save: a saved form comes back empty
 * (or with its new defaults), never with the draft just saved; the key also makes a double submit save once.
 */
export function IntentForm(props: Parameters<typeof IntentFormBody>[0]) {
  return <IntentFormBody key={useFormKey()} {...props} />
}

function IntentFormBody({
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
  const { formProps, field, formError, formErrorId } = useSchemaForm(schema, {
    id: `${intent}-form`,
    lastResult: resultFor(actionData, buttons ?? [intent]),
    defaultValue,
  })
  const titleId = `form-${intent}`
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <Form method="post" className="form-grid" {...formProps}>
        {buttons ? null : <input type="hidden" name="intent" value={intent} />}
        <FormKeyField />
        <FormError message={formError} id={formErrorId} />
        {children({ field })}
      </Form>
    </section>
  )
}
