import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { SortState } from '~/components/list-controls'
import { SortableTh } from '~/components/sortable-th'
import { ConfirmFarDate } from '~/components/confirm-far-date'
import { Chart } from '~/components/charts/chart'
import { FormActions, optionsOf, SelectField, TextField } from '~/components/forms'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { BacklogItemSchema, ITEM_TYPES, PlanSprintSchema } from '~/models/delivery/delivery.schema'
import type { SprintStatus } from '~/models/delivery/tables'
import { IntentForm, type IntentReply } from './intent-form'
import { MetricsLink } from '~/components/metrics-link'

type Figures = {
  committed: number
  completed: number
  predictability: number | null
}

export function SprintStatusBadge({ status }: { status: SprintStatus }) {
  const t = useT()
  const tone = status === 'active' ? 'info' : status === 'closed' ? 'neutral' : 'warn'
  return <Badge tone={tone}>{t(`delivery.sprint.status.${status}`)}</Badge>
}

export function VelocityCard({
  velocity,
}: {
  velocity: {
    sprints: ({ number: number } & Figures)[]
    summary: { sprints: number; averageVelocity: number | null; predictability: number | null }
  }
}) {
  const t = useT()
  const format = useFormat()
  return (
    <section className="card" aria-labelledby="velocity-title">
      <h3 id="velocity-title">{t('delivery.velocity.title')}</h3>
      {velocity.summary.sprints === 0 ? (
        <EmptyState>{t('delivery.velocity.none')}</EmptyState>
      ) : (
        <>
          <div className="stat-grid">
            <div className="stat">
              <span className="stat-value">{format.number(velocity.summary.averageVelocity)}</span>
              <span className="stat-label">{t('delivery.velocity.average')}</span>
            </div>
            <div className="stat">
              <span className="stat-value">{format.percent(velocity.summary.predictability, 0)}</span>
              <span className="stat-label">{t('delivery.velocity.predictability')}</span>
            </div>
          </div>
          <p className="field-hint">
            {t('delivery.velocity.predictabilityHint', { n: velocity.summary.sprints })}{' '}
            <MetricsLink section="delivery" />
          </p>
          <Chart
            kind="bar"
            title={t('delivery.velocity.chart')}
            labels={velocity.sprints.map((sprint) => t('delivery.sprint.name', { number: sprint.number }))}
            series={[
              { label: t('delivery.figure.committed'), values: velocity.sprints.map((s) => s.committed) },
              { label: t('delivery.figure.completed'), values: velocity.sprints.map((s) => s.completed) },
            ]}
            yMin={0}
            compact
          />
        </>
      )}
    </section>
  )
}

export function SprintTable({
  sprints,
}: {
  sprints: {
    id: string
    number: number
    goal: string
    start_date: string
    end_date: string
    status: SprintStatus
    figures: Figures | null
  }[]
}) {
  const t = useT()
  const format = useFormat()
  if (sprints.length === 0) return <EmptyState>{t('delivery.sprints.none')}</EmptyState>
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('delivery.sprints.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('delivery.item.sprint')}</th>
            <th scope="col">{t('delivery.sprint.dates')}</th>
            <th scope="col">{t('delivery.sprint.status')}</th>
            <th scope="col">{t('delivery.sprint.goal')}</th>
            <th scope="col" className="num">
              {t('delivery.figure.committed')}
            </th>
            <th scope="col" className="num">
              {t('delivery.figure.completed')}
            </th>
            <th scope="col" className="num">
              {t('delivery.figure.predictability')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sprints.map((sprint) => (
            <tr key={sprint.id}>
              <th scope="row">
                <Link to={sprint.id}>{t('delivery.sprint.name', { number: sprint.number })}</Link>
              </th>
              <td>
                {format.date(sprint.start_date)} – {format.date(sprint.end_date)}
              </td>
              <td>
                <SprintStatusBadge status={sprint.status} />
              </td>
              <td>{sprint.goal}</td>
              <td className="num">{sprint.figures ? format.number(sprint.figures.committed) : '—'}</td>
              <td className="num">{sprint.figures ? format.number(sprint.figures.completed) : '—'}</td>
              <td className="num">
                {sprint.figures ? format.percent(sprint.figures.predictability, 0) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function PlanSprintForm({
  nextStart,
  sprintLength,
  actionData,
}: {
  nextStart: string
  sprintLength: number
  actionData: IntentReply
}) {
  const t = useT()
  return (
    <IntentForm
      intent="plan-sprint"
      title={t('delivery.sprint.plan')}
      schema={PlanSprintSchema}
      defaultValue={{ start_date: nextStart }}
      actionData={actionData}
    >
      {({ field }) => (
        <>
          <div className="field-row">
            <TextField
              label={t('delivery.sprint.startDate')}
              type="date"
              hint={t('delivery.sprint.lengthHint', { days: sprintLength })}
              {...field('start_date')}
            />
            <TextField label={t('delivery.sprint.goal')} {...field('goal')} />
          </div>
          <ConfirmFarDate />
          <FormActions>
            <button type="submit">{t('delivery.sprint.planSubmit')}</button>
          </FormActions>
        </>
      )}
    </IntentForm>
  )
}

export function BacklogTable({
  initiativeId,
  backlog,
  sort,
  emptyText,
  children,
}: {
  initiativeId: string
  backlog: {
    id: string
    title: string
    type: (typeof ITEM_TYPES)[number]
    estimate: number
    status: 'todo' | 'done' | 'cancelled'
    sprint_number: number | null
    feedback: { id: string; title: string }[]
  }[]
  /** The list's sort (from its URL): the headers sort it. */
  sort?: SortState
  /** What an empty table says (the filters may have emptied it). */
  emptyText?: string
  /** The list's filters, above the table. */
  children?: ReactNode
}) {
  const t = useT()
  const format = useFormat()
  return (
    <section aria-labelledby="backlog-title">
      <h3 id="backlog-title">{t('delivery.backlog.title')}</h3>
      {children}
      {backlog.length === 0 ? (
        <EmptyState>{emptyText ?? t('delivery.backlog.none')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <SortableTh sortKey="title" sort={sort}>
                  {t('delivery.item.title')}
                </SortableTh>
                <SortableTh sortKey="type" sort={sort}>
                  {t('delivery.item.type')}
                </SortableTh>
                <SortableTh sortKey="points" sort={sort} numeric>
                  {t('delivery.item.points')}
                </SortableTh>
                <SortableTh sortKey="status" sort={sort}>
                  {t('delivery.item.status')}
                </SortableTh>
                <SortableTh sortKey="sprint" sort={sort}>
                  {t('delivery.item.sprint')}
                </SortableTh>
                <th scope="col">{t('delivery.item.feedback')}</th>
              </tr>
            </thead>
            <tbody>
              {backlog.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.title}</th>
                  <td>{t(`delivery.item.type.${item.type}`)}</td>
                  <td className="num">{format.number(item.estimate)}</td>
                  <td>{t(`delivery.item.status.${item.status}`)}</td>
                  <td>
                    {item.sprint_number ? t('delivery.sprint.name', { number: item.sprint_number }) : '—'}
                  </td>
                  <td>
                    {item.feedback.length
                      ? item.feedback.map((feedback, index) => (
                          <span key={feedback.id}>
                            {index ? '; ' : ''}
                            <Link to={`/initiatives/${initiativeId}/feedback/${feedback.id}`}>
                              {feedback.title}
                            </Link>
                          </span>
                        ))
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function NewItemForm({
  feedback,
  actionData,
}: {
  feedback: { id: string; title: string }[]
  actionData: IntentReply
}) {
  const t = useT()
  return (
    <IntentForm
      intent="add-item"
      title={t('delivery.backlog.add')}
      schema={BacklogItemSchema}
      actionData={actionData}
    >
      {({ field }) => (
        <>
          <TextField label={t('delivery.item.title')} {...field('title')} />
          <div className="field-row">
            <SelectField
              label={t('delivery.item.type')}
              options={optionsOf(ITEM_TYPES, (type) => t(`delivery.item.type.${type}`))}
              {...field('type')}
            />
            <TextField label={t('delivery.item.estimate')} type="number" step="0.5" {...field('estimate')} />
          </div>
          {feedback.length ? (
            <SelectField
              label={t('delivery.item.feedback')}
              hint={t('delivery.item.feedbackHint')}
              multiple
              options={feedback.map((f) => ({ value: f.id, label: f.title }))}
              {...field('feedback_id')}
            />
          ) : null}
          <FormActions>
            <button type="submit">{t('delivery.backlog.add')}</button>
          </FormActions>
        </>
      )}
    </IntentForm>
  )
}
