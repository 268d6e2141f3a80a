import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { RangeFilter } from '~/components/recommendations/range-filter'
import { useFormat, useT } from '~/i18n/react'
import { inScope, repScopeOf } from '~/models/foundation/team.server'
import { pageRange } from '~/models/recommendations/page.server'
import { teamAdoption, teamFunnel } from '~/models/recommendations/team.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'

// One rep of the manager's team. A rep outside the team is not found (404), the same answer as a rep
// who does not exist, so the page tells nothing about other teams.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'team:read')
  const sellerId = params.sellerId ?? ''
  const scope = await repScopeOf(db, user)
  if (!inScope(scope, sellerId)) notFound()
  const rep = { all: false, sellerIds: [sellerId] } as const
  const { range: full, invalid, timezone } = await pageRange(db, request)
  const range = { from: full.from, to: full.to }
  const [funnel, adoption] = await Promise.all([
    teamFunnel(db, range, timezone, rep),
    teamAdoption(db, range, timezone, rep),
  ])
  const figures = funnel.reps[0]
  const activity = adoption.reps[0]
  if (!figures || !activity) notFound()
  return { range, invalid, figures, activity }
}

export default function TeamRep() {
  const { range, invalid, figures, activity } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const stats = [
    ['recommendations.team.activeDays', format.number(activity.active_days)],
    [
      'recommendations.team.lastActive',
      activity.last_active_day ? format.date(activity.last_active_day) : t('recommendations.team.never'),
    ],
    ['recommendations.stage.generated', format.number(figures.generated)],
    ['recommendations.stage.accepted', format.number(figures.accepted)],
    ['recommendations.stage.rejected', format.number(figures.rejected)],
    ['recommendations.rate.acceptance_rate', format.percent(figures.acceptance_rate)],
    ['recommendations.rate.conversion_rate', format.percent(figures.conversion_rate)],
  ] as const
  return (
    <section aria-labelledby="rep-heading">
      <p>
        <Link to="/team">{t('recommendations.team.back')}</Link>
      </p>
      <h2 id="rep-heading">{figures.name}</h2>
      <RangeFilter range={range} invalid={invalid} />
      <div className="stat-grid">
        {stats.map(([label, value]) => (
          <div className="stat" key={label}>
            <span className="stat-label">{t(label)}</span>
            <span className="stat-value">{value}</span>
          </div>
        ))}
      </div>
    </section>
  )
}
