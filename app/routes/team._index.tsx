import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { EmptyState } from '~/components/page'
import { SortableTh } from '~/components/sortable-th'
import { CohortTable } from '~/components/recommendations/cohort-table'
import { RangeFilter } from '~/components/recommendations/range-filter'
import { useFormat, useT } from '~/i18n/react'
import { repScopeOf } from '~/models/foundation/team.server'
import { pageRange } from '~/models/recommendations/page.server'
import { teamAdoption, teamCohortRetention, teamFunnel } from '~/models/recommendations/team.server'
import { db } from '~/utils/db.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { applyListQuery, readListQuery } from '~/utils/list-query'

const LIST = {
  sorts: ['name', 'activeDays', 'lastActive', 'generated', 'acceptance', 'conversion'],
  defaultSort: 'name',
} as const

type RepRow = Awaited<ReturnType<typeof teamFunnel>>['reps'][number] & {
  activity: Awaited<ReturnType<typeof teamAdoption>>['reps'][number] | null
}

const CSV: CsvColumn<RepRow>[] = [
  { header: 'recommendations.team.rep', value: (rep) => rep.name },
  { header: 'eet.field.seller_id', value: (rep) => rep.seller_id },
  { header: 'recommendations.team.activeDays', value: (rep) => rep.activity?.active_days ?? 0 },
  { header: 'recommendations.team.lastActive', value: (rep) => rep.activity?.last_active_day ?? '' },
  { header: 'recommendations.stage.generated', value: (rep) => rep.generated },
  { header: 'recommendations.rate.acceptance_rate', value: (rep) => rep.acceptance_rate },
  { header: 'recommendations.rate.conversion_rate', value: (rep) => rep.conversion_rate },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'team:read')
  const query = readListQuery(request, LIST)
  const scope = await repScopeOf(db, user)
  const { range: full, invalid, timezone } = await pageRange(db, request)
  const range = { from: full.from, to: full.to }
  const [funnel, adoption, cohorts] = await Promise.all([
    teamFunnel(db, range, timezone, scope),
    teamAdoption(db, range, timezone, scope),
    teamCohortRetention(db, range, timezone, scope),
  ])
  const activity = new Map(adoption.reps.map((rep) => [rep.seller_id, rep]))
  const reps: RepRow[] = funnel.reps.map((rep) => ({ ...rep, activity: activity.get(rep.seller_id) ?? null }))
  // A manager's team is tens of reps: filtered, sorted and paged in memory.
  const list = applyListQuery(reps, query, {
    text: (rep) => [rep.name, rep.seller_id],
    by: {
      name: (rep) => rep.name,
      activeDays: (rep) => rep.activity?.active_days ?? 0,
      lastActive: (rep) => rep.activity?.last_active_day,
      generated: (rep) => rep.generated,
      acceptance: (rep) => rep.acceptance_rate,
      conversion: (rep) => rep.conversion_rate,
    },
  })
  if (query.csv) return listCsvResponse(request, `team-${range.from}-${range.to}.csv`, CSV, list.rows)
  return {
    range,
    invalid,
    funnel: funnel.total,
    adoption: adoption.total,
    reps: list,
    teamSize: reps.length,
    query,
    cohorts,
  }
}

export default function TeamOverview() {
  const { range, invalid, funnel, adoption, reps, teamSize, query, cohorts } = useLoaderData<typeof loader>()
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
      <RangeFilter range={range} invalid={invalid} keep={{ sort: query.sort, dir: query.dir, q: query.q }} />
      {teamSize === 0 ? (
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
          <ListFilters state={query} keep={{ from: range.from, to: range.to }}>
            <ListSearch value={query.q} />
          </ListFilters>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('recommendations.team.byRep')}>
            <table>
              <thead>
                <tr>
                  <SortableTh sortKey="name" sort={query}>
                    {t('recommendations.team.rep')}
                  </SortableTh>
                  <SortableTh sortKey="activeDays" sort={query} numeric>
                    {t('recommendations.team.activeDays')}
                  </SortableTh>
                  <SortableTh sortKey="lastActive" sort={query}>
                    {t('recommendations.team.lastActive')}
                  </SortableTh>
                  <SortableTh sortKey="generated" sort={query} numeric>
                    {t('recommendations.stage.generated')}
                  </SortableTh>
                  <SortableTh sortKey="acceptance" sort={query} numeric>
                    {t('recommendations.rate.acceptance_rate')}
                  </SortableTh>
                  <SortableTh sortKey="conversion" sort={query} numeric>
                    {t('recommendations.rate.conversion_rate')}
                  </SortableTh>
                </tr>
              </thead>
              <tbody>
                {reps.rows.map((rep) => (
                  <tr key={rep.seller_id}>
                    <th scope="row">
                      <Link to={`/team/reps/${encodeURIComponent(rep.seller_id)}`}>{rep.name}</Link>
                    </th>
                    <td className="num">{format.number(rep.activity?.active_days ?? 0)}</td>
                    <td>
                      {rep.activity?.last_active_day
                        ? format.date(rep.activity.last_active_day)
                        : t('recommendations.team.never')}
                    </td>
                    <td className="num">{format.number(rep.generated)}</td>
                    <td className="num">{format.percent(rep.acceptance_rate)}</td>
                    <td className="num">{format.percent(rep.conversion_rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListFooter page={reps.page} pages={reps.pages} total={reps.total} />
          <h3>{t('recommendations.adoption.cohorts')}</h3>
          <p className="muted">{t('recommendations.adoption.cohortsExplain')}</p>
          <CohortTable cohorts={cohorts} />
        </>
      )}
    </section>
  )
}
