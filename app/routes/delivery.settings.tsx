import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { resultFor } from '~/components/delivery/intent-form'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import type { MessageKey } from '~/i18n/translate'
import { DeliverySettingsSchema, type DeliverySettingsInput } from '~/models/delivery/delivery.schema'
import { listDeliverySettings, saveDeliverySettings } from '~/models/delivery/settings.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// Frame time is set in half hours; the others in whole days or weeks.
const SETTINGS = [
  { name: 'frame_hours', label: 'delivery.settings.frameHours', step: 0.5 },
  { name: 'design_working_days', label: 'delivery.settings.designDays', step: 1 },
  { name: 'pilot_weeks', label: 'delivery.settings.pilotWeeks', step: 1 },
  { name: 'sprint_length_days', label: 'delivery.settings.sprintDays', step: 1 },
] as const satisfies { name: keyof DeliverySettingsInput; label: MessageKey; step: number }[]

type Budget = (typeof SETTINGS)[number]['name']

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'program:manage')
  return { programs: await listDeliverySettings(db) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'program:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  // Each program has its own form: the program answered is the one whose form shows the errors.
  const intent = String(formData.get('program_id') ?? '')
  const submission = parseSubmission(formData, DeliverySettingsSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
  if (!(await saveDeliverySettings(db, user, submission.value))) notFound()
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
      {programs.map((program) => (
        <section className="card" key={program.id} aria-labelledby={`program-${program.id}`}>
          <h2 id={`program-${program.id}`}>
            {program.name}{' '}
            <Badge tone={program.customised ? 'info' : 'neutral'}>
              {program.customised ? t('delivery.settings.customised') : t('delivery.settings.defaults')}
            </Badge>
          </h2>
          <BudgetsForm program={program} lastResult={resultFor(actionData, [program.id])} />
        </section>
      ))}
    </section>
  )
}

function BudgetsForm({
  program,
  lastResult,
}: {
  program: { id: string } & Record<Budget, number>
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    DeliverySettingsSchema,
    {
      id: `budgets-${program.id}`,
      lastResult,
      defaultValue: Object.fromEntries(SETTINGS.map(({ name }) => [name, String(program[name])])),
    },
  )
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="program_id" value={program.id} />
      <div className="field-row">
        <FormFields
          constraints={constraints}
          errors={errors}
          fields={SETTINGS.map(({ name, label, step }) => ({
            name,
            label: t(label),
            type: 'number',
            step,
            defaultValue: initial(name),
          }))}
        />
      </div>
      <FormActions>
        <button type="submit">{t('action.save')}</button>
      </FormActions>
    </Form>
  )
}
