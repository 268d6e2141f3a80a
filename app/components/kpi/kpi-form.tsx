import { Form } from '@remix-run/react'
import { FormActions, FormError, FormFields, optionsOf } from '~/components/forms'
import { useT } from '~/i18n/react'
import { KPI_CADENCES, KPI_CATEGORIES, KPI_DIRECTIONS, KPI_KINDS, KPI_ROLLUPS } from '~/models/kpi/kpi.schema'
import type { Constraints, FieldErrors } from '~/utils/forms'
import { useKpiName } from './kpi-ui'

export type KpiFormValues = {
  key: string
  name_en: string
  name_zh_tw: string
  description: string
  kind: string
  category: string
  unit: string
  direction: string
  cadence: string
  owner_id: string | null
  parent_id: string | null
  baseline_value: number | null
  baseline_date: string | null
  tolerance_pct: number
  rollup: string
  rollup_weight: number
  grace_days: number
  targets: string
}

export function KpiForm({
  values,
  parents,
  owners,
  constraints,
  fieldErrors,
  formError,
  submitLabel,
}: {
  values?: Partial<KpiFormValues>
  parents: { id: string; key: string; name_en: string; name_zh_tw: string }[]
  owners: { id: string; name: string }[]
  constraints: Record<string, Constraints>
  fieldErrors?: FieldErrors | null
  formError?: string | null
  submitLabel: string
}) {
  const t = useT()
  const name = useKpiName()
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined ? undefined : String(value)
  return (
    <Form method="post" className="card form-grid">
      <FormError message={formError} />
      <FormFields
        constraints={constraints}
        errors={fieldErrors}
        fields={[
          { name: 'key', label: t('kpi.key'), hint: t('kpi.keyHint'), defaultValue: values?.key },
          { name: 'name_en', label: t('kpi.nameEn'), defaultValue: values?.name_en },
          { name: 'name_zh_tw', label: t('kpi.nameZh'), lang: 'zh-TW', defaultValue: values?.name_zh_tw },
          {
            control: 'textarea',
            name: 'description',
            label: t('kpi.description'),
            defaultValue: values?.description,
          },
          {
            control: 'select',
            name: 'kind',
            label: t('kpi.kind'),
            options: optionsOf(KPI_KINDS, (kind) => t(`kpi.kind.${kind}`)),
            defaultValue: values?.kind ?? 'lagging',
          },
          {
            control: 'select',
            name: 'category',
            label: t('kpi.category'),
            options: optionsOf(KPI_CATEGORIES, (category) => t(`kpi.category.${category}`)),
            defaultValue: values?.category ?? 'adoption',
          },
          { name: 'unit', label: t('kpi.unit'), defaultValue: values?.unit },
          {
            control: 'select',
            name: 'direction',
            label: t('kpi.direction'),
            options: optionsOf(KPI_DIRECTIONS, (direction) => t(`kpi.direction.${direction}`)),
            defaultValue: values?.direction ?? 'higher',
          },
          {
            control: 'select',
            name: 'cadence',
            label: t('kpi.cadence'),
            hint: t('kpi.cadenceHint'),
            options: optionsOf(KPI_CADENCES, (cadence) => t(`kpi.cadence.${cadence}`)),
            defaultValue: values?.cadence ?? 'monthly',
          },
          {
            control: 'select',
            name: 'owner_id',
            label: t('kpi.owner'),
            placeholder: t('common.unassigned'),
            options: owners.map((owner) => ({ value: owner.id, label: owner.name })),
            defaultValue: values?.owner_id ?? '',
          },
          {
            control: 'select',
            name: 'parent_id',
            label: t('kpi.parent'),
            placeholder: t('kpi.noParent'),
            options: parents.map((parent) => ({
              value: parent.id,
              label: `${name(parent)} (${parent.key})`,
            })),
            defaultValue: values?.parent_id ?? '',
          },
          {
            control: 'select',
            name: 'rollup',
            label: t('kpi.rollup'),
            hint: t('kpi.rollupHint'),
            options: optionsOf(KPI_ROLLUPS, (rollup) => t(`kpi.rollup.${rollup}`)),
            defaultValue: values?.rollup ?? 'none',
          },
          {
            name: 'rollup_weight',
            label: t('kpi.rollupWeight'),
            inputMode: 'decimal',
            defaultValue: text(values?.rollup_weight) ?? '1',
          },
          {
            name: 'baseline_value',
            label: t('kpi.baselineValue'),
            inputMode: 'decimal',
            defaultValue: text(values?.baseline_value),
          },
          {
            name: 'baseline_date',
            label: t('kpi.baselineDate'),
            type: 'date',
            defaultValue: values?.baseline_date ?? undefined,
          },
          {
            name: 'tolerance_pct',
            label: t('kpi.tolerance'),
            inputMode: 'decimal',
            defaultValue: text(values?.tolerance_pct) ?? '10',
          },
          {
            name: 'grace_days',
            label: t('kpi.graceDays'),
            inputMode: 'numeric',
            defaultValue: text(values?.grace_days) ?? '3',
          },
          {
            control: 'textarea',
            name: 'targets',
            label: t('kpi.targets'),
            hint: t('kpi.targetsHint'),
            defaultValue: values?.targets,
            placeholder: '2027-03-31, 120',
          },
        ]}
      />
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
