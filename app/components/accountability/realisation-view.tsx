import { DataTable } from '~/components/data-table'
import { useFormat, useT } from '~/i18n/react'
import type { Realisation } from '~/models/accountability/business-case-realisation'
import { useMoney } from './business-case-view'
import { MetricsLink } from '~/components/metrics-link'

// The business case's value realised in money: the totals, each benefit line with the assumption its
// KPI measures, the variance by assumption, and the cumulative planned and realised by period.

const CUMULATIVE_ROWS = 12

export function RealisationView({
  realisation,
  startDate,
  H = 'h3',
}: {
  realisation: Realisation | null
  startDate: string | null
  H?: 'h2' | 'h3'
}) {
  const t = useT()
  const format = useFormat()
  const money = useMoney()
  return (
    <section aria-labelledby="realisation-title">
      <H id="realisation-title">{t('accountability.realisation.title')}</H>
      {realisation === null ? (
        <p className="empty-state">{t('accountability.realisation.noStart')}</p>
      ) : (
        <>
          <p className="field-hint">
            {t('accountability.realisation.method', { start: format.date(startDate) })}{' '}
            <MetricsLink section="realisation" />
          </p>
          <p>
            {realisation.measuredLines
              ? t('accountability.realisation.summary', {
                  realised: money(realisation.realised),
                  planned: money(realisation.planned),
                  lines: realisation.measuredLines,
                })
              : t('accountability.realisation.noneMeasured')}
          </p>
          <DataTable
            caption={t('accountability.realisation.title')}
            rows={realisation.lines}
            rowKey={(line) => line.name}
            columns={[
              { header: t('accountability.realisation.line'), cell: (line) => line.name },
              {
                header: t('accountability.realisation.status'),
                cell: (line) => t(`accountability.realisation.status.${line.status}`),
              },
              {
                header: t('accountability.realisation.assumption'),
                cell: (line) => line.assumption?.name ?? '—',
              },
              {
                header: t('accountability.realisation.assumed'),
                numeric: true,
                cell: (line) =>
                  line.assumption ? format.number(line.assumption.value, { maximumFractionDigits: 4 }) : '—',
              },
              {
                header: t('accountability.realisation.meanActual'),
                numeric: true,
                cell: (line) => format.number(line.meanActual, { maximumFractionDigits: 4 }),
              },
              {
                header: t('accountability.realisation.periods'),
                numeric: true,
                cell: (line) => format.number(line.periods.length),
              },
              {
                header: t('accountability.realisation.planned'),
                numeric: true,
                cell: (line) => (line.status === 'measured' ? money(line.planned) : '—'),
              },
              {
                header: t('accountability.realisation.realised'),
                numeric: true,
                cell: (line) => money(line.realised),
              },
              {
                header: t('accountability.realisation.variance'),
                numeric: true,
                cell: (line) => money(line.variance),
              },
              {
                header: t('accountability.realisation.onTrajectory'),
                numeric: true,
                cell: (line) => {
                  const onTrajectory = line.periods.filter((p) => p.onTrajectory !== null)
                  return onTrajectory.length
                    ? money(onTrajectory.reduce((sum, p) => sum + p.onTrajectory!, 0))
                    : '—'
                },
              },
            ]}
          />
          {realisation.varianceByAssumption.length ? (
            <DataTable
              caption={t('accountability.realisation.byAssumption')}
              rows={realisation.varianceByAssumption}
              rowKey={(row) => row.line}
              columns={[
                { header: t('accountability.realisation.assumption'), cell: (row) => row.assumption },
                { header: t('accountability.realisation.line'), cell: (row) => row.line },
                {
                  header: t('accountability.realisation.assumed'),
                  numeric: true,
                  cell: (row) => format.number(row.assumed, { maximumFractionDigits: 4 }),
                },
                {
                  header: t('accountability.realisation.meanActual'),
                  numeric: true,
                  cell: (row) => format.number(row.meanActual, { maximumFractionDigits: 4 }),
                },
                {
                  header: t('accountability.realisation.variance'),
                  numeric: true,
                  cell: (row) => money(row.variance),
                },
              ]}
            />
          ) : null}
          {realisation.cumulative.length ? (
            <DataTable
              caption={t('accountability.realisation.cumulative')}
              rows={realisation.cumulative.slice(-CUMULATIVE_ROWS)}
              rowKey={(row) => row.periodEnd}
              columns={[
                {
                  header: t('accountability.realisation.periodEnd'),
                  cell: (row) => format.date(row.periodEnd),
                },
                {
                  header: t('accountability.realisation.cumulativePlanned'),
                  numeric: true,
                  cell: (row) => money(row.planned),
                },
                {
                  header: t('accountability.realisation.cumulativeRealised'),
                  numeric: true,
                  cell: (row) => money(row.realised),
                },
              ]}
            />
          ) : null}
        </>
      )}
    </section>
  )
}
