import { Form, Link } from '@remix-run/react'
import { Chart, CHART_COLORS } from '~/components/charts/chart'
import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { SprintSnapshot, SprintStatus } from '~/models/delivery/tables'

export type SprintItem = {
  id: string
  title: string
  type: string
  estimate: number
  points: number
  committed: boolean
  added_on: string | null
  done_on: string | null
  removed_on: string | null
  cancelled_on: string | null
  change_reason: string | null
  carried_over: boolean
}

export function SprintFiguresGrid({
  figures,
  status,
  carriedTo,
}: {
  figures: SprintSnapshot['figures']
  status: SprintStatus
  carriedTo: SprintSnapshot['carriedTo']
}) {
  const t = useT()
  const format = useFormat()
  const stats: [string, string][] =
    status === 'planning'
      ? [[t('delivery.figure.committed'), format.number(figures.committed)]]
      : [
          [t('delivery.figure.committed'), format.number(figures.committed)],
          [t('delivery.figure.completed'), format.number(figures.completed)],
          [t('delivery.figure.added'), format.number(figures.added)],
          [t('delivery.figure.removed'), format.number(figures.removed)],
          [t('delivery.figure.cancelled'), format.number(figures.cancelled)],
          [t('delivery.figure.carried'), format.number(figures.carried)],
          [t('delivery.figure.predictability'), format.percent(figures.predictability, 0)],
        ]
  return (
    <>
      <dl className="stat-grid">
        {stats.map(([label, value]) => (
          <div className="stat" key={label}>
            <dt className="stat-label">{label}</dt>
            <dd className="stat-value">{value}</dd>
          </div>
        ))}
      </dl>
      {carriedTo ? (
        <p>
          {t(carriedTo === 'next' ? 'delivery.figure.carriedToNext' : 'delivery.figure.carriedToBacklog')}
        </p>
      ) : null}
    </>
  )
}

export function BurndownCard({ burndown }: { burndown: SprintSnapshot['burndown'] }) {
  const t = useT()
  const format = useFormat()
  const changeByDay = burndown.days.map((day) => {
    const changes = burndown.scopeChanges.filter((change) => change.date === day)
    return changes.length ? changes.reduce((sum, change) => sum + change.points, 0) : null
  })
  return (
    <section className="card" aria-labelledby="burndown-title">
      <h3 id="burndown-title">{t('delivery.burndown.title')}</h3>
      <Chart
        kind="line"
        title={t('delivery.burndown.title')}
        titleVisible={false}
        labels={burndown.days.map((day) => format.date(day))}
        series={[
          {
            label: t('delivery.burndown.ideal'),
            values: burndown.ideal,
            dashed: true,
            color: CHART_COLORS.grey,
          },
          { label: t('delivery.burndown.remaining'), values: burndown.remaining, color: CHART_COLORS.blue },
          { label: t('delivery.burndown.scope'), values: burndown.scope, color: CHART_COLORS.sky },
          { label: t('delivery.scope.title'), values: changeByDay, kind: 'bar', color: CHART_COLORS.orange },
        ]}
        yMin={Math.min(0, ...changeByDay.map((value) => value ?? 0))}
      />
    </section>
  )
}

function itemState(
  t: ReturnType<typeof useT>,
  format: ReturnType<typeof useFormat>,
  item: SprintItem,
  status: SprintStatus,
) {
  if (item.cancelled_on) return t('delivery.items.cancelledOn', { date: format.date(item.cancelled_on) })
  if (item.removed_on) return t('delivery.items.removedOn', { date: format.date(item.removed_on) })
  if (item.done_on) return t('delivery.items.doneOn', { date: format.date(item.done_on) })
  if (item.carried_over) return t('delivery.items.carried')
  return status === 'planning' ? t('delivery.items.planned') : t('delivery.items.open')
}

export function SprintItems({
  items,
  status,
  canManage,
}: {
  items: SprintItem[]
  status: SprintStatus
  canManage: boolean
}) {
  const t = useT()
  const format = useFormat()
  return (
    <section aria-labelledby="sprint-items-title">
      <h3 id="sprint-items-title">{t('delivery.items.title')}</h3>
      {items.length === 0 ? (
        <EmptyState>{t('delivery.items.none')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('delivery.item.title')}</th>
                <th scope="col">{t('delivery.item.type')}</th>
                <th scope="col" className="num">
                  {t('delivery.item.points')}
                </th>
                <th scope="col">{t('delivery.scope.change')}</th>
                <th scope="col">{t('delivery.items.state')}</th>
                <th scope="col">{t('delivery.scope.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const live = !item.done_on && !item.removed_on && !item.cancelled_on
                return (
                  <tr key={item.id}>
                    <th scope="row">{item.title}</th>
                    <td>{t(`delivery.item.type.${item.type as 'story'}`)}</td>
                    <td className="num">
                      {format.number(status === 'planning' ? item.estimate : item.points)}
                    </td>
                    <td>
                      {item.committed
                        ? status === 'planning'
                          ? t('delivery.items.planned')
                          : t('delivery.items.committed')
                        : t('delivery.items.addedOn', { date: format.date(item.added_on) })}
                    </td>
                    <td>
                      {itemState(t, format, item, status)}{' '}
                      {canManage && status === 'active' && live ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="item_id" value={item.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="done"
                            className="button-secondary"
                            aria-label={t('delivery.items.markDone', { title: item.title })}
                          >
                            {t('delivery.items.done')}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                    <td>{item.change_reason ?? ''}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function PlanChanges({
  initiativeId,
  changes,
}: {
  initiativeId: string
  changes: {
    id: string
    change: 'added' | 'removed' | 'carried'
    reason: string
    item_title: string
    feedback_id: string | null
    feedback_title: string | null
    author: string | null
  }[]
}) {
  const t = useT()
  const fromFeedback = changes.filter((change) => change.feedback_id).length
  return (
    <section className="card" aria-labelledby="review-title">
      <h3 id="review-title">{t('delivery.review.title')}</h3>
      {changes.length === 0 ? (
        <EmptyState>{t('delivery.review.none')}</EmptyState>
      ) : (
        <>
          <p>{t('delivery.review.eetCount', { count: fromFeedback, total: changes.length })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('delivery.plan.item')}</th>
                  <th scope="col">{t('delivery.scope.change')}</th>
                  <th scope="col">{t('delivery.scope.reason')}</th>
                  <th scope="col">{t('delivery.review.because')}</th>
                  <th scope="col">{t('delivery.review.by')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.id}>
                    <th scope="row">{change.item_title}</th>
                    <td>{t(`delivery.review.change.${change.change}`)}</td>
                    <td>{change.reason}</td>
                    <td>
                      {change.feedback_id ? (
                        <Link to={`/initiatives/${initiativeId}/feedback/${change.feedback_id}`}>
                          {change.feedback_title}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{change.author ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
