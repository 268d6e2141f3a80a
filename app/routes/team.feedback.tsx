import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { feedbackFromReps } from '~/models/eet/team-feedback.server'
import { repScopeOf } from '~/models/foundation/team.server'
import { db } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'team:read')
  return { feedback: await feedbackFromReps(db, await repScopeOf(db, user)) }
}

export default function TeamFeedback() {
  const { feedback } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <section aria-labelledby="team-feedback-heading">
      <h2 id="team-feedback-heading">{t('recommendations.team.feedbackHeading')}</h2>
      {feedback.length === 0 ? (
        <EmptyState>{t('recommendations.team.noFeedback')}</EmptyState>
      ) : (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('recommendations.team.feedbackHeading')}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('recommendations.team.feedbackTitle')}</th>
                <th scope="col">{t('recommendations.team.rep')}</th>
                <th scope="col">{t('eet.feedback.kind')}</th>
                <th scope="col">{t('recommendations.team.feedbackStatus')}</th>
                <th scope="col">{t('recommendations.team.initiative')}</th>
                <th scope="col">{t('recommendations.team.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {feedback.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.title}</th>
                  <td>{item.rep_name}</td>
                  <td>{t(`eet.feedback.kind.${item.kind}`)}</td>
                  <td>{t(`eet.status.${item.status}`)}</td>
                  <td>{item.initiative_name}</td>
                  <td>{format.date(item.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
