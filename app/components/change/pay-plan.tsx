import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormError, SelectField, TextField, useSchemaForm } from '~/components/forms'
import { Badge } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { COMPONENT_ROWS, PayPlanFields, TRANSITION_KINDS } from '~/models/change/pay.schema'
import type { PlanSimulation } from '~/models/change/pay-simulation'
import type { PayComponent, PaySegment } from '~/models/change/tables'

// The variable-pay plan's form (components × roster segments), its income simulation and its
// attrition watch. Shown only to those who may see pay figures (the loader sends nothing otherwise).

type Terms = { loss_threshold_pct: number; components: PayComponent[]; segments: PaySegment[] }

export function PayPlanForm({
  plan,
  terms,
  rosterSegments,
  lastResult,
}: {
  plan: { effective_from: string; transition_kind: string; transition_months: number } | null
  terms: Terms | null
  rosterSegments: { segment: string; reps: number }[]
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useT()
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(PayPlanFields, {
    id: 'pay-plan',
    lastResult,
  })
  // The roster's segments now, then any the plan still names that the roster no longer has.
  const segments = [
    ...rosterSegments.map((row) => row.segment),
    ...(terms?.segments ?? [])
      .map((row) => row.segment)
      .filter((s) => !rosterSegments.some((r) => r.segment === s)),
  ]
  const rows = Array.from({ length: COMPONENT_ROWS }, (_, i) => terms?.components[i])
  const value = (n: number | undefined) => (n === undefined ? undefined : String(n))
  const componentErrors = errors?.components
  return (
    <Form method="post" className="form-grid" aria-label={t('change.pay.edit')} {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="save" />
      <TextField
        type="date"
        label={t('change.pay.effectiveFrom')}
        defaultValue={plan?.effective_from}
        {...field('effective_from')}
      />
      <SelectField
        label={t('change.pay.transitionKind')}
        options={TRANSITION_KINDS.map((kind) => ({
          value: kind,
          label: t(`change.pay.transitionKind.${kind}`),
        }))}
        defaultValue={plan?.transition_kind}
        {...field('transition_kind')}
      />
      <TextField
        type="number"
        label={t('change.pay.transitionMonths')}
        defaultValue={value(plan?.transition_months)}
        {...field('transition_months')}
      />
      <TextField
        type="number"
        step="any"
        label={t('change.pay.lossThreshold')}
        defaultValue={value(terms?.loss_threshold_pct ?? 10)}
        {...field('loss_threshold_pct')}
      />
      <fieldset className="pay-grid">
        <legend>{t('change.pay.components')}</legend>
        <p className="field-hint">{t('change.pay.componentsHint')}</p>
        {componentErrors?.length ? (
          <p className="field-error" role="alert">
            {componentErrors.join(' ')}
          </p>
        ) : null}
        {rows.map((component, i) => (
          <fieldset key={i} className="pay-row">
            <legend>{t('change.pay.componentRow', { n: i + 1 })}</legend>
            <TextField
              label={t('change.pay.componentName')}
              defaultValue={component?.name}
              {...field(`components[${i}].name`)}
            />
            {(['weight_before', 'weight_after', 'quota_before', 'quota_after'] as const).map((key) => (
              <TextField
                key={key}
                type="number"
                step="any"
                min={0}
                label={t(
                  `change.pay.${key === 'weight_before' ? 'weightBefore' : key === 'weight_after' ? 'weightAfter' : key === 'quota_before' ? 'quotaBefore' : 'quotaAfter'}`,
                )}
                defaultValue={value(component?.[key])}
                {...field(`components[${i}].${key}`)}
              />
            ))}
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="pay-grid">
        <legend>{t('change.pay.segments')}</legend>
        <p className="field-hint">{t('change.pay.segmentsHint')}</p>
        {segments.map((segment, s) => {
          const saved = terms?.segments.find((row) => row.segment === segment)
          return (
            <fieldset key={segment} className="pay-row">
              <legend>{segment}</legend>
              <input type="hidden" name={`segments[${s}].segment`} value={segment} />
              <TextField
                type="number"
                step="any"
                min={0}
                label={t('change.pay.basePay')}
                defaultValue={value(saved?.base_pay)}
                {...field(`segments[${s}].base_pay`)}
              />
              <TextField
                type="number"
                step="any"
                min={0}
                label={t('change.pay.targetVariable')}
                defaultValue={value(saved?.target_variable)}
                {...field(`segments[${s}].target_variable`)}
              />
              {rows.map((_, i) => (
                <TextField
                  key={i}
                  type="number"
                  step="any"
                  min={0}
                  label={t('change.pay.volume', { n: i + 1 })}
                  defaultValue={value(saved?.volumes[i])}
                  {...field(`segments[${s}].volumes[${i}]`)}
                />
              ))}
            </fieldset>
          )
        })}
      </fieldset>
      <p className="muted">{t('change.pay.editHint')}</p>
      <button type="submit">{t('change.pay.save')}</button>
    </Form>
  )
}

export function PaySimulationTable({
  simulation,
  threshold,
}: {
  simulation: PlanSimulation
  threshold: number
}) {
  const t = useT()
  const format = useFormat()
  const money = (n: number) => format.number(n, { maximumFractionDigits: 0 })
  return (
    <>
      <p className="muted">{t('change.pay.simulationExplain')}</p>
      <p>
        {t('change.pay.losers', {
          segments: simulation.losingSegments,
          reps: simulation.repsLosing,
          pct: threshold,
        })}
      </p>
      {simulation.uncovered.length ? (
        <p className="field-error">
          {t('change.pay.uncovered', { segments: simulation.uncovered.join(', ') })}
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('change.pay.simulation')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('change.pay.segment')}</th>
              <th scope="col">{t('change.pay.reps')}</th>
              <th scope="col">{t('change.pay.before')}</th>
              <th scope="col">{t('change.pay.after')}</th>
              <th scope="col">{t('change.pay.change')}</th>
              <th scope="col">{t('change.pay.firstYear')}</th>
              <th scope="col">{t('change.pay.firstYearChange')}</th>
            </tr>
          </thead>
          <tbody>
            {simulation.segments.map((row) => (
              <tr key={row.segment}>
                <th scope="row">
                  {row.segment}{' '}
                  {row.losesMore ? (
                    <Badge tone="bad">{t('change.pay.losesMore', { pct: threshold })}</Badge>
                  ) : null}
                </th>
                <td>{format.number(row.reps)}</td>
                <td>{money(row.before)}</td>
                <td>{money(row.after)}</td>
                <td>{format.percent(row.change)}</td>
                <td>{money(row.firstYear)}</td>
                <td>{format.percent(row.firstYearChange)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

type Attrition = {
  days: number
  before: { from: string; to: string }
  after: { from: string; to: string }
  segments: {
    segment: string
    before: { reps: number; left: number; rate: number | null }
    after: { reps: number; left: number; rate: number | null }
  }[]
}

export function AttritionTable({ attrition }: { attrition: Attrition | null }) {
  const t = useT()
  const format = useFormat()
  if (!attrition) return <p className="muted">{t('change.pay.attritionNotStarted')}</p>
  const cell = (side: { reps: number; left: number; rate: number | null }) =>
    t('change.pay.leftOf', { left: side.left, reps: side.reps, rate: format.percent(side.rate) })
  return (
    <>
      <p className="muted">
        {t('change.pay.attritionExplain', {
          afterFrom: format.date(attrition.after.from),
          afterTo: format.date(attrition.after.to),
          beforeFrom: format.date(attrition.before.from),
          beforeTo: format.date(attrition.before.to),
          days: attrition.days,
        })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('change.pay.attrition')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('change.pay.segment')}</th>
              <th scope="col">{t('change.pay.rateBefore')}</th>
              <th scope="col">{t('change.pay.rateAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {attrition.segments.map((row) => (
              <tr key={row.segment}>
                <th scope="row">{row.segment}</th>
                <td>{cell(row.before)}</td>
                <td>
                  {cell(row.after)}{' '}
                  {row.after.rate !== null && row.before.rate !== null && row.after.rate > row.before.rate ? (
                    <Badge tone="warn">{t('change.pay.higher')}</Badge>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
