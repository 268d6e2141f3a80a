import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { Chart, CHART_COLORS } from '~/components/charts/chart'
import { EmptyState } from '~/components/page'
import { FunnelTable } from '~/components/recommendations/funnel-table'
import { RangeFilter, useKeyLabel } from '~/components/recommendations/range-filter'
import { useFormat, useT } from '~/i18n/react'
import { recommendationFunnel } from '~/models/recommendations/funnel.server'
import { FUNNEL_STAGES } from '~/models/recommendations/funnel-stages'
import { FUNNEL_GROUPS } from '~/models/recommendations/metrics.schema'
import { pageRange, sellerNames } from '~/models/recommendations/page.server'
import { guardFunnel, privacyFor } from '~/models/recommendations/privacy.server'
import { db } from '~/utils/db.server'
import { MetricsLink } from '~/components/metrics-link'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const privacy = privacyFor(user)
  const { range, invalid } = await pageRange(db, request, 'recommendation_type')
  const [funnel, weekly] = await Promise.all([
    recommendationFunnel(db, range).then((answer) => guardFunnel(db, answer, privacy)),
    recommendationFunnel(db, { ...range, group_by: 'week' }).then((answer) =>
      guardFunnel(db, answer, privacy),
    ),
  ])
  // A suppressed rep's name says who they are: it goes only with figures that may be seen.
  const shown = funnel.groups.filter((group) => !group.suppressed)
  const names =
    range.group_by === 'manager' || range.group_by === 'seller'
      ? await sellerNames(
          db,
          shown.map((group) => group.key),
        )
      : {}
  return { range, invalid, funnel, weekly: weekly.groups, names, privacy }
}

const STAGES = FUNNEL_STAGES
const BENCHMARKS = [
  { label: 'recommendations.benchmark.industryLow', value: 0.06, color: CHART_COLORS.orange },
  { label: 'recommendations.benchmark.industryHigh', value: 0.1, color: CHART_COLORS.vermillion },
  { label: 'recommendations.benchmark.oneInThree', value: 1 / 3, color: CHART_COLORS.green },
] as const

export default function FunnelDashboard() {
  const { range, invalid, funnel, weekly, names, privacy } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const keyLabel = useKeyLabel()
  const group = funnel.group_by
  const benchmarkSeries = (length: number) =>
    BENCHMARKS.map((b) => ({
      label: t(b.label),
      values: Array.from({ length }, () => b.value),
      dashed: true,
      kind: 'line' as const,
      color: b.color,
    }))
  const groupLabels = funnel.groups.map((g) => keyLabel(group, g.key, names))
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">{t('recommendations.funnel.heading')}</h2>
      <RangeFilter range={range} groups={FUNNEL_GROUPS} invalid={invalid} />
      <p className="muted">
        {t('recommendations.funnel.explain')} <MetricsLink section="funnel" />
      </p>
      {privacy === 'suppressed' ? <p className="muted">{t('recommendations.privacy.explain')}</p> : null}
      {funnel.total.generated === 0 ? (
        <EmptyState>{t('recommendations.empty')}</EmptyState>
      ) : (
        <>
          <div className="stat-grid">
            {(
              [
                ['recommendations.stage.generated', format.number(funnel.total.generated)],
                ['recommendations.stage.shown', format.number(funnel.total.shown)],
                ['recommendations.rate.acceptance_rate', format.percent(funnel.total.acceptance_rate)],
                ['recommendations.rate.conversion_rate', format.percent(funnel.total.conversion_rate)],
                ['recommendations.stage.won', format.number(funnel.total.won)],
              ] as const
            ).map(([label, value]) => (
              <div className="stat" key={label}>
                <span className="stat-label">{t(label)}</span>
                <span className="stat-value">{value}</span>
              </div>
            ))}
          </div>
          <div className="two-column">
            <div className="card">
              <Chart
                kind="bar"
                title={t('recommendations.funnel.chart')}
                labels={STAGES.map((stage) => t(`recommendations.stage.${stage}`))}
                series={[
                  { label: t('recommendations.funnel.count'), values: STAGES.map((s) => funnel.total[s]) },
                ]}
                format="integer"
              />
            </div>
            <div className="card">
              <Chart
                kind="line"
                title={t('recommendations.funnel.trend')}
                labels={weekly.map((week) => format.date(week.key))}
                series={[
                  {
                    label: t('recommendations.rate.conversion_rate'),
                    values: weekly.map((week) => week.conversion_rate),
                  },
                  ...benchmarkSeries(weekly.length),
                ]}
                format="percent"
                yMin={0}
              />
            </div>
          </div>
          {group ? (
            <div className="card">
              <Chart
                kind="bar"
                title={t('recommendations.funnel.bySlice', { group: t(`recommendations.group.${group}`) })}
                labels={groupLabels}
                series={[
                  {
                    label: t('recommendations.rate.conversion_rate'),
                    values: funnel.groups.map((g) => g.conversion_rate),
                  },
                  ...benchmarkSeries(funnel.groups.length),
                ]}
                format="percent"
                yMin={0}
              />
            </div>
          ) : null}
          <h3>{t('recommendations.funnel.table')}</h3>
          <FunnelTable
            caption={t('recommendations.funnel.table')}
            groupLabel={group ? t(`recommendations.group.${group}`) : ''}
            rows={funnel.groups.map((g, index) => ({ label: groupLabels[index]!, figures: g }))}
            total={funnel.total}
          />
        </>
      )}
    </section>
  )
}
