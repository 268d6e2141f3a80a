import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { EmptyState } from '~/components/page'
import { CohortTable } from '~/components/recommendations/cohort-table'
import { RangeFilter } from '~/components/recommendations/range-filter'
import { useFormat, useT } from '~/i18n/react'
import { repScopeOf } from '~/models/foundation/team.server'
import { pageRange } from '~/models/recommendations/page.server'
import { teamAdoption, teamCohortRetention, teamFunnel } from '~/models/recommendations/team.server'
import { db } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'team:read')
  const scope = await repScopeOf(db, user)
  const { range: full, invalid, timezone } = await pageRange(db, request)
  const range = { from: full.from, to: full.to }
  const [funnel, adoption, cohorts] = await Promise.all([
    teamFunnel(db, range, timezone, scope),
    teamAdoption(db, range, timezone, scope),
    teamCohortRetention(db, range, timezone, scope),
  ])
  const activity = new Map(adoption.reps.map((rep) => [rep.seller_id, rep]))
  const reps = funnel.reps.map((rep) => ({ ...rep, activity: activity.get(rep.seller_id) ?? null }))
  return { range, invalid, funnel: funnel.total, adoption: adoption.total, reps, cohorts }
}

export default function TeamOverview() {
  const { range, invalid, funnel, adoption, reps, cohorts } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const stats = [
    ['recommendations.adoption.eligible', format.number(adoption.eligible)],
    ['recommendations.adoption.adoption_rate', format.percent(adoption.adoption_rate)],
    ['recommendations.stage.generated', format.number(funnel.generated)],
    ['recommendations.rate.acceptance_rate', format.percent(funnel.acceptance_rate)],
    ['recommendations.rate.conversion_rate', format.percent(funnel.conversion_rate)],
  ] as const
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t('recommendations.team.heading')}</h2>
      <RangeFilter range={range} invalid={invalid} />
      {reps.length === 0 ? (
        <EmptyState>{t('recommendations.team.noReps')}</EmptyState>
      ) : (
        <>
          <div className="stat-grid">
            {stats.map(([label, value]) => (
              <div className="stat" key={label}>
                <span className="stat-label">{t(label)}</span>
                <span className="stat-value">{value}</span>
              </div>
            ))}
          </div>
          <h3>{t('recommendations.team.byRep')}</h3>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('recommendations.team.byRep')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('recommendations.team.rep')}</th>
                  <th scope="col">{t('recommendations.team.activeDays')}</th>
                  <th scope="col">{t('recommendations.team.lastActive')}</th>
                  <th scope="col">{t('recommendations.stage.generated')}</th>
                  <th scope="col">{t('recommendations.rate.acceptance_rate')}</th>
                  <th scope="col">{t('recommendations.rate.conversion_rate')}</th>
                </tr>
              </thead>
              <tbody>
                {reps.map((rep) => (
                  <tr key={rep.seller_id}>
                    <th scope="row">
                      <Link to={`/team/reps/${encodeURIComponent(rep.seller_id)}`}>{rep.name}</Link>
                    </th>
                    <td>{format.number(rep.activity?.active_days ?? 0)}</td>
                    <td>
                      {rep.activity?.last_active_day
                        ? format.date(rep.activity.last_active_day)
                        : t('recommendations.team.never')}
                    </td>
                    <td>{format.number(rep.generated)}</td>
                    <td>{format.percent(rep.acceptance_rate)}</td>
                    <td>{format.percent(rep.conversion_rate)}</td>
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
