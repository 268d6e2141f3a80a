import { Form, Link } from '@remix-run/react'
import { Chart } from '~/components/charts/chart'
import { FormActions, SelectField, TextField } from '~/components/forms'
import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { SprintSnapshot, SprintStatus } from '~/models/delivery/tables'
import type { FieldErrors } from '~/utils/forms'
import { errorsFor, IntentForm, type ActionErrors } from './intent-form'

type SprintItem = {
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

type Option = { id: string; title: string; estimate?: number }

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
        labels={burndown.days.map((day) => format.date(day))}
        series={[
          { label: t('delivery.burndown.ideal'), values: burndown.ideal, dashed: true, color: '#4a5a66' },
          { label: t('delivery.burndown.remaining'), values: burndown.remaining, color: '#0f4c5c' },
          { label: t('delivery.burndown.scope'), values: burndown.scope, color: '#1d4e89' },
          { label: t('delivery.scope.title'), values: changeByDay, kind: 'bar', color: '#b3440b' },
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

/** Why the plan changes, and the EET feedback it answers (when there is any): both plan forms ask this. */
function PlanChangeFields({
  feedbackOptions,
  errors,
}: {
  feedbackOptions: { value: string; label: string }[]
  errors: FieldErrors | undefined
}) {
  const t = useT()
  return (
    <>
      <TextField label={t('delivery.plan.reason')} name="reason" maxLength={500} errors={errors} />
      {feedbackOptions.length ? (
        <SelectField
          label={t('delivery.plan.feedback')}
          name="feedback_id"
          placeholder={t('delivery.plan.noFeedback')}
          options={feedbackOptions}
          errors={errors}
        />
      ) : null}
    </>
  )
}

export function PlanForms({
  available,
  planned,
  feedback,
  actionData,
}: {
  available: Option[]
  planned: SprintItem[]
  feedback: Option[]
  actionData: ActionErrors
}) {
  const t = useT()
  const feedbackOptions = feedback.map((f) => ({ value: f.id, label: f.title }))
  return (
    <div className="two-column">
      <IntentForm intent="plan-add" title={t('delivery.plan.addTitle')} actionData={actionData}>
        <SelectField
          label={t('delivery.plan.item')}
          name="item_id"
          options={available.map((item) => ({
            value: item.id,
            label: `${item.title} (${item.estimate ?? 0})`,
          }))}
          errors={errorsFor(actionData, 'plan-add')?.fieldErrors}
        />
        <PlanChangeFields
          feedbackOptions={feedbackOptions}
          errors={errorsFor(actionData, 'plan-add')?.fieldErrors}
        />
        <FormActions>
          <button type="submit">{t('delivery.plan.add')}</button>
        </FormActions>
      </IntentForm>
      {planned.length ? (
        <IntentForm intent="plan-remove" title={t('delivery.plan.removeTitle')} actionData={actionData}>
          <SelectField
            label={t('delivery.plan.plannedItem')}
            name="item_id"
            options={planned.map((item) => ({ value: item.id, label: item.title }))}
            errors={errorsFor(actionData, 'plan-remove')?.fieldErrors}
          />
          <PlanChangeFields
            feedbackOptions={feedbackOptions}
            errors={errorsFor(actionData, 'plan-remove')?.fieldErrors}
          />
          <FormActions>
            <button type="submit" className="button-secondary">
              {t('delivery.plan.remove')}
            </button>
          </FormActions>
        </IntentForm>
      ) : null}
    </div>
  )
}

export function RunningForms({
  available,
  items,
  actionData,
}: {
  available: Option[]
  items: SprintItem[]
  actionData: ActionErrors
}) {
  const t = useT()
  const live = items.filter((item) => !item.done_on && !item.removed_on && !item.cancelled_on)
  const changeErrors = errorsFor(actionData, 'scope-remove') ?? errorsFor(actionData, 'scope-cancel')
  return (
    <div className="two-column">
      <IntentForm intent="scope-add" title={t('delivery.running.addTitle')} actionData={actionData}>
        <p className="field-hint">{t('delivery.running.reasonRequired')}</p>
        <SelectField
          label={t('delivery.plan.item')}
          name="item_id"
          options={available.map((item) => ({
            value: item.id,
            label: `${item.title} (${item.estimate ?? 0})`,
          }))}
          errors={errorsFor(actionData, 'scope-add')?.fieldErrors}
        />
        <TextField
          label={t('delivery.scope.reason')}
          name="reason"
          maxLength={500}
          errors={errorsFor(actionData, 'scope-add')?.fieldErrors}
        />
        <FormActions>
          <button type="submit">{t('delivery.running.add')}</button>
        </FormActions>
      </IntentForm>
      {live.length ? (
        <section className="card" aria-labelledby="scope-change-title">
          <h3 id="scope-change-title">{t('delivery.running.changeTitle')}</h3>
          <Form method="post" className="form-grid" noValidate>
            {changeErrors?.formError ? (
              <div className="form-error" role="alert">
                {changeErrors.formError}
              </div>
            ) : null}
            <p className="field-hint">{t('delivery.running.reasonRequired')}</p>
            <SelectField
              label={t('delivery.plan.plannedItem')}
              name="item_id"
              options={live.map((item) => ({ value: item.id, label: item.title }))}
              errors={changeErrors?.fieldErrors}
            />
            <TextField
              label={t('delivery.scope.reason')}
              name="reason"
              maxLength={500}
              errors={changeErrors?.fieldErrors}
            />
            <FormActions>
              <button type="submit" name="intent" value="scope-remove" className="button-secondary">
                {t('delivery.running.remove')}
              </button>
              <button type="submit" name="intent" value="scope-cancel" className="button-danger">
                {t('delivery.running.cancel')}
              </button>
            </FormActions>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export function CloseSprintForm({ actionData }: { actionData: ActionErrors }) {
  const t = useT()
  return (
    <IntentForm intent="close" title={t('delivery.closeSprint.title')} actionData={actionData}>
      <SelectField
        label={t('delivery.closeSprint.carryTo')}
        name="carry_to"
        options={[
          { value: 'next', label: t('delivery.closeSprint.next') },
          { value: 'backlog', label: t('delivery.closeSprint.backlog') },
        ]}
        errors={errorsFor(actionData, 'close')?.fieldErrors}
      />
      <FormActions>
        <button type="submit">{t('delivery.closeSprint.submit')}</button>
      </FormActions>
    </IntentForm>
  )
}
