import type { Submission } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'

// The server's half of ConfirmButton (app/components/confirm-dialog.tsx): a destructive intent runs
// only with confirm=yes, which the dialog sets. Without it (no JavaScript, or a forged post) the action
// writes nothing and echoes the posted fields; the page then shows that form's confirmation step.

export function isConfirmed(formData: FormData) {
  return formData.get('confirm') === 'yes'
}

/**
 * The answer to a destructive post that was not confirmed (status 200: nothing is wrong yet). Given the
 * form's valid submission, the answer carries its values back (conform's reply) so that a form with
 * fields of its own (ConfirmSubmit) shows what was typed around its confirmation step.
 */
export function askConfirmation<Extra extends Record<string, unknown> = Record<never, never>>(
  formData: FormData,
  submission?: Submission<unknown, string[], unknown>,
  extra?: Extra,
) {
  const fields: Record<string, string> = {}
  for (const [name, value] of formData)
    if (typeof value === 'string' && name !== 'confirm') fields[name] = value
  // Shaped like a form answer (no errors, no result) so that pages read it as they read the others.
  return data(
    {
      ...(extra as Extra),
      confirmation: { fields },
      intent: fields.intent ?? null,
      result: submission ? submission.reply() : null,
      fieldErrors: null,
      formError: null,
    },
    { status: 200 },
  )
}
