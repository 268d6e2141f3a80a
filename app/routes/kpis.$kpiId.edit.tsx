import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { KpiForm } from '~/components/kpi/kpi-form'
import { useKpiName } from '~/components/kpi/kpi-ui'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { requireEditableKpi } from '~/models/kpi/guard.server'
import { KpiSchema } from '~/models/kpi/kpi.schema'
import { kpiFormOptions, listTargets, updateKpi } from '~/models/kpi/kpi.server'
import { kpiInputErrors, targetsText } from '~/models/kpi/form.server'
import { db } from '~/utils/db.server'
import { constraintsOf, parseForm } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'

const constraints = constraintsOf(KpiSchema)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'kpi:edit')
  const kpi = await requireEditableKpi(user, params.kpiId)
  const [options, targets] = await Promise.all([
    kpiFormOptions(db, user, {
      programId: kpi.program_id,
      initiativeId: kpi.initiative_id,
      exceptId: kpi.id,
    }),
    listTargets(db, [kpi.id]),
  ])
  return { kpi: { ...kpi, targets: targetsText(targets.get(kpi.id) ?? []) }, ...options }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'kpi:edit')
  const kpi = await requireEditableKpi(user, params.kpiId)
  const locale = await getUserLocale(request)
  const form = parseForm(KpiSchema, await request.formData(), locale)
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: form.formError }, { status: 400 })
  try {
    await updateKpi(db, user, kpi, form.data)
    return redirectWithToast(`/kpis/${kpi.id}`, { kind: 'success', message: 'kpi.updated' })
  } catch (error) {
    const fieldErrors = kpiInputErrors(error, locale)
    if (!fieldErrors) throw error
    return data({ fieldErrors, formError: null }, { status: 400 })
  }
}

export default function EditKpiPage() {
  const { kpi, parents, owners } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const name = useKpiName()
  return (
    <section className="narrow">
      <PageHeader title={t('kpi.editTitle')} subtitle={name(kpi)} />
      <KpiForm
        values={kpi}
        parents={parents}
        owners={owners}
        constraints={constraints}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        submitLabel={t('action.save')}
      />
    </section>
  )
}
