import { DataTable, type DataTableProps } from '~/components/data-table'
import type { Locale } from '~/i18n/locales'
import type { Translate } from '~/i18n/translate'
import type { PeriodReport } from '~/models/sponsor/period-report.server'
import type { Formatter } from './health'
import { MetricsLink } from '~/components/metrics-link'

// The period report's sections, shared by the report page and the board pack.

type Props = {
  report: PeriodReport
  t: Translate
  fmt: Formatter & { date: (v: string | null) => string }
  locale: Locale
}

function ReportTable<Row>({
  id,
  title,
  empty,
  ...table
}: { id: string; title: string; empty: string } & DataTableProps<Row>) {
  return (
    <section className="pack-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {table.rows.length ? <DataTable {...table} /> : <p className="empty-state">{empty}</p>}
    </section>
  )
}

export function PeriodReportSections({ report, t, fmt, locale }: Props) {
  const adoptionDelta =
    report.adoption.now.rate !== null && report.adoption.before.rate !== null
      ? report.adoption.now.rate - report.adoption.before.rate
      : null
  const empty = t('sponsor.report.nothing')
  const initiative = t('sponsor.portfolio.initiative')
  return (
    <>
      <ReportTable
        id="report-kpis"
        title={t('sponsor.report.kpiChanges')}
        empty={empty}
        rows={report.kpiChanges}
        rowKey={(change) => change.id}
        columns={[
          {
            header: t('sponsor.report.kpi'),
            cell: (change) => (locale === 'zh-TW' ? change.name_zh_tw : change.name_en),
          },
          { header: initiative, cell: (change) => change.initiative_name },
          { header: t('sponsor.report.from'), cell: (change) => t(`kpi.status.${change.from}`) },
          { header: t('sponsor.report.to'), cell: (change) => t(`kpi.status.${change.to}`) },
        ]}
      />
      <ReportTable
        id="report-gates"
        title={t('sponsor.report.gates')}
        empty={empty}
        rows={report.gates}
        rowKey={(gate) => gate.id}
        columns={[
          { header: initiative, cell: (gate) => gate.initiative_name },
          {
            header: t('initiative.stage'),
            cell: (gate) =>
              t('sponsor.approvals.gate', {
                from: t(`stage.${gate.from_stage as 'frame'}`),
                to: t(`stage.${gate.to_stage}`),
              }),
          },
          { header: t('sponsor.report.decided'), cell: (gate) => fmt.date(gate.decision_date) },
          {
            header: t('accountability.gateOverride'),
            cell: (gate) => gate.override_reason ?? '—',
          },
        ]}
      />
      <ReportTable
        id="report-sprints"
        title={t('sponsor.report.sprints')}
        empty={empty}
        rows={report.sprints}
        rowKey={(sprint) => sprint.id}
        columns={[
          {
            header: initiative,
            cell: (sprint) => (
              <>
                {sprint.initiative_name} · {t('sponsor.report.sprint', { number: sprint.number })}
              </>
            ),
          },
          { header: t('sponsor.report.ended'), cell: (sprint) => fmt.date(sprint.end_date) },
          {
            header: t('sponsor.report.committed'),
            numeric: true,
            cell: (sprint) => fmt.number(sprint.committed),
          },
          {
            header: t('sponsor.report.completed'),
            numeric: true,
            cell: (sprint) => fmt.number(sprint.completed),
          },
          {
            header: t('sponsor.report.slipped'),
            numeric: true,
            cell: (sprint) => fmt.number(sprint.slipped),
          },
          { header: t('sponsor.report.added'), numeric: true, cell: (sprint) => fmt.number(sprint.added) },
          {
            header: t('sponsor.report.predictability'),
            numeric: true,
            cell: (sprint) => fmt.percent(sprint.predictability, 0),
          },
        ]}
      />
      <ReportTable
        id="report-feedback"
        title={t('sponsor.report.feedback')}
        empty={empty}
        rows={report.feedback}
        rowKey={(row) => row.initiative_id}
        columns={[
          { header: initiative, cell: (row) => row.initiative_name },
          {
            header: t('sponsor.report.shipped'),
            numeric: true,
            cell: (row) => fmt.number(Number(row.shipped)),
          },
          {
            header: t('sponsor.report.declined'),
            numeric: true,
            cell: (row) => fmt.number(Number(row.declined)),
          },
        ]}
      />
      <section className="pack-section" aria-labelledby="report-realisation">
        <h2 id="report-realisation">{t('sponsor.report.realisation')}</h2>
        <p className="muted">
          {t('sponsor.report.realisationHint')} <MetricsLink section="realisation" />
        </p>
        {report.realisation.length ? (
          <DataTable
            caption={t('sponsor.report.realisation')}
            rows={report.realisation}
            rowKey={(row) => `${row.initiative_id}/${row.line}`}
            columns={[
              { header: initiative, cell: (row) => row.initiative_name },
              { header: t('accountability.realisation.line'), cell: (row) => row.line },
              { header: t('accountability.realisation.assumption'), cell: (row) => row.assumption ?? '—' },
              {
                header: t('accountability.realisation.periods'),
                numeric: true,
                cell: (row) => fmt.number(row.periods),
              },
              {
                header: t('accountability.realisation.planned'),
                numeric: true,
                cell: (row) => fmt.number(row.planned, { maximumFractionDigits: 0 }),
              },
              {
                header: t('accountability.realisation.realised'),
                numeric: true,
                cell: (row) => fmt.number(row.realised, { maximumFractionDigits: 0 }),
              },
              {
                header: t('accountability.realisation.variance'),
                numeric: true,
                cell: (row) => fmt.number(row.variance, { maximumFractionDigits: 0 }),
              },
            ]}
          />
        ) : (
          <p className="empty-state">{t('sponsor.report.noRealisation')}</p>
        )}
      </section>
      <section className="pack-section" aria-labelledby="report-adoption">
        <h2 id="report-adoption">{t('sponsor.report.adoption')}</h2>
        <p className="muted">
          {t('sponsor.report.adoptionNote')} <MetricsLink section="adoption" />
        </p>
        <dl className="facts">
          <dt>
            {fmt.date(report.adoption.previousFrom)} – {fmt.date(report.adoption.previousTo)}
          </dt>
          <dd>
            {report.adoption.before.suppressed
              ? t('recommendations.privacy.fewerThan')
              : fmt.percent(report.adoption.before.rate, 1)}
          </dd>
          <dt>
            {fmt.date(report.period.from)} – {fmt.date(report.period.to)}
          </dt>
          <dd>
            {report.adoption.now.suppressed
              ? t('recommendations.privacy.fewerThan')
              : fmt.percent(report.adoption.now.rate, 1)}
            {adoptionDelta !== null
              ? ` (${adoptionDelta >= 0 ? '+' : ''}${fmt.number(adoptionDelta * 100, { maximumFractionDigits: 1 })} pp)`
              : null}
          </dd>
        </dl>
      </section>
    </>
  )
}
