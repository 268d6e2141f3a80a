import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { useFormat, useT } from '~/i18n/react'
import { CheckInSchema } from '~/models/kpi/kpi.schema'

/** A KPI's value for one period, typed on its page (conform, with the schema its action parses with). */
export function CheckInForm({
  lastResult,
  replace,
}: {
  lastResult?: SubmissionResult<string[]> | null
  /** The server found a value for this period: old → new, to confirm before it is replaced. */
  replace?: { old: number; new: number } | null
}) {
  const t = useT()
  const format = useFormat()
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
      {replace ? (
        <label className="checkbox confirm-step">
          <input type="checkbox" name="confirm_replace" value="yes" required />
          {t('kpi.checkin.replaceConfirm', {
            old: format.number(replace.old),
            new: format.number(replace.new),
          })}
        </label>
      ) : null}
      <FormActions>
        <button type="submit">{t('action.save')}</button>
      </FormActions>
    </Form>
  )
}
