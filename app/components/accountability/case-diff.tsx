import type { MessageKey } from '~/i18n/messages'
import { useFormat, useT } from '~/i18n/react'
import type { CaseDiff, DiffValue } from '~/models/accountability/business-case-diff'

// The version comparison's list of differences: each row says what changed (added, removed, or
// changed with old → new), highlighted by kind; the two versions are shown in full beneath it.

const FIELD: Record<string, MessageKey> = {
  context: 'accountability.context',
  approach: 'accountability.approach',
  customer_value: 'accountability.customerValue',
  target_segments: 'accountability.targetSegments',
  data_systems: 'accountability.dataSystems',
  discount_rate: 'accountability.discountRate',
  horizon_years: 'accountability.horizon',
  start_year: 'accountability.diff.startYear',
  kpi_id: 'accountability.provenBy',
  value: 'accountability.value',
  unit: 'accountability.unit',
  source: 'accountability.source',
  kind: 'accountability.costKind',
  year: 'accountability.year',
  amount: 'accountability.amount',
  totalBenefits: 'accountability.diff.totalBenefits',
  totalCosts: 'accountability.diff.totalCosts',
  npv: 'accountability.npv',
  roi: 'accountability.roi',
  paybackMonth: 'accountability.payback',
}

const SECTION: Record<CaseDiff['section'], MessageKey> = {
  case: 'accountability.caseText',
  benefit: 'accountability.benefitLines',
  assumption: 'accountability.assumption',
  cost: 'accountability.costLines',
  finance: 'accountability.figures',
}

export function CaseDiffTable({ diffs, kpiNames }: { diffs: CaseDiff[]; kpiNames: Record<string, string> }) {
  const t = useT()
  const format = useFormat()
  const show = (diff: CaseDiff, value: DiffValue) => {
    if (value === null || value === '') return '—'
    if (diff.field === 'kpi_id') return kpiNames[String(value)] ?? '—'
    if (diff.field === 'kind') return t(`accountability.costKind.${value as 'one_off' | 'recurring'}`)
    if (diff.field === 'discount_rate' || diff.field === 'roi') return format.percent(Number(value))
    if (typeof value === 'number') return format.number(value, { maximumFractionDigits: 2 })
    return value
  }
  if (diffs.length === 0) return <p className="field-hint">{t('accountability.diff.none')}</p>
  return (
    <div className="table-wrap" role="region" aria-label={t('accountability.diff.title')} tabIndex={0}>
      <table className="case-diff">
        <caption>{t('accountability.diff.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accountability.diff.where')}</th>
            <th scope="col">{t('accountability.diff.field')}</th>
            <th scope="col">{t('accountability.diff.change')}</th>
            <th scope="col">{t('accountability.diff.beforeAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {diffs.map((diff, index) => (
            <tr key={index} className={`diff-${diff.kind}`}>
              <th scope="row">
                {t(SECTION[diff.section])}
                {diff.subject.length ? ` · ${diff.subject.join(' › ')}` : ''}
              </th>
              <td>
                {diff.field
                  ? t(FIELD[diff.field] ?? 'accountability.diff.line')
                  : t('accountability.diff.line')}
              </td>
              <td>{t(`accountability.diff.kind.${diff.kind}`)}</td>
              <td>
                {diff.kind !== 'added' ? <del>{show(diff, diff.before)}</del> : null}
                {diff.kind === 'changed' ? ' → ' : null}
                {diff.kind !== 'removed' ? <ins>{show(diff, diff.after)}</ins> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
