import { Link } from '@remix-run/react'
import type { SortState } from '~/components/list-controls'
import { SortableTh } from '~/components/sortable-th'
import type { Translate } from '~/i18n/translate'
import { KPI_STATUSES } from '~/models/kpi/status'
import type { PortfolioView } from '~/models/sponsor/portfolio.server'
import { ModeScoreCell, type Formatter } from './health'

// The portfolio table, shared by the portfolio page and the board pack (which passes its own
// translator, so the pack can be printed in a language other than the reader's).

const KPI_TONE = { on_track: 'good', at_risk: 'warn', off_track: 'bad', stale: 'info' } as const

export function PhaseClockText({
  phase,
  t,
  fmt,
}: {
  phase: PortfolioView['phase']
  t: Translate
  fmt: Formatter
}) {
  if (!phase) return <span className="muted">{t('sponsor.portfolio.noPhase')}</span>
  const tone = phase.level === 'overrun' ? 'bad' : phase.level === 'warning' ? 'warn' : 'good'
  return (
    <span className={`badge badge-${tone}`}>
      {t('sponsor.portfolio.clock', {
        phase: t(`stage.${phase.phase}`),
        used: fmt.number(phase.used, { maximumFractionDigits: 1 }),
        budget: fmt.number(phase.budget, { maximumFractionDigits: 1 }),
        unit: t(`sponsor.unit.${phase.unit}`),
      })}
    </span>
  )
}

export function KpiCounts({ counts, t }: { counts: PortfolioView['kpiCounts']; t: Translate }) {
  const shown = KPI_STATUSES.filter((status) => counts[status] > 0)
  if (!shown.length) return <span className="muted">{t('sponsor.noData')}</span>
  return (
    <ul className="plain-list">
      {shown.map((status) => (
        <li key={status}>
          <span className={`badge badge-${KPI_TONE[status as keyof typeof KPI_TONE] ?? 'neutral'}`}>
            {counts[status]} {t(`kpi.status.${status}`)}
          </span>
        </li>
      ))}
    </ul>
  )
}

export function CaseValue({
  value,
  t,
  fmt,
}: {
  value: PortfolioView['businessCase']
  t: Translate
  fmt: Formatter
}) {
  if (!value) return <span className="muted">{t('sponsor.portfolio.caseNone')}</span>
  return (
    <>
      {value.totalBenefits === null ? (
        t('sponsor.portfolio.caseHidden')
      ) : (
        <div>
          {t('sponsor.portfolio.approvedValue', {
            value: fmt.number(value.totalBenefits, { notation: 'compact' }),
          })}
        </div>
      )}
      <div className="muted">
        {value.realised === null
          ? `${t('sponsor.input.valueRealised')}: ${t('sponsor.noData')}`
          : t('sponsor.portfolio.realised', { share: fmt.percent(value.realised, 0) })}
      </div>
      {value.realisedMoney !== null && value.plannedMoney !== null && value.measuredLines ? (
        <div className="muted">
          {t('sponsor.portfolio.realisedMoney', {
            realised: fmt.number(value.realisedMoney, { notation: 'compact' }),
            planned: fmt.number(value.plannedMoney, { notation: 'compact' }),
          })}
        </div>
      ) : null}
    </>
  )
}

export function PortfolioTable({
  rows,
  t,
  fmt,
  links = true,
  sort,
}: {
  rows: PortfolioView[]
  t: Translate
  fmt: Formatter
  links?: boolean
  /** The page's sort (from its URL): the headers sort the list. The board pack has none. */
  sort?: SortState
}) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <SortableTh sortKey="name" sort={sort}>
              {t('sponsor.portfolio.initiative')}
            </SortableTh>
            <SortableTh sortKey="stage" sort={sort}>
              {t('initiative.stage')}
            </SortableTh>
            <th scope="col">{t('sponsor.portfolio.phaseClock')}</th>
            <SortableTh sortKey="progress" sort={sort}>
              {t('sponsor.mode.progress')}
            </SortableTh>
            <SortableTh sortKey="adoption" sort={sort}>
              {t('sponsor.mode.adoption')}
            </SortableTh>
            <SortableTh sortKey="sustainment" sort={sort}>
              {t('sponsor.mode.sustainment')}
            </SortableTh>
            <th scope="col">{t('sponsor.portfolio.kpis')}</th>
            <th scope="col">{t('sponsor.portfolio.case')}</th>
            <th scope="col">{t('sponsor.portfolio.checklist')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {links ? <Link to={`/initiatives/${row.id}`}>{row.name}</Link> : row.name}
                {row.leadName ? <div className="muted">{row.leadName}</div> : null}
              </th>
              <td>{t(`stage.${row.stage}`)}</td>
              <td>
                <PhaseClockText phase={row.phase} t={t} fmt={fmt} />
              </td>
              <td>
                <ModeScoreCell score={row.health.progress} t={t} fmt={fmt} />
              </td>
              <td>
                <ModeScoreCell score={row.health.adoption} t={t} fmt={fmt} />
              </td>
              <td>
                <ModeScoreCell score={row.health.sustainment} t={t} fmt={fmt} />
              </td>
              <td>
                <KpiCounts counts={row.kpiCounts} t={t} />
              </td>
              <td>
                <CaseValue value={row.businessCase} t={t} fmt={fmt} />
              </td>
              <td>
                {links ? (
                  <Link to={`/initiatives/${row.id}/checklist`}>
                    {t('sponsor.portfolio.checklistCount', row.checklist)}
                  </Link>
                ) : (
                  t('sponsor.portfolio.checklistCount', row.checklist)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
