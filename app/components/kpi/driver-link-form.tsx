import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import { DriverLinkSchema } from '~/models/kpi/kpi.schema'
import { useKpiName } from './kpi-ui'

/** Links a leading KPI to a lagging one it is expected to drive (conform, with the action's schema). */
export function DriverLinkForm({
  candidates,
  lastResult,
}: {
  candidates: { id: string; key: string; name_en: string; name_zh_tw: string }[]
  lastResult?: SubmissionResult<string[]> | null
}) {
  const t = useT()
  const name = useKpiName()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    DriverLinkSchema,
    {
      id: 'kpi-link-form',
      lastResult,
    },
  )
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <h3>{t('kpi.addLink')}</h3>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="link" />
      <FormFields
        initial={initial}
        constraints={constraints}
        errors={errors}
        fields={[
          {
            control: 'select',
            name: 'lagging_kpi_id',
            label: t('kpi.laggingKpi'),
            options: candidates.map((kpi) => ({ value: kpi.id, label: `${name(kpi)} (${kpi.key})` })),
          },
          { name: 'expected_lag', label: t('kpi.expectedLag'), inputMode: 'numeric', defaultValue: '1' },
        ]}
      />
      <FormActions>
        <button type="submit">{t('kpi.addLink')}</button>
      </FormActions>
    </Form>
  )
}
