import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { getUserLocale, requirePermission, type AuthUser } from '~/auth/session.server'
import { KpiForm } from '~/components/kpi/kpi-form'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { requireEditableInitiative } from '~/models/foundation/initiative-guard.server'
import { KpiSchema } from '~/models/kpi/kpi.schema'
import { createKpi, kpiFormOptions } from '~/models/kpi/kpi.server'
import { getProgram } from '~/models/foundation/program.server'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { parseSubmission } from '~/utils/forms'
import { forbidden, notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

/** Where the new KPI goes: an initiative the user leads (?initiative=) or, for admins, a program (?program=). */
async function requireScope(request: Request, user: AuthUser) {
  const url = new URL(request.url)
  const initiativeId = url.searchParams.get('initiative')
  if (initiativeId) {
    const initiative = await requireEditableInitiative(user, initiativeId)
    return { programId: initiative.program_id, initiativeId: initiative.id, label: initiative.name }
  }
  const programId = url.searchParams.get('program')
  const program = z.uuid().safeParse(programId).success ? await getProgram(db, programId!) : null
  if (!program) notFound()
  if (!can(user.role, 'initiative:edit-any')) forbidden()
  return { programId: program.id, initiativeId: null, label: program.name }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'kpi:edit')
  const scope = await requireScope(request, user)
  return { scope, ...(await kpiFormOptions(db, user, scope)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'kpi:edit')
  const scope = await requireScope(request, user)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  return saveOnce(db, { request, user, formData, form: 'kpi' }, async () => {
    const submission = parseSubmission(formData, KpiSchema, locale)
    // A target row added or removed without JavaScript comes back here too: the form again, nothing saved.
    if (submission.status !== 'success') return refuseSubmission(locale, submission)
    try {
      const created = await createKpi(db, user, scope, submission.value)
      return redirectWithToast(`/kpis/${created.id}`, { kind: 'success', message: 'kpi.created' })
    } catch (error) {
      return refuseSubmission(locale, submission, error)
    }
  })
}

export default function NewKpiPage() {
  const { scope, parents, owners } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader
        title={t('kpi.new')}
        subtitle={scope.initiativeId ? scope.label : `${scope.label} · ${t('kpi.programLevel')}`}
      />
      <KpiForm
        parents={parents}
        owners={owners}
        lastResult={actionData?.result}
        submitLabel={t('action.create')}
      />
    </section>
  )
}
