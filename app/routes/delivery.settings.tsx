import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, TextField } from '~/components/forms'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { DeliverySettingsSchema } from '~/models/delivery/delivery.schema'
import { invalidForm } from '~/models/delivery/respond.server'
import { listDeliverySettings, saveDeliverySettings } from '~/models/delivery/settings.server'
import { db } from '~/utils/db.server'
import { constraintsOf, parseForm } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

const constraints = constraintsOf(DeliverySettingsSchema)

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
  if (!form.ok) return invalidForm(programId, form)
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
                <TextField
                  label={t('delivery.settings.frameHours')}
                  name="frame_hours"
                  type="number"
                  constraints={{ ...constraints.frame_hours, step: 0.5 }}
                  defaultValue={program.frame_hours}
                  errors={errors?.fieldErrors}
                />
                <TextField
                  label={t('delivery.settings.designDays')}
                  name="design_working_days"
                  type="number"
                  constraints={{ ...constraints.design_working_days, step: 1 }}
                  defaultValue={program.design_working_days}
                  errors={errors?.fieldErrors}
                />
                <TextField
                  label={t('delivery.settings.pilotWeeks')}
                  name="pilot_weeks"
                  type="number"
                  constraints={{ ...constraints.pilot_weeks, step: 1 }}
                  defaultValue={program.pilot_weeks}
                  errors={errors?.fieldErrors}
                />
                <TextField
                  label={t('delivery.settings.sprintDays')}
                  name="sprint_length_days"
                  type="number"
                  constraints={{ ...constraints.sprint_length_days, step: 1 }}
                  defaultValue={program.sprint_length_days}
                  errors={errors?.fieldErrors}
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
