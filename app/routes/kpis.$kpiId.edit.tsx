import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { KpiForm } from '~/components/kpi/kpi-form'
import { useKpiName } from '~/components/kpi/kpi-ui'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { requireEditableKpi } from '~/models/kpi/guard.server'
import { KpiSchema } from '~/models/kpi/kpi.schema'
import { kpiFormOptions, listTargets, updateKpi } from '~/models/kpi/kpi.server'
import { db } from '~/utils/db.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'

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
  return { kpi: { ...kpi, targets: targets.get(kpi.id) ?? [] }, ...options }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'kpi:edit')
  const kpi = await requireEditableKpi(user, params.kpiId)
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), KpiSchema, locale)
  // A target row added or removed without JavaScript comes back here too: the form again, nothing saved.
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  try {
    await updateKpi(db, user, kpi, submission.value)
    return redirectWithToast(`/kpis/${kpi.id}`, { kind: 'success', message: 'kpi.updated' })
  } catch (error) {
    return refuseSubmission(locale, submission, error)
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
        lastResult={actionData?.result}
        submitLabel={t('action.save')}
      />
    </section>
  )
}
