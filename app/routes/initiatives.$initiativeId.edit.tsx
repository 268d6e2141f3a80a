import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { InitiativeForm } from '~/components/foundation/initiative-form'
import { useT } from '~/i18n/react'
import { initiativeFormOptions } from '~/models/foundation/initiative-form.server'
import { requireEditableInitiative } from '~/models/foundation/initiative-guard.server'
import { InitiativeSchema } from '~/models/foundation/initiative.schema'
import { updateInitiative } from '~/models/foundation/initiative.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  return { initiative, ...(await initiativeFormOptions(db)), canAssignLead: user.role === 'admin' }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), InitiativeSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  try {
    await updateInitiative(db, user, initiative.id, submission.value)
  } catch (error) {
    return refuseSubmission(locale, submission, error)
  }
  return redirectWithToast(`/initiatives/${initiative.id}`, { kind: 'success', message: 'toast.saved' })
}

export default function EditInitiativePage() {
  const { initiative, ...options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <h2>{t('initiative.edit')}</h2>
      <InitiativeForm
        {...options}
        values={initiative}
        lastResult={actionData?.result}
        submitLabel={t('action.save')}
      />
    </section>
  )
}
