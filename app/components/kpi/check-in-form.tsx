import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import { CheckInSchema } from '~/models/kpi/kpi.schema'

/** A KPI's value for one period, typed on its page (conform, with the schema its action parses with). */
export function CheckInForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(CheckInSchema, {
    id: 'kpi-checkin-form',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="checkin" />
      <FormFields
        initial={initial}
        constraints={constraints}
        errors={errors}
        fields={[
          { name: 'period_end', label: t('kpi.period'), type: 'date', hint: t('kpi.cadenceHint') },
          { name: 'value', label: t('kpi.value'), inputMode: 'decimal' },
          {
            control: 'select',
            name: 'confidence',
            label: t('kpi.confidence'),
            placeholder: '—',
            options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
          },
          { name: 'note', label: t('kpi.note') },
        ]}
      />
      <FormActions>
        <button type="submit">{t('action.save')}</button>
      </FormActions>
    </Form>
  )
}
