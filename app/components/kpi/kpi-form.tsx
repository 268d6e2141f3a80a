import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { FormActions, FormError, FormFields, optionsOf, TextField, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import {
  KPI_CADENCES,
  KPI_CATEGORIES,
  KPI_DIRECTIONS,
  KPI_KINDS,
  KPI_ROLLUPS,
  KpiSchema,
  type KpiFormInput,
} from '~/models/kpi/kpi.schema'
import { fieldProps, type Constraints } from '~/utils/forms'
import { useKpiName } from './kpi-ui'

// The KPI form, on conform: the same schema checks it in the browser and in the action, and target
// rows are added and removed by list-intent buttons that work without JavaScript too.

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
  min_value: number | null
  max_value: number | null
  tolerance_pct: number
  rollup: string
  rollup_weight: number
  grace_days: number
  targets: readonly { period_end: string; value: number }[]
}

const text = (value: number | string | null | undefined) =>
  value === null || value === undefined ? undefined : String(value)

/** The form's starting values: the KPI's, or the usual ones for a new KPI. */
function defaultsOf(values: Partial<KpiFormValues> | undefined) {
  return {
    key: values?.key,
    name_en: values?.name_en,
    name_zh_tw: values?.name_zh_tw,
    description: values?.description,
    kind: values?.kind ?? 'lagging',
    category: values?.category ?? 'adoption',
    unit: values?.unit,
    direction: values?.direction ?? 'higher',
    cadence: values?.cadence ?? 'monthly',
    owner_id: values?.owner_id ?? undefined,
    parent_id: values?.parent_id ?? undefined,
    rollup: values?.rollup ?? 'none',
    rollup_weight: text(values?.rollup_weight) ?? '1',
    baseline_value: text(values?.baseline_value),
    baseline_date: values?.baseline_date ?? undefined,
    min_value: text(values?.min_value),
    max_value: text(values?.max_value),
    tolerance_pct: text(values?.tolerance_pct) ?? '10',
    grace_days: text(values?.grace_days) ?? '3',
    targets: values?.targets?.map((target) => ({
      period_end: target.period_end,
      value: String(target.value),
    })),
  }
}

export function KpiForm({
  values,
  parents,
  owners,
  lastResult,
  submitLabel,
}: {
  values?: Partial<KpiFormValues>
  parents: { id: string; key: string; name_en: string; name_zh_tw: string }[]
  owners: { id: string; name: string }[]
  lastResult?: SubmissionResult<string[]>
  submitLabel: string
}) {
  const t = useT()
  const name = useKpiName()
  const { form, fields, formProps, formError, formErrorId } = useSchemaForm<typeof KpiSchema, KpiFormInput>(
    KpiSchema,
    {
      defaultValue: defaultsOf(values),
      lastResult,
    },
  )
  // The flat fields render from data (FormFields): each takes its name, value and constraints from conform.
  const flat = (field: (typeof fields)[Exclude<keyof typeof fields, 'targets'>]) => {
    const { name, defaultValue } = fieldProps(field)
    return { name, defaultValue }
  }
  const constraints: Record<string, Constraints> = Object.fromEntries(
    Object.values(fields).map((field) => [field.name, fieldProps(field).constraints]),
  )
  return (
    <Form method="post" className="card form-grid" {...formProps}>
      {/* Enter in a field submits: the first submit button is the default, not a row's remove button. */}
      <button type="submit" hidden />
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <FormFields
        constraints={constraints}
        errors={form.allErrors}
        fields={[
          { ...flat(fields.key), label: t('kpi.key'), hint: t('kpi.keyHint') },
          { ...flat(fields.name_en), label: t('kpi.nameEn') },
          { ...flat(fields.name_zh_tw), label: t('kpi.nameZh'), lang: 'zh-TW' },
          { ...flat(fields.description), control: 'textarea', label: t('kpi.description') },
          {
            ...flat(fields.kind),
            control: 'select',
            label: t('kpi.kind'),
            options: optionsOf(KPI_KINDS, (kind) => t(`kpi.kind.${kind}`)),
          },
          {
            ...flat(fields.category),
            control: 'select',
            label: t('kpi.category'),
            options: optionsOf(KPI_CATEGORIES, (category) => t(`kpi.category.${category}`)),
          },
          { ...flat(fields.unit), label: t('kpi.unit') },
          {
            ...flat(fields.direction),
            control: 'select',
            label: t('kpi.direction'),
            options: optionsOf(KPI_DIRECTIONS, (direction) => t(`kpi.direction.${direction}`)),
          },
          {
            ...flat(fields.cadence),
            control: 'select',
            label: t('kpi.cadence'),
            hint: t('kpi.cadenceHint'),
            options: optionsOf(KPI_CADENCES, (cadence) => t(`kpi.cadence.${cadence}`)),
          },
          {
            ...flat(fields.owner_id),
            control: 'select',
            label: t('kpi.owner'),
            placeholder: t('common.unassigned'),
            options: owners.map((owner) => ({ value: owner.id, label: owner.name })),
          },
          {
            ...flat(fields.parent_id),
            control: 'select',
            label: t('kpi.parent'),
            placeholder: t('kpi.noParent'),
            options: parents.map((parent) => ({
              value: parent.id,
              label: `${name(parent)} (${parent.key})`,
            })),
          },
          {
            ...flat(fields.rollup),
            control: 'select',
            label: t('kpi.rollup'),
            hint: t('kpi.rollupHint'),
            options: optionsOf(KPI_ROLLUPS, (rollup) => t(`kpi.rollup.${rollup}`)),
          },
          { ...flat(fields.rollup_weight), label: t('kpi.rollupWeight'), inputMode: 'decimal' },
          { ...flat(fields.baseline_value), label: t('kpi.baselineValue'), inputMode: 'decimal' },
          { ...flat(fields.baseline_date), label: t('kpi.baselineDate'), type: 'date' },
          {
            ...flat(fields.min_value),
            label: t('kpi.field.min_value'),
            inputMode: 'decimal',
            hint: t('kpi.field.rangeHint'),
          },
          { ...flat(fields.max_value), label: t('kpi.field.max_value'), inputMode: 'decimal' },
          { ...flat(fields.tolerance_pct), label: t('kpi.tolerance'), inputMode: 'decimal' },
          { ...flat(fields.grace_days), label: t('kpi.graceDays'), inputMode: 'numeric' },
        ]}
      />
      <fieldset className="form-grid">
        <legend>{t('kpi.targets')}</legend>
        <p className="field-hint">{t('kpi.targetRowsHint')}</p>
        {fields.targets.errors?.length ? (
          <p className="field-error">{fields.targets.errors.join(' ')}</p>
        ) : null}
        {fields.targets.getFieldList().map((targetField, index) => {
          const n = index + 1
          const target = targetField.getFieldset()
          return (
            <div key={targetField.key} className="field-row">
              <TextField
                label={t('kpi.field.targetEnd', { n })}
                type="date"
                {...fieldProps(target.period_end)}
              />
              <TextField
                label={t('kpi.field.targetValue', { n })}
                inputMode="decimal"
                {...fieldProps(target.value)}
              />
              <FormActions>
                <button
                  className="button-secondary"
                  {...form.remove.getButtonProps({ name: fields.targets.name, index })}
                >
                  {t('kpi.removeTarget', { n })}
                </button>
              </FormActions>
            </div>
          )
        })}
        <FormActions>
          <button className="button-secondary" {...form.insert.getButtonProps({ name: fields.targets.name })}>
            {t('kpi.addTarget')}
          </button>
        </FormActions>
      </fieldset>
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
