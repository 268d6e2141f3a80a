import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { Chart } from '~/components/charts/chart'
import { DataTable, type Column } from '~/components/data-table'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { EmptyState } from '~/components/page'
import { RangeFilter } from '~/components/recommendations/range-filter'
import { readableCode } from '~/i18n/format'
import { useFormat, useT } from '~/i18n/react'
import { REASON_CODES } from '~/models/recommendations/event.schema'
import { listRejections, rejectionReasons } from '~/models/recommendations/insights.server'
import { pageRange } from '~/models/recommendations/page.server'
import { guardRejections, privacyFor } from '~/models/recommendations/privacy.server'
import { db } from '~/utils/db.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { readListQuery } from '~/utils/list-query'
import { z } from 'zod'
import type { Translate } from '~/i18n/translate'

const RECOMMENDATION_TYPES = ['cross_sell', 'renewal_risk', 'upsell_seats', 'competitor_alert', 're_engage']

/** A recommendation type by its label; one the tool sent after this list was written, as words. */
function typeLabel(t: Translate, type: string) {
  return RECOMMENDATION_TYPES.includes(type)
    ? t(`recommendations.type.${type as 'cross_sell'}`)
    : readableCode(type)
}

const PAGE_SIZE = 50

const LIST = {
  sorts: ['rejected', 'generated', 'type', 'reason', 'model'],
  defaultSort: 'rejected',
  defaultDir: 'desc',
  filters: { reason: z.enum(REASON_CODES).optional().catch(undefined) },
} as const

type Rejection = Awaited<ReturnType<typeof listRejections>>['rows'][number]

function csvColumns(withReps: boolean): CsvColumn<Rejection>[] {
  return [
    { header: 'recommendations.rejections.rejectedAt', value: (row) => row.rejected_at },
    {
      header: 'recommendations.rejections.type',
      value: (row, t) => (row.recommendation_type ? typeLabel(t, row.recommendation_type) : ''),
    },
    {
      header: 'recommendations.rejections.reason',
      value: (row, t) => (row.reason_code ? t(`recommendations.reason.${row.reason_code as 'other'}`) : ''),
    },
    { header: 'recommendations.rejections.reasonText', value: (row) => row.reason_text },
    { header: 'recommendations.rejections.model', value: (row) => row.model_version },
    {
      header: 'recommendations.rejections.explained',
      value: (row, t) => t(row.has_explanation ? 'common.yes' : 'common.no'),
    },
    { header: 'recommendations.rejections.account', value: (row) => row.account_id },
    ...(withReps
      ? [{ header: 'recommendations.rejections.rep' as const, value: (row: Rejection) => row.seller_id }]
      : []),
  ]
}
import { MetricsLink } from '~/components/metrics-link'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const { range, invalid, timezone } = await pageRange(db, request)
  const query = readListQuery(request, LIST)
  // Which rep rejected is per-rep data: the table names the rep only for those who may see reps.
  const withReps = privacyFor(user) === 'full'
  const listOptions = {
    q: query.q || undefined,
    reason: query.reason,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    withReps,
  }
  const reasons = await rejectionReasons(db, range, timezone).then((found) =>
    guardRejections(db, found, range, timezone, privacyFor(user)),
  )
  // The list's row count would tell a suppressed figure (how many rejections, or of one reason), so
  // below 5 rejecting reps those without rep access get no list, on the page and in its export.
  const listHidden =
    !withReps &&
    (reasons.total === null || (query.reason !== undefined && reasons.byReason[query.reason] === null))
  if (query.csv) {
    const all = listHidden
      ? { rows: [] }
      : await listRejections(db, range, timezone, { ...listOptions, size: null })
    return listCsvResponse(
      request,
      `rejections-${range.from}-${range.to}.csv`,
      csvColumns(withReps),
      all.rows,
    )
  }
  const list = listHidden
    ? null
    : await listRejections(db, range, timezone, { ...listOptions, size: PAGE_SIZE })
  return { range: { from: range.from, to: range.to }, invalid, reasons, list, query, withReps }
}

export default function RejectionsPage() {
  const { range, invalid, reasons, list, query, withReps } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const location = useLocation()
  const exportParams = new URLSearchParams(location.search)
  exportParams.set('from', range.from)
  exportParams.set('to', range.to)
  const reasonLabel = (reason: string) =>
    t(`recommendations.reason.${reason as (typeof REASON_CODES)[number]}`)
  const columns: Column<Rejection>[] = [
    {
      header: t('recommendations.rejections.rejectedAt'),
      sortKey: 'rejected',
      cell: (row) => format.dateTime(row.rejected_at),
    },
    {
      header: t('recommendations.rejections.type'),
      sortKey: 'type',
      cell: (row) => (row.recommendation_type ? typeLabel(t, row.recommendation_type) : '—'),
    },
    {
      header: t('recommendations.rejections.reason'),
      sortKey: 'reason',
      cell: (row) => (row.reason_code ? reasonLabel(row.reason_code) : '—'),
    },
    { header: t('recommendations.rejections.reasonText'), cell: (row) => row.reason_text ?? '—' },
    {
      header: t('recommendations.rejections.model'),
      sortKey: 'model',
      cell: (row) => (row.model_version ? <code>{row.model_version}</code> : '—'),
    },
    {
      header: t('recommendations.rejections.explained'),
      cell: (row) => t(row.has_explanation ? 'common.yes' : 'common.no'),
    },
    {
      header: t('recommendations.rejections.account'),
      cell: (row) => (row.account_id ? <code>{row.account_id}</code> : '—'),
    },
    ...(withReps
      ? [
          {
            header: t('recommendations.rejections.rep'),
            cell: (row: Rejection) => (row.seller_id ? <code>{row.seller_id}</code> : '—'),
          },
        ]
      : []),
  ]
  return (
    <section aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">{t('recommendations.rejections.heading')}</h2>
      <RangeFilter
        range={range}
        invalid={invalid}
        keep={{ sort: query.sort, dir: query.dir, q: query.q, reason: query.reason }}
      />
      <p className="muted">
        {t('recommendations.rejections.explain')} <MetricsLink section="rejections" />
      </p>
      <p>
        <a
          className="button button-secondary"
          href={`/recommendations/rejections/export?${exportParams}`}
          download
        >
          {t('recommendations.rejections.export')}
        </a>
      </p>
      {reasons.suppressed ? <p className="muted">{t('recommendations.privacy.explain')}</p> : null}
      {reasons.total === 0 ? (
        <EmptyState>{t('recommendations.empty')}</EmptyState>
      ) : (
        <>
          <div className="stat-grid">
            <div className="stat">
              <span className="stat-label">{t('recommendations.rejections.total')}</span>
              <span className="stat-value">
                {reasons.total === null
                  ? t('recommendations.privacy.fewerThan')
                  : format.number(reasons.total)}
              </span>
            </div>
          </div>
          <div className="two-column">
            <div className="card">
              <Chart
                kind="bar"
                title={t('recommendations.rejections.byReason')}
                labels={REASON_CODES.map(reasonLabel)}
                series={[
                  {
                    label: t('recommendations.rejections.total'),
                    // A suppressed count (null) is a gap, not a zero.
                    values: REASON_CODES.map((reason) =>
                      reason in reasons.byReason ? reasons.byReason[reason]! : 0,
                    ),
                  },
                ]}
                format="integer"
              />
            </div>
            <div className="card">
              <Chart
                kind="bar"
                stacked
                title={t('recommendations.rejections.trend')}
                labels={reasons.weeks.map((week: string) => format.date(week))}
                series={REASON_CODES.map((reason) => ({
                  label: reasonLabel(reason),
                  values: reasons.trend[reason] ?? [],
                  stack: 'reasons',
                }))}
                format="integer"
              />
            </div>
          </div>
          <h3 id="rejections-list">{t('recommendations.rejections.list')}</h3>
          <ListFilters state={query} keep={{ from: range.from, to: range.to }}>
            <ListSearch value={query.q} />
            <label>
              {t('recommendations.rejections.reason')}
              <select name="reason" defaultValue={query.reason ?? ''}>
                <option value="">{t('common.all')}</option>
                {REASON_CODES.map((reason) => (
                  <option key={reason} value={reason}>
                    {reasonLabel(reason)}
                  </option>
                ))}
              </select>
            </label>
          </ListFilters>
          {!list ? (
            <p className="muted">{t('recommendations.privacy.explain')}</p>
          ) : list.rows.length ? (
            <DataTable
              columns={columns}
              rows={list.rows}
              rowKey={(row) => row.recommendation_id}
              caption={t('recommendations.rejections.list')}
              sort={query}
            />
          ) : (
            <EmptyState>{t('recommendations.rejections.noneMatch')}</EmptyState>
          )}
          {list ? <ListFooter page={list.page} pages={list.pages} total={list.total} /> : null}
        </>
      )}
    </section>
  )
}
