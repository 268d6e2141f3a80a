import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { InitiativeForm } from '~/components/foundation/initiative-form'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { initiativeFormOptions } from '~/models/foundation/initiative-form.server'
import { InitiativeSchema } from '~/models/foundation/initiative.schema'
import { createInitiative } from '~/models/foundation/initiative.server'
import { db } from '~/utils/db.server'
import { constraintsOf, parseForm } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'

const constraints = constraintsOf(InitiativeSchema)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'initiative:create')
  return { ...(await initiativeFormOptions(db)), canAssignLead: user.role === 'admin' }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'initiative:create')
  const locale = await getUserLocale(request)
  const form = parseForm(InitiativeSchema, await request.formData(), locale)
  if (!form.ok) return refuse(locale, form)
  try {
    const created = await createInitiative(db, user, form.data)
    return redirectWithToast(`/initiatives/${created.id}`, { kind: 'success', message: 'initiative.created' })
  } catch (error) {
    return refuse(locale, error)
  }
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
        constraints={constraints}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        submitLabel={t('action.create')}
      />
    </section>
  )
}
