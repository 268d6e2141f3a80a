import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'
import type { Constraints, FieldErrors } from '~/utils/forms'
import { FormActions, FormError, FormFields } from '../forms'

export type ProgramFormValues = { name: string; description: string; reporting_timezone: string }

export function ProgramForm({
  values,
  constraints,
  fieldErrors,
  formError,
  submitLabel,
}: {
  values?: ProgramFormValues
  constraints: Record<string, Constraints>
  fieldErrors?: FieldErrors | null
  formError?: string | null
  submitLabel: string
}) {
  const t = useT()
  return (
    <Form method="post" className="card form-grid">
      <FormError message={formError} />
      <FormFields
        constraints={constraints}
        errors={fieldErrors}
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
        ]}
      />
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
