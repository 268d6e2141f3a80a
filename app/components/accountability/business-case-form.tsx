import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { FiguresSummary, YearTable } from '~/components/accountability/business-case-view'
import {
  FormActions,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from '~/components/forms'
import { useLocale, useT } from '~/i18n/react'
import { benefitAnnualValue, computeCase } from '~/models/accountability/business-case-finance'
import { BusinessCaseSchema, COST_KINDS, MAX_HORIZON } from '~/models/accountability/business-case.schema'
import { fieldProps } from '~/utils/forms'

// The business case editor, on conform: rows are added and removed by list-intent buttons (in the
// browser, or by the action when JavaScript is off), and the preview reads the form's current values,
// with the same arithmetic the server uses.

export type KpiChoice = { id: string; key: string; name_en: string; name_zh_tw: string }

/** The form's starting values: the saved case, or an empty one with the usual rate and horizon. */
export function caseDefaults(
  businessCase: {
    context: string
    approach: string
    customer_value: string
    target_segments: string[]
    data_systems: string[]
    discount_rate: number
    horizon_years: number
    benefits: {
      name: string
      start_year: number
      kpi_id: string | null
      proven_assumption?: number | null
      assumptions: { name: string; unit: string; value: number; source: string }[]
    }[]
    costs: { name: string; kind: 'one_off' | 'recurring'; year: number; amount: number }[]
  } | null,
) {
  if (!businessCase) return { discount_rate_pct: '10', horizon_years: '3' }
  return {
    context: businessCase.context,
    approach: businessCase.approach,
    customer_value: businessCase.customer_value,
    target_segments: businessCase.target_segments.join(', '),
    data_systems: businessCase.data_systems.join(', '),
    // Rounded so 0.1 shows as 10, not 10.000000000000002.
    discount_rate_pct: String(Math.round(Number(businessCase.discount_rate) * 1e6) / 1e4),
    horizon_years: String(businessCase.horizon_years),
    benefits: businessCase.benefits.map((benefit) => ({
      name: benefit.name,
      start_year: String(benefit.start_year),
      kpi_id: benefit.kpi_id ?? '',
      proven_assumption:
        benefit.proven_assumption === null || benefit.proven_assumption === undefined
          ? ''
          : String(benefit.proven_assumption),
      assumptions: benefit.assumptions.map((assumption) => ({
        name: assumption.name,
        unit: assumption.unit,
        value: String(assumption.value),
        source: assumption.source,
      })),
    })),
    costs: businessCase.costs.map((cost) => ({
      name: cost.name,
      kind: cost.kind,
      year: String(cost.year),
      amount: String(cost.amount),
    })),
  }
}

/** A typed number for the preview; anything else counts as 0 until the lead fixes it. */
const num = (text: unknown) => {
  const value = typeof text === 'string' && text.trim() !== '' ? Number(text) : NaN
  return Number.isFinite(value) ? value : 0
}
const listOf = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : [])
const fieldOf = (value: unknown, name: string) =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined

export function BusinessCaseForm({
  defaultValue,
  kpis,
  lastResult,
  notice,
}: {
  defaultValue: ReturnType<typeof caseDefaults>
  kpis: KpiChoice[]
  lastResult?: SubmissionResult<string[]>
  notice?: string
}) {
  const t = useT()
  const locale = useLocale()
  const { form, fields, formProps, formError, formErrorId } = useSchemaForm(BusinessCaseSchema, {
    defaultValue,
    lastResult,
  })
  const current = form.value
  const assumptionValues = (benefit: unknown) =>
    listOf(fieldOf(benefit, 'assumptions')).map((assumption) => ({
      value: num(fieldOf(assumption, 'value')),
    }))
  const figures = computeCase({
    discountRate: num(current?.discount_rate_pct) / 100,
    horizonYears: Math.min(MAX_HORIZON, Math.max(0, Math.floor(num(current?.horizon_years)))),
    benefits: listOf(current?.benefits).map((benefit) => ({
      startYear: num(fieldOf(benefit, 'start_year')),
      assumptions: assumptionValues(benefit),
    })),
    costs: listOf(current?.costs).map((cost) => ({
      kind: fieldOf(cost, 'kind') === 'recurring' ? ('recurring' as const) : ('one_off' as const),
      year: num(fieldOf(cost, 'year')),
      amount: num(fieldOf(cost, 'amount')),
    })),
  })
  const kpiOptions = kpis.map((kpi) => ({
    value: kpi.id,
    label: `${locale === 'zh-TW' ? kpi.name_zh_tw : kpi.name_en} (${kpi.key})`,
  }))

  return (
    <Form method="post" className="form-grid" {...formProps}>
      {/* Enter in a field saves: the first submit button is the default, not a row's remove button. */}
      <button type="submit" hidden />
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      {notice ? <p className="field-hint">{notice}</p> : null}
      <section className="card form-grid">
        <h2>{t('accountability.caseText')}</h2>
        <TextAreaField label={t('accountability.context')} {...fieldProps(fields.context)} />
        <TextAreaField label={t('accountability.approach')} {...fieldProps(fields.approach)} />
        <TextAreaField label={t('accountability.customerValue')} {...fieldProps(fields.customer_value)} />
        <div className="field-row">
          <TextField
            label={t('accountability.targetSegments')}
            hint={t('accountability.commaSeparated')}
            {...fieldProps(fields.target_segments)}
          />
          <TextField
            label={t('accountability.dataSystems')}
            hint={t('accountability.commaSeparated')}
            {...fieldProps(fields.data_systems)}
          />
        </div>
        <div className="field-row">
          <TextField
            label={t('accountability.discountRatePct')}
            inputMode="decimal"
            {...fieldProps(fields.discount_rate_pct)}
          />
          <TextField
            label={t('accountability.horizonYears')}
            inputMode="numeric"
            {...fieldProps(fields.horizon_years)}
          />
        </div>
      </section>

      <section className="card">
        <h2>{t('accountability.benefitLines')}</h2>
        <p className="field-hint">{t('accountability.benefitHint')}</p>
        {fields.benefits.getFieldList().map((benefitField, index) => {
          const line = index + 1
          const benefit = benefitField.getFieldset()
          return (
            <fieldset key={benefitField.key} className="line-editor">
              <legend>
                {t('accountability.benefitN', { line })} · {t('accountability.annualValue')}:{' '}
                {Math.round(
                  benefitAnnualValue({ assumptions: assumptionValues(benefitField.value) }),
                ).toLocaleString(locale)}
              </legend>
              <div className="field-row">
                <TextField
                  label={t('accountability.field.benefitName', { line })}
                  {...fieldProps(benefit.name)}
                />
                <TextField
                  label={t('accountability.field.startYear', { line })}
                  inputMode="numeric"
                  {...fieldProps(benefit.start_year)}
                />
                <SelectField
                  label={t('accountability.field.kpi', { line })}
                  options={kpiOptions}
                  placeholder={t('common.none')}
                  {...fieldProps(benefit.kpi_id)}
                />
                <SelectField
                  label={t('accountability.field.provenAssumption', { line })}
                  options={listOf(fieldOf(benefitField.value, 'assumptions')).map((assumption, aIndex) => {
                    const name = fieldOf(assumption, 'name')
                    return {
                      value: String(aIndex),
                      label:
                        typeof name === 'string' && name.trim()
                          ? name
                          : t('accountability.assumptionN', { n: aIndex + 1 }),
                    }
                  })}
                  placeholder={t('common.none')}
                  {...fieldProps(benefit.proven_assumption)}
                />
              </div>
              {benefit.assumptions.errors?.length ? (
                <p className="field-error">{benefit.assumptions.errors.join(' ')}</p>
              ) : null}
              {benefit.assumptions.getFieldList().map((assumptionField, aIndex) => {
                const n = aIndex + 1
                const assumption = assumptionField.getFieldset()
                return (
                  <div key={assumptionField.key} className="assumption-row">
                    <TextField
                      label={t('accountability.field.assumptionName', { line, n })}
                      {...fieldProps(assumption.name)}
                    />
                    <TextField
                      label={t('accountability.field.assumptionValue', { line, n })}
                      inputMode="decimal"
                      {...fieldProps(assumption.value)}
                    />
                    <TextField
                      label={t('accountability.field.assumptionUnit', { line, n })}
                      {...fieldProps(assumption.unit)}
                    />
                    <TextField
                      label={t('accountability.field.assumptionSource', { line, n })}
                      {...fieldProps(assumption.source)}
                    />
                    <button
                      className="button-secondary"
                      {...form.remove.getButtonProps({ name: benefit.assumptions.name, index: aIndex })}
                    >
                      {t('accountability.removeAssumption', { line, n })}
                    </button>
                  </div>
                )
              })}
              <div className="form-actions">
                <button
                  className="button-secondary"
                  {...form.insert.getButtonProps({ name: benefit.assumptions.name })}
                >
                  {t('accountability.addAssumption', { line })}
                </button>
                <button
                  className="button-secondary"
                  {...form.remove.getButtonProps({ name: fields.benefits.name, index })}
                >
                  {t('accountability.removeBenefit', { line })}
                </button>
              </div>
            </fieldset>
          )
        })}
        <button
          className="button-secondary"
          {...form.insert.getButtonProps({
            name: fields.benefits.name,
            defaultValue: { start_year: '1', assumptions: [{}] },
          })}
        >
          {t('accountability.addBenefit')}
        </button>
      </section>

      <section className="card">
        <h2>{t('accountability.costLines')}</h2>
        {fields.costs.getFieldList().map((costField, index) => {
          const line = index + 1
          const cost = costField.getFieldset()
          return (
            <div key={costField.key} className="cost-row">
              <TextField label={t('accountability.field.costName', { line })} {...fieldProps(cost.name)} />
              <SelectField
                label={t('accountability.field.costKind', { line })}
                options={COST_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`accountability.costKind.${kind}`),
                }))}
                {...fieldProps(cost.kind)}
              />
              <TextField
                label={t('accountability.field.costYear', { line })}
                inputMode="numeric"
                {...fieldProps(cost.year)}
              />
              <TextField
                label={t('accountability.field.costAmount', { line })}
                inputMode="decimal"
                {...fieldProps(cost.amount)}
              />
              <button
                className="button-secondary"
                {...form.remove.getButtonProps({ name: fields.costs.name, index })}
              >
                {t('accountability.removeCost', { line })}
              </button>
            </div>
          )
        })}
        <button
          className="button-secondary"
          {...form.insert.getButtonProps({
            name: fields.costs.name,
            defaultValue: { kind: 'one_off', year: '1' },
          })}
        >
          {t('accountability.addCost')}
        </button>
      </section>

      <section className="card" aria-live="polite">
        <h2>{t('accountability.preview')}</h2>
        <FiguresSummary figures={figures} />
        <YearTable figures={figures} caption={t('accountability.valueByYear')} />
      </section>
      <FormActions>
        <button type="submit">{t('accountability.saveCase')}</button>
      </FormActions>
    </Form>
  )
}
