import { Form } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { FiguresSummary, YearTable } from '~/components/accountability/business-case-view'
import { FormActions, FormError, SelectField, TextAreaField, TextField } from '~/components/forms'
import { useLocale, useT } from '~/i18n/react'
import { benefitAnnualValue, computeCase } from '~/models/accountability/business-case-finance'
import { MAX_HORIZON } from '~/models/accountability/business-case.schema'
import type { FieldErrors } from '~/utils/forms'

// The business case editor. Lines are kept in React state so rows can be added and removed and the
// figures previewed as the lead types, with the same arithmetic the server uses.

type AssumptionDraft = { key: number; name: string; unit: string; value: string; source: string }
type BenefitDraft = {
  key: number
  name: string
  start_year: string
  kpi_id: string
  assumptions: AssumptionDraft[]
}
type CostDraft = { key: number; name: string; kind: 'one_off' | 'recurring'; year: string; amount: string }
export type CaseDraft = {
  context: string
  approach: string
  customer_value: string
  target_segments: string
  data_systems: string
  discount_rate_pct: string
  horizon_years: string
  benefits: BenefitDraft[]
  costs: CostDraft[]
}
export type KpiChoice = { id: string; key: string; name_en: string; name_zh_tw: string }

let nextKey = 1
const key = () => nextKey++

export function draftOf(
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
      assumptions: { name: string; unit: string; value: number; source: string }[]
    }[]
    costs: { name: string; kind: 'one_off' | 'recurring'; year: number; amount: number }[]
  } | null,
): CaseDraft {
  if (!businessCase)
    return {
      context: '',
      approach: '',
      customer_value: '',
      target_segments: '',
      data_systems: '',
      discount_rate_pct: '10',
      horizon_years: '3',
      benefits: [],
      costs: [],
    }
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
      key: key(),
      name: benefit.name,
      start_year: String(benefit.start_year),
      kpi_id: benefit.kpi_id ?? '',
      assumptions: benefit.assumptions.map((a) => ({
        key: key(),
        name: a.name,
        unit: a.unit,
        value: String(a.value),
        source: a.source,
      })),
    })),
    costs: businessCase.costs.map((cost) => ({
      key: key(),
      name: cost.name,
      kind: cost.kind,
      year: String(cost.year),
      amount: String(cost.amount),
    })),
  }
}

const num = (text: string) => {
  const value = Number(text)
  return Number.isFinite(value) && text.trim() !== '' ? value : 0
}

export function BusinessCaseForm({
  initial,
  kpis,
  fieldErrors,
  formError,
  notice,
}: {
  initial: CaseDraft
  kpis: KpiChoice[]
  fieldErrors?: FieldErrors | null
  formError?: string | null
  notice?: string
}) {
  const t = useT()
  const locale = useLocale()
  const [draft, setDraft] = useState(initial)
  const set = (patch: Partial<CaseDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const setBenefit = (index: number, patch: Partial<BenefitDraft>) =>
    setDraft((d) => ({ ...d, benefits: d.benefits.map((b, i) => (i === index ? { ...b, ...patch } : b)) }))
  const setAssumption = (index: number, aIndex: number, patch: Partial<AssumptionDraft>) =>
    setDraft((d) => ({
      ...d,
      benefits: d.benefits.map((b, i) =>
        i === index
          ? { ...b, assumptions: b.assumptions.map((a, j) => (j === aIndex ? { ...a, ...patch } : a)) }
          : b,
      ),
    }))
  const setCost = (index: number, patch: Partial<CostDraft>) =>
    setDraft((d) => ({ ...d, costs: d.costs.map((c, i) => (i === index ? { ...c, ...patch } : c)) }))

  const figures = useMemo(
    () =>
      computeCase({
        discountRate: num(draft.discount_rate_pct) / 100,
        horizonYears: Math.min(MAX_HORIZON, Math.max(0, Math.floor(num(draft.horizon_years)))),
        benefits: draft.benefits.map((b) => ({
          startYear: num(b.start_year),
          assumptions: b.assumptions.map((a) => ({ value: num(a.value) })),
        })),
        costs: draft.costs.map((c) => ({ kind: c.kind, year: num(c.year), amount: num(c.amount) })),
      }),
    [draft],
  )
  const kpiOptions = kpis.map((kpi) => ({
    value: kpi.id,
    label: `${locale === 'zh-TW' ? kpi.name_zh_tw : kpi.name_en} (${kpi.key})`,
  }))

  return (
    <Form method="post" className="form-grid" noValidate>
      <FormError message={formError} />
      {notice ? <p className="field-hint">{notice}</p> : null}
      <section className="card form-grid">
        <h2>{t('accountability.caseText')}</h2>
        <TextAreaField
          label={t('accountability.context')}
          name="context"
          value={draft.context}
          onChange={(e) => set({ context: e.target.value })}
          errors={fieldErrors}
          required
          maxLength={4000}
        />
        <TextAreaField
          label={t('accountability.approach')}
          name="approach"
          value={draft.approach}
          onChange={(e) => set({ approach: e.target.value })}
          errors={fieldErrors}
          required
          maxLength={4000}
        />
        <TextAreaField
          label={t('accountability.customerValue')}
          name="customer_value"
          value={draft.customer_value}
          onChange={(e) => set({ customer_value: e.target.value })}
          errors={fieldErrors}
          required
          maxLength={4000}
        />
        <div className="field-row">
          <TextField
            label={t('accountability.targetSegments')}
            name="target_segments"
            hint={t('accountability.commaSeparated')}
            value={draft.target_segments}
            onChange={(e) => set({ target_segments: e.target.value })}
            errors={fieldErrors}
          />
          <TextField
            label={t('accountability.dataSystems')}
            name="data_systems"
            hint={t('accountability.commaSeparated')}
            value={draft.data_systems}
            onChange={(e) => set({ data_systems: e.target.value })}
            errors={fieldErrors}
          />
        </div>
        <div className="field-row">
          <TextField
            label={t('accountability.discountRatePct')}
            name="discount_rate_pct"
            inputMode="decimal"
            value={draft.discount_rate_pct}
            onChange={(e) => set({ discount_rate_pct: e.target.value })}
            errors={fieldErrors}
          />
          <TextField
            label={t('accountability.horizonYears')}
            name="horizon_years"
            inputMode="numeric"
            value={draft.horizon_years}
            onChange={(e) => set({ horizon_years: e.target.value })}
            errors={fieldErrors}
          />
        </div>
      </section>

      <section className="card">
        <h2>{t('accountability.benefitLines')}</h2>
        <p className="field-hint">{t('accountability.benefitHint')}</p>
        {draft.benefits.map((benefit, index) => {
          const line = index + 1
          const prefix = `benefits.${index}`
          return (
            <fieldset key={benefit.key} className="line-editor">
              <legend>
                {t('accountability.benefitN', { line })} · {t('accountability.annualValue')}:{' '}
                {Math.round(
                  benefitAnnualValue({
                    assumptions: benefit.assumptions.map((a) => ({ value: num(a.value) })),
                  }),
                ).toLocaleString(locale)}
              </legend>
              <div className="field-row">
                <TextField
                  label={t('accountability.field.benefitName', { line })}
                  name={`${prefix}.name`}
                  value={benefit.name}
                  onChange={(e) => setBenefit(index, { name: e.target.value })}
                  errors={fieldErrors}
                />
                <TextField
                  label={t('accountability.field.startYear', { line })}
                  name={`${prefix}.start_year`}
                  inputMode="numeric"
                  value={benefit.start_year}
                  onChange={(e) => setBenefit(index, { start_year: e.target.value })}
                  errors={fieldErrors}
                />
                <SelectField
                  label={t('accountability.field.kpi', { line })}
                  name={`${prefix}.kpi_id`}
                  options={kpiOptions}
                  placeholder={t('common.none')}
                  value={benefit.kpi_id}
                  onChange={(e) => setBenefit(index, { kpi_id: e.target.value })}
                  errors={fieldErrors}
                />
              </div>
              {fieldErrors?.[`${prefix}.assumptions`] ? (
                <p className="field-error">{fieldErrors[`${prefix}.assumptions`]!.join(' ')}</p>
              ) : null}
              {benefit.assumptions.map((assumption, aIndex) => {
                const n = aIndex + 1
                const aPrefix = `${prefix}.assumptions.${aIndex}`
                return (
                  <div key={assumption.key} className="assumption-row">
                    <TextField
                      label={t('accountability.field.assumptionName', { line, n })}
                      name={`${aPrefix}.name`}
                      value={assumption.name}
                      onChange={(e) => setAssumption(index, aIndex, { name: e.target.value })}
                      errors={fieldErrors}
                    />
                    <TextField
                      label={t('accountability.field.assumptionValue', { line, n })}
                      name={`${aPrefix}.value`}
                      inputMode="decimal"
                      value={assumption.value}
                      onChange={(e) => setAssumption(index, aIndex, { value: e.target.value })}
                      errors={fieldErrors}
                    />
                    <TextField
                      label={t('accountability.field.assumptionUnit', { line, n })}
                      name={`${aPrefix}.unit`}
                      value={assumption.unit}
                      onChange={(e) => setAssumption(index, aIndex, { unit: e.target.value })}
                      errors={fieldErrors}
                    />
                    <TextField
                      label={t('accountability.field.assumptionSource', { line, n })}
                      name={`${aPrefix}.source`}
                      value={assumption.source}
                      onChange={(e) => setAssumption(index, aIndex, { source: e.target.value })}
                      errors={fieldErrors}
                    />
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() =>
                        setBenefit(index, { assumptions: benefit.assumptions.filter((_, j) => j !== aIndex) })
                      }
                    >
                      {t('accountability.removeAssumption', { line, n })}
                    </button>
                  </div>
                )
              })}
              <div className="form-actions">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() =>
                    setBenefit(index, {
                      assumptions: [
                        ...benefit.assumptions,
                        { key: key(), name: '', unit: '', value: '', source: '' },
                      ],
                    })
                  }
                >
                  {t('accountability.addAssumption', { line })}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => set({ benefits: draft.benefits.filter((_, i) => i !== index) })}
                >
                  {t('accountability.removeBenefit', { line })}
                </button>
              </div>
            </fieldset>
          )
        })}
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            set({
              benefits: [
                ...draft.benefits,
                {
                  key: key(),
                  name: '',
                  start_year: '1',
                  kpi_id: '',
                  assumptions: [{ key: key(), name: '', unit: '', value: '', source: '' }],
                },
              ],
            })
          }
        >
          {t('accountability.addBenefit')}
        </button>
      </section>

      <section className="card">
        <h2>{t('accountability.costLines')}</h2>
        {draft.costs.map((cost, index) => {
          const line = index + 1
          const prefix = `costs.${index}`
          return (
            <div key={cost.key} className="cost-row">
              <TextField
                label={t('accountability.field.costName', { line })}
                name={`${prefix}.name`}
                value={cost.name}
                onChange={(e) => setCost(index, { name: e.target.value })}
                errors={fieldErrors}
              />
              <SelectField
                label={t('accountability.field.costKind', { line })}
                name={`${prefix}.kind`}
                options={(['one_off', 'recurring'] as const).map((kind) => ({
                  value: kind,
                  label: t(`accountability.costKind.${kind}`),
                }))}
                value={cost.kind}
                onChange={(e) => setCost(index, { kind: e.target.value as CostDraft['kind'] })}
                errors={fieldErrors}
              />
              <TextField
                label={t('accountability.field.costYear', { line })}
                name={`${prefix}.year`}
                inputMode="numeric"
                value={cost.year}
                onChange={(e) => setCost(index, { year: e.target.value })}
                errors={fieldErrors}
              />
              <TextField
                label={t('accountability.field.costAmount', { line })}
                name={`${prefix}.amount`}
                inputMode="decimal"
                value={cost.amount}
                onChange={(e) => setCost(index, { amount: e.target.value })}
                errors={fieldErrors}
              />
              <button
                type="button"
                className="button-secondary"
                onClick={() => set({ costs: draft.costs.filter((_, i) => i !== index) })}
              >
                {t('accountability.removeCost', { line })}
              </button>
            </div>
          )
        })}
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            set({
              costs: [...draft.costs, { key: key(), name: '', kind: 'one_off', year: '1', amount: '' }],
            })
          }
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
