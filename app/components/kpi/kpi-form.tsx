import { Form } from '@remix-run/react'
import { FormActions, FormError, SelectField, TextAreaField, TextField } from '~/components/forms'
import { useT } from '~/i18n/react'
import { KPI_CADENCES, KPI_CATEGORIES, KPI_DIRECTIONS, KPI_KINDS, KPI_ROLLUPS } from '~/models/kpi.schema'
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
      <TextField
        label={t('kpi.key')}
        name="key"
        hint={t('kpi.keyHint')}
        defaultValue={values?.key}
        constraints={constraints.key}
        errors={fieldErrors}
      />
      <TextField
        label={t('kpi.nameEn')}
        name="name_en"
        defaultValue={values?.name_en}
        constraints={constraints.name_en}
        errors={fieldErrors}
      />
      <TextField
        lang="zh-TW"
        label={t('kpi.nameZh')}
        name="name_zh_tw"
        defaultValue={values?.name_zh_tw}
        constraints={constraints.name_zh_tw}
        errors={fieldErrors}
      />
      <TextAreaField
        label={t('kpi.description')}
        name="description"
        defaultValue={values?.description}
        constraints={constraints.description}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.kind')}
        name="kind"
        options={KPI_KINDS.map((kind) => ({ value: kind, label: t(`kpi.kind.${kind}`) }))}
        defaultValue={values?.kind ?? 'lagging'}
        constraints={constraints.kind}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.category')}
        name="category"
        options={KPI_CATEGORIES.map((category) => ({
          value: category,
          label: t(`kpi.category.${category}`),
        }))}
        defaultValue={values?.category ?? 'adoption'}
        constraints={constraints.category}
        errors={fieldErrors}
      />
      <TextField
        label={t('kpi.unit')}
        name="unit"
        defaultValue={values?.unit}
        constraints={constraints.unit}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.direction')}
        name="direction"
        options={KPI_DIRECTIONS.map((direction) => ({
          value: direction,
          label: t(`kpi.direction.${direction}`),
        }))}
        defaultValue={values?.direction ?? 'higher'}
        constraints={constraints.direction}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.cadence')}
        name="cadence"
        hint={t('kpi.cadenceHint')}
        options={KPI_CADENCES.map((cadence) => ({ value: cadence, label: t(`kpi.cadence.${cadence}`) }))}
        defaultValue={values?.cadence ?? 'monthly'}
        constraints={constraints.cadence}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.owner')}
        name="owner_id"
        placeholder={t('common.unassigned')}
        options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
        defaultValue={values?.owner_id ?? ''}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.parent')}
        name="parent_id"
        placeholder={t('kpi.noParent')}
        options={parents.map((parent) => ({ value: parent.id, label: `${name(parent)} (${parent.key})` }))}
        defaultValue={values?.parent_id ?? ''}
        errors={fieldErrors}
      />
      <SelectField
        label={t('kpi.rollup')}
        name="rollup"
        hint={t('kpi.rollupHint')}
        options={KPI_ROLLUPS.map((rollup) => ({ value: rollup, label: t(`kpi.rollup.${rollup}`) }))}
        defaultValue={values?.rollup ?? 'none'}
        constraints={constraints.rollup}
        errors={fieldErrors}
      />
      <TextField
        label={t('kpi.rollupWeight')}
        name="rollup_weight"
        inputMode="decimal"
        defaultValue={text(values?.rollup_weight) ?? '1'}
        errors={fieldErrors}
        required
      />
      <TextField
        label={t('kpi.baselineValue')}
        name="baseline_value"
        inputMode="decimal"
        defaultValue={text(values?.baseline_value)}
        errors={fieldErrors}
      />
      <TextField
        label={t('kpi.baselineDate')}
        name="baseline_date"
        type="date"
        defaultValue={values?.baseline_date ?? undefined}
        errors={fieldErrors}
      />
      <TextField
        label={t('kpi.tolerance')}
        name="tolerance_pct"
        inputMode="decimal"
        defaultValue={text(values?.tolerance_pct) ?? '10'}
        errors={fieldErrors}
        required
      />
      <TextField
        label={t('kpi.graceDays')}
        name="grace_days"
        inputMode="numeric"
        defaultValue={text(values?.grace_days) ?? '3'}
        errors={fieldErrors}
        required
      />
      <TextAreaField
        label={t('kpi.targets')}
        name="targets"
        hint={t('kpi.targetsHint')}
        defaultValue={values?.targets}
        errors={fieldErrors}
        placeholder="2027-03-31, 120"
      />
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
