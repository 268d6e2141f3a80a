import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { Chart } from '~/components/charts/chart'
import { EmptyState } from '~/components/page'
import { RangeFilter } from '~/components/recommendations/range-filter'
import { useFormat, useT } from '~/i18n/react'
import { REASON_CODES } from '~/models/recommendations/event.schema'
import { rejectionReasons } from '~/models/recommendations/insights.server'
import { pageRange } from '~/models/recommendations/page.server'
import { db } from '~/utils/db.server'
import { MetricsLink } from '~/components/metrics-link'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'analytics:read')
  const { range, invalid, timezone } = await pageRange(db, request)
  return {
    range: { from: range.from, to: range.to },
    invalid,
    reasons: await rejectionReasons(db, range, timezone),
  }
}

export default function RejectionsPage() {
  const { range, invalid, reasons } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const location = useLocation()
  const exportParams = new URLSearchParams(location.search)
  exportParams.set('from', range.from)
  exportParams.set('to', range.to)
  const reasonLabel = (reason: string) =>
    t(`recommendations.reason.${reason as (typeof REASON_CODES)[number]}`)
  return (
    <section aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">{t('recommendations.rejections.heading')}</h2>
      <RangeFilter range={range} invalid={invalid} />
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
      {reasons.total === 0 ? (
        <EmptyState>{t('recommendations.empty')}</EmptyState>
      ) : (
        <>
          <div className="stat-grid">
            <div className="stat">
              <span className="stat-label">{t('recommendations.rejections.total')}</span>
              <span className="stat-value">{format.number(reasons.total)}</span>
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
                    values: REASON_CODES.map((reason) => reasons.byReason[reason] ?? 0),
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
        </>
      )}
    </section>
  )
}
