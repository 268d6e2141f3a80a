import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { Chart } from '~/components/charts/chart'
import { EmptyState } from '~/components/page'
import { RangeFilter, useKeyLabel } from '~/components/recommendations/range-filter'
import { CohortTable } from '~/components/recommendations/cohort-table'
import { useFormat, useT } from '~/i18n/react'
import {
  adoptionBy,
  recommendationAdoption,
  type AdoptionFigures,
} from '~/models/recommendations/adoption.server'
import { cohortRetention } from '~/models/recommendations/insights.server'
import { pageRange, sellerNames } from '~/models/recommendations/page.server'
import {
  guardAdoption,
  guardAdoptionRow,
  guardCohorts,
  privacyFor,
  type Guarded,
} from '~/models/recommendations/privacy.server'
import { db } from '~/utils/db.server'
import { MetricsLink } from '~/components/metrics-link'

const SLICES = ['manager', 'tech_affinity', 'region'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const privacy = privacyFor(user)
  const { range: full, invalid, timezone } = await pageRange(db, request)
  const range = { from: full.from, to: full.to }
  const [adoption, manager, techAffinity, region, pilot, cohorts] = await Promise.all([
    recommendationAdoption(db, range),
    adoptionBy(db, range, 'manager', timezone),
    adoptionBy(db, range, 'tech_affinity', timezone),
    adoptionBy(db, range, 'region', timezone),
    adoptionBy(db, range, 'pilot', timezone),
    cohortRetention(db, range, timezone),
  ])
  const guarded = (rows: typeof manager) =>
    rows.map((row) => ({ ...guardAdoptionRow(row, privacy), key: row.key }))
  const names = await sellerNames(
    db,
    manager.map((row) => row.key),
  )
  return {
    range,
    invalid,
    privacy,
    total: guardAdoption(adoption, privacy).total,
    slices: { manager: guarded(manager), tech_affinity: guarded(techAffinity), region: guarded(region) },
    pilot: guarded(pilot),
    cohorts: guardCohorts(cohorts, privacy),
    names,
  }
}

const MEASURES = [
  'eligible',
  'active',
  'adoption_rate',
  'avg_daily_active',
  'avg_weekly_active',
  'stickiness',
] as const

export default function AdoptionPage() {
  const { range, invalid, privacy, total, slices, pilot, cohorts, names } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const keyLabel = useKeyLabel()
  const value = (figures: Guarded<AdoptionFigures>, measure: (typeof MEASURES)[number]) =>
    figures.suppressed
      ? t('recommendations.privacy.fewerThan')
      : measure === 'adoption_rate' || measure === 'stickiness'
        ? format.percent(figures[measure])
        : format.number(figures[measure], { maximumFractionDigits: 1 })
  return (
    <section aria-labelledby="adoption-heading">
      <h2 id="adoption-heading">{t('recommendations.adoption.heading')}</h2>
      <RangeFilter range={range} invalid={invalid} />
      <p className="muted">
        {t('recommendations.adoption.explain')} <MetricsLink section="adoption" />
      </p>
      {privacy === 'suppressed' ? <p className="muted">{t('recommendations.privacy.explain')}</p> : null}
      {total.eligible === 0 ? (
        <EmptyState>{t('recommendations.adoption.noRoster')}</EmptyState>
      ) : (
        <>
          <div className="stat-grid">
            {MEASURES.map((measure) => (
              <div className="stat" key={measure}>
                <span className="stat-label">{t(`recommendations.adoption.${measure}`)}</span>
                <span className="stat-value">{value(total, measure)}</span>
              </div>
            ))}
          </div>
          <p className="muted">{t('recommendations.adoption.managersExplain')}</p>
          <div className="two-column">
            {SLICES.map((slice) => (
              <div className="card" key={slice}>
                <Chart
                  kind="bar"
                  title={t('recommendations.adoption.by', { group: t(`recommendations.group.${slice}`) })}
                  labels={slices[slice].map((row) => keyLabel(slice, row.key, names))}
                  series={[
                    {
                      label: t('recommendations.adoption.adoption_rate'),
                      values: slices[slice].map((row) => row.adoption_rate),
                    },
                    {
                      label: t('recommendations.adoption.stickiness'),
                      values: slices[slice].map((row) => row.stickiness),
                    },
                  ]}
                  format="percent"
                  yMin={0}
                  yMax={1}
                />
              </div>
            ))}
          </div>
          <h3>{t('recommendations.group.pilot')}</h3>
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('recommendations.group.pilot')}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('recommendations.evidence.group')}</th>
                  {MEASURES.map((measure) => (
                    <th scope="col" key={measure}>
                      {t(`recommendations.adoption.${measure}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {pilot.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{keyLabel('pilot', row.key)}</th>
                    {MEASURES.map((measure) => (
                      <td key={measure}>{value(row, measure)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('recommendations.adoption.cohorts')}</h3>
          <p className="muted">{t('recommendations.adoption.cohortsExplain')}</p>
          <CohortTable cohorts={cohorts} />
        </>
      )}
    </section>
  )
}
