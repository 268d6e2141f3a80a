import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, FormFields } from '~/components/forms'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import type { MessageKey } from '~/i18n/translate'
import { DeliverySettingsSchema, type DeliverySettingsInput } from '~/models/delivery/delivery.schema'
import { refuse } from '~/utils/refuse.server'
import { listDeliverySettings, saveDeliverySettings } from '~/models/delivery/settings.server'
import { db } from '~/utils/db.server'
import { constraintsOf, parseForm } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

const constraints = constraintsOf(DeliverySettingsSchema)
// Frame time is set in half hours; the others in whole days or weeks.
const SETTINGS = [
  { name: 'frame_hours', label: 'delivery.settings.frameHours', step: 0.5 },
  { name: 'design_working_days', label: 'delivery.settings.designDays', step: 1 },
  { name: 'pilot_weeks', label: 'delivery.settings.pilotWeeks', step: 1 },
  { name: 'sprint_length_days', label: 'delivery.settings.sprintDays', step: 1 },
] as const satisfies { name: keyof DeliverySettingsInput; label: MessageKey; step: number }[]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'program:manage')
  return { programs: await listDeliverySettings(db) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'program:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const form = parseForm(DeliverySettingsSchema, formData, locale)
  const programId = String(formData.get('program_id') ?? '')
  if (!form.ok) return refuse(locale, form, { intent: programId })
  if (!(await saveDeliverySettings(db, user, form.data))) notFound()
  return redirectWithToast('/delivery/settings', { kind: 'success', message: 'delivery.settings.saved' })
}

export default function DeliverySettingsPage() {
  const { programs } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('delivery.settings.title')} subtitle={t('delivery.settings.subtitle')} />
      {programs.length === 0 ? <EmptyState>{t('delivery.settings.none')}</EmptyState> : null}
      {programs.map((program) => {
        const errors = actionData?.intent === program.id ? actionData : undefined
        return (
          <section className="card" key={program.id} aria-labelledby={`program-${program.id}`}>
            <h2 id={`program-${program.id}`}>
              {program.name}{' '}
              <Badge tone={program.customised ? 'info' : 'neutral'}>
                {program.customised ? t('delivery.settings.customised') : t('delivery.settings.defaults')}
              </Badge>
            </h2>
            <Form method="post" className="form-grid" noValidate>
              <FormError message={errors?.formError} />
              <input type="hidden" name="program_id" value={program.id} />
              <div className="field-row">
                <FormFields
                  constraints={constraints}
                  errors={errors?.fieldErrors}
                  fields={SETTINGS.map(({ name, label, step }) => ({
                    name,
                    label: t(label),
                    type: 'number',
                    step,
                    defaultValue: program[name],
                  }))}
                />
              </div>
              <FormActions>
                <button type="submit">{t('action.save')}</button>
              </FormActions>
            </Form>
          </section>
        )
      })}
    </section>
  )
}
