import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'
import type { Constraints, FieldErrors } from '~/utils/forms'
import { FormActions, FormError, TextAreaField, TextField } from './forms'

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
      <TextField
        label={t('program.name')}
        name="name"
        defaultValue={values?.name}
        constraints={constraints.name}
        errors={fieldErrors}
      />
      <TextAreaField
        label={t('program.description')}
        name="description"
        defaultValue={values?.description}
        constraints={constraints.description}
        errors={fieldErrors}
      />
      <TextField
        label={t('program.timezone')}
        name="reporting_timezone"
        defaultValue={values?.reporting_timezone ?? 'UTC'}
        hint={t('program.timezoneHint')}
        constraints={constraints.reporting_timezone}
        errors={fieldErrors}
      />
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
