import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'
import { ProgramSchema } from '~/models/foundation/program.schema'
import { FormActions, FormError, FormFields, useSchemaForm } from '../forms'

export type ProgramFormValues = {
  name: string
  description: string
  reporting_timezone: string
  date_window_days: number
}

export function ProgramForm({
  values,
  lastResult,
  submitLabel,
}: {
  values?: ProgramFormValues
  lastResult?: SubmissionResult<string[]> | null
  submitLabel: string
}) {
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(ProgramSchema, {
    lastResult,
  })
  return (
    <Form method="post" className="card form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <FormFields
        initial={initial}
        constraints={constraints}
        errors={errors}
        fields={[
          { name: 'name', label: t('program.name'), defaultValue: values?.name },
          {
            control: 'textarea',
            name: 'description',
            label: t('program.description'),
            defaultValue: values?.description,
          },
          {
            name: 'reporting_timezone',
            label: t('program.timezone'),
            hint: t('program.timezoneHint'),
            defaultValue: values?.reporting_timezone ?? 'UTC',
          },
          {
            name: 'date_window_days',
            type: 'number',
            label: t('program.dateWindow'),
            hint: t('program.dateWindowHint'),
            defaultValue: String(values?.date_window_days ?? 365),
          },
        ]}
      />
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
