import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { BusinessCaseForm, caseDefaults } from '~/components/accountability/business-case-form'
import { useT } from '~/i18n/react'
import { BusinessCaseSchema } from '~/models/accountability/business-case.schema'
import { getCase, listKpiChoices, saveCase } from '~/models/accountability/business-case.server'
import { requireEditableInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'business-case:edit')
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const [businessCase, kpis] = await Promise.all([getCase(db, initiative.id), listKpiChoices(db, initiative)])
  return {
    businessCase,
    kpis,
    version: businessCase?.version ?? null,
    status: businessCase?.status ?? null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'business-case:edit')
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  return saveOnce(db, { request, user, formData, form: 'business-case' }, async () => {
    const submission = parseSubmission(formData, BusinessCaseSchema, locale)
    // A row added or removed without JavaScript comes back here too: the form again, nothing saved.
    if (submission.status !== 'success') return refuseSubmission(locale, submission)
    try {
      const saved = await saveCase(db, user, initiative, submission.value)
      return redirectWithToast(`/initiatives/${initiative.id}/case`, {
        kind: 'success',
        message: 'accountability.toast.saved',
        vars: { version: saved.version },
      })
    } catch (error) {
      return refuseSubmission(locale, submission, error)
    }
  })
}

export default function EditBusinessCasePage() {
  const { businessCase, kpis, version, status } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  // Only a never-submitted draft is edited in place; a reviewed version stays as the sponsor saw it.
  const startsNewVersion = status !== null && status !== 'draft'
  return (
    <section>
      <h2>{businessCase ? t('accountability.editCase') : t('accountability.startCase')}</h2>
      {status === 'submitted' ? (
        <p className="form-error" role="alert">
          {t('accountability.errors.locked')}
        </p>
      ) : (
        <BusinessCaseForm
          defaultValue={caseDefaults(businessCase)}
          kpis={kpis}
          lastResult={actionData?.result}
          notice={
            startsNewVersion && version
              ? t('accountability.startsNewVersion', { version, next: version + 1 })
              : undefined
          }
        />
      )}
    </section>
  )
}
