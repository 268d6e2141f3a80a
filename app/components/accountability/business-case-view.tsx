import { DataTable } from '~/components/data-table'
import { Badge } from '~/components/page'
import { useFormat, useLocale, useT } from '~/i18n/react'
import type { CaseFigures } from '~/models/accountability/business-case-finance'
import { benefitAnnualValue } from '~/models/accountability/business-case-finance'
import type { CaseStatus } from '~/models/accountability/tables'
import { MetricsLink } from '~/components/metrics-link'

// Read-only rendering of one business-case version: text, figures, benefit and cost lines. Used on the
// case page and twice, side by side, in the version comparison.

export type CaseViewData = {
  version: number
  status: CaseStatus
  context: string
  approach: string
  customer_value: string
  target_segments: string[]
  data_systems: string[]
  discount_rate: number | null
  horizon_years: number
  benefits: {
    id: string
    name: string
    start_year: number
    kpi_id: string | null
    assumptions: { id: string; name: string; unit: string; value: number; source: string }[]
  }[]
  costs: { id: string; name: string; kind: 'one_off' | 'recurring'; year: number; amount: number }[]
  figures: CaseFigures | null
}

export type KpiEvidence = {
  id: string
  name_en: string
  name_zh_tw: string
  unit: string
  last_period_end: string | null
  last_value: number | null
  target_value: number | null
}

const TONE: Record<CaseStatus, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  draft: 'neutral',
  submitted: 'info',
  approved: 'good',
  changes_requested: 'warn',
  rejected: 'bad',
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT()
  return <Badge tone={TONE[status]}>{t(`accountability.caseStatus.${status}`)}</Badge>
}

export function useMoney() {
  const format = useFormat()
  return (value: number | null | undefined) => format.number(value, { maximumFractionDigits: 0 })
}

export function FiguresSummary({ figures }: { figures: CaseFigures }) {
  const t = useT()
  const format = useFormat()
  const money = useMoney()
  return (
    <div className="stat-grid">
      <div className="stat">
        <span className="stat-value">{money(figures.npv)}</span>
        <span className="stat-label">{t('accountability.npv')}</span>
      </div>
      <div className="stat">
        <span className="stat-value">{figures.roi === null ? '—' : format.percent(figures.roi)}</span>
        <span className="stat-label">{t('accountability.roi')}</span>
      </div>
      <div className="stat">
        <span className="stat-value">
          {figures.paybackMonth === null
            ? t('accountability.noPayback')
            : t('accountability.monthN', { month: figures.paybackMonth })}
        </span>
        <span className="stat-label">{t('accountability.payback')}</span>
      </div>
      <div className="stat">
        <span className="stat-value">
          {figures.irr.defined ? format.percent(figures.irr.rate, 1) : t('accountability.irrNotDefined')}
        </span>
        <span className="stat-label">{t('accountability.irr')}</span>
        {figures.irr.defined ? null : (
          <span className="field-hint">
            {t(`accountability.irrUndefined.${figures.irr.reason}`, { count: figures.irr.signChanges })}
          </span>
        )}
      </div>
      <div className="stat">
        <span className="stat-value">{money(figures.totalBenefits - figures.totalCosts)}</span>
        <span className="stat-label">{t('accountability.netValue')}</span>
      </div>
    </div>
  )
}

export function YearTable({ figures, caption }: { figures: CaseFigures; caption: string }) {
  const t = useT()
  const money = useMoney()
  return (
    <DataTable
      caption={caption}
      rows={figures.years}
      rowKey={(year) => year.year}
      columns={[
        { header: t('accountability.year'), cell: (year) => t('accountability.yearN', { year: year.year }) },
        { header: t('accountability.benefits'), numeric: true, cell: (year) => money(year.benefits) },
        { header: t('accountability.costs'), numeric: true, cell: (year) => money(year.costs) },
        { header: t('accountability.net'), numeric: true, cell: (year) => money(year.net) },
        { header: t('accountability.discounted'), numeric: true, cell: (year) => money(year.discounted) },
      ]}
    />
  )
}

function TextFacts({ businessCase }: { businessCase: CaseViewData }) {
  const t = useT()
  return (
    <dl className="facts">
      <dt>{t('accountability.context')}</dt>
      <dd className="prewrap">{businessCase.context}</dd>
      <dt>{t('accountability.approach')}</dt>
      <dd className="prewrap">{businessCase.approach}</dd>
      <dt>{t('accountability.customerValue')}</dt>
      <dd className="prewrap">{businessCase.customer_value}</dd>
      <dt>{t('accountability.targetSegments')}</dt>
      <dd>{businessCase.target_segments.join(', ') || '—'}</dd>
      <dt>{t('accountability.dataSystems')}</dt>
      <dd>{businessCase.data_systems.join(', ') || '—'}</dd>
      <dt>{t('accountability.horizon')}</dt>
      <dd>{t('accountability.yearsN', { years: businessCase.horizon_years })}</dd>
    </dl>
  )
}

export function CaseView({
  businessCase,
  evidence = [],
  headingLevel = 3,
}: {
  businessCase: CaseViewData
  evidence?: KpiEvidence[]
  headingLevel?: 2 | 3
}) {
  const t = useT()
  const locale = useLocale()
  const format = useFormat()
  const money = useMoney()
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const evidenceOf = (kpiId: string | null) => evidence.find((e) => e.id === kpiId)
  return (
    <div className="business-case">
      <TextFacts businessCase={businessCase} />
      {businessCase.figures ? (
        <>
          <H>{t('accountability.figures')}</H>
          <p className="field-hint">
            {t('accountability.discountRate')}: {format.percent(businessCase.discount_rate ?? 0, 4)} ·{' '}
            {t('accountability.conventions')} {t('accountability.irrConventions')}{' '}
            <MetricsLink section="business-case" />
          </p>
          <FiguresSummary figures={businessCase.figures} />
          <YearTable figures={businessCase.figures} caption={t('accountability.valueByYear')} />
        </>
      ) : (
        <p className="empty-state">{t('accountability.financeHidden')}</p>
      )}
      <H>{t('accountability.benefitLines')}</H>
      {businessCase.benefits.length === 0 ? (
        <p className="empty-state">{t('accountability.noBenefits')}</p>
      ) : null}
      {businessCase.benefits.map((benefit) => {
        const kpi = evidenceOf(benefit.kpi_id)
        return (
          <div key={benefit.id} className="case-line">
            <p>
              <strong>{benefit.name}</strong> · {t('accountability.fromYear', { year: benefit.start_year })}
              {businessCase.figures ? (
                <>
                  {' '}
                  · {t('accountability.annualValue')}: <strong>{money(benefitAnnualValue(benefit))}</strong>
                </>
              ) : null}
            </p>
            {businessCase.figures && benefit.assumptions.length ? (
              <DataTable
                caption={benefit.name}
                rows={benefit.assumptions}
                rowKey={(assumption) => assumption.id}
                columns={[
                  { header: t('accountability.assumption'), cell: (assumption) => assumption.name },
                  {
                    header: t('accountability.value'),
                    numeric: true,
                    cell: (assumption) => format.number(assumption.value, { maximumFractionDigits: 4 }),
                  },
                  { header: t('accountability.unit'), cell: (assumption) => assumption.unit },
                  { header: t('accountability.source'), cell: (assumption) => assumption.source },
                ]}
              />
            ) : null}
            {kpi ? (
              <p className="field-hint">
                {t('accountability.provenBy')}: {locale === 'zh-TW' ? kpi.name_zh_tw : kpi.name_en} ·{' '}
                {t('accountability.planned')}: {format.number(kpi.target_value)} {kpi.unit} ·{' '}
                {t('accountability.actual')}: {format.number(kpi.last_value)} {kpi.unit}
                {kpi.last_period_end ? ` (${format.date(kpi.last_period_end)})` : ''}
              </p>
            ) : null}
          </div>
        )
      })}
      {businessCase.figures ? (
        <>
          <H>{t('accountability.costLines')}</H>
          {businessCase.costs.length === 0 ? (
            <p className="empty-state">{t('accountability.noCosts')}</p>
          ) : (
            <DataTable
              caption={t('accountability.costLines')}
              rows={businessCase.costs}
              rowKey={(cost) => cost.id}
              columns={[
                { header: t('accountability.costName'), cell: (cost) => cost.name },
                {
                  header: t('accountability.costKind'),
                  cell: (cost) => t(`accountability.costKind.${cost.kind}`),
                },
                {
                  header: t('accountability.year'),
                  cell: (cost) => t('accountability.yearN', { year: cost.year }),
                },
                { header: t('accountability.amount'), numeric: true, cell: (cost) => money(cost.amount) },
              ]}
            />
          )}
        </>
      ) : null}
    </div>
  )
}
