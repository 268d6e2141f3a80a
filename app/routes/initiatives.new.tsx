import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { InitiativeForm } from '~/components/foundation/initiative-form'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { initiativeFormOptions } from '~/models/foundation/initiative-form.server'
import { InitiativeSchema } from '~/models/foundation/initiative.schema'
import { createInitiative } from '~/models/foundation/initiative.server'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'initiative:create')
  return { ...(await initiativeFormOptions(db)), canAssignLead: user.role === 'admin' }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'initiative:create')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  return saveOnce(db, { request, user, formData, form: 'initiative' }, async () => {
    const submission = parseSubmission(formData, InitiativeSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission)
    try {
      const created = await createInitiative(db, user, submission.value)
      return redirectWithToast(`/initiatives/${created.id}`, {
        kind: 'success',
        message: 'initiative.created',
      })
    } catch (error) {
      return refuseSubmission(locale, submission, error)
    }
  })
}

export default function NewInitiativePage() {
  const options = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('initiative.new')} />
      <InitiativeForm
        {...options}
        values={{ program_id: searchParams.get('program') ?? undefined }}
        lastResult={actionData?.result}
        submitLabel={t('action.create')}
      />
    </section>
  )
}
