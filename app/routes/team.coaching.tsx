import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { CoachingEffectCard } from '~/components/change/coaching-effect'
import { FormActions, FormError, FormFields, optionsOf, useSchemaForm } from '~/components/forms'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { COACHING_KINDS, CoachingActionSchema } from '~/models/change/coaching.schema'
import { logCoachingAction } from '~/models/change/coaching.server'
import { coachingView } from '~/models/change/coaching-view.server'
import { repScopeOf } from '~/models/foundation/team.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'team:read')
  return coachingView(db, user)
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'coaching:log')
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), CoachingActionSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  try {
    await logCoachingAction(db, user, await repScopeOf(db, user), submission.value)
  } catch (error) {
    return refuseSubmission(locale, submission, error)
  }
  return redirectWithToast('/team/coaching', { kind: 'success', message: 'change.coaching.logged' })
}

export default function CoachingPage() {
  const view = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    CoachingActionSchema,
    { lastResult: actionData?.result, defaultValue: { done_on: view.today } },
  )
  const quiet = view.reps.filter((rep) => rep.quiet)
  const pct = (value: number | null) => format.percent(value)
  return (
    <section aria-labelledby="coaching-heading">
      <h2 id="coaching-heading">{t('change.coaching.heading')}</h2>
      <p className="muted">{t('change.coaching.explain')}</p>
      {view.reps.length === 0 ? (
        <EmptyState>{t('recommendations.team.noReps')}</EmptyState>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('change.coaching.heading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('change.coaching.rep')}</th>
                <th scope="col">{t('change.coaching.activeDays')}</th>
                <th scope="col">{t('change.coaching.lastActive')}</th>
                <th scope="col">{t('change.coaching.acceptance')}</th>
                <th scope="col">{t('change.coaching.conversion')}</th>
              </tr>
            </thead>
            <tbody>
              {view.reps.map((rep) => (
                <tr key={rep.seller_id}>
                  <th scope="row">
                    {rep.name}{' '}
                    {rep.quiet ? <Badge tone="warn">{t('change.coaching.quietBadge')}</Badge> : null}
                  </th>
                  <td>{format.number(rep.active_days)}</td>
                  <td>
                    {rep.last_active_day ? format.date(rep.last_active_day) : t('change.coaching.never')}
                  </td>
                  <td>{pct(rep.acceptance_rate)}</td>
                  <td>{pct(rep.conversion_rate)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('change.coaching.team')}</th>
                <td />
                <td />
                <td>{pct(view.team.acceptance_rate)}</td>
                <td>{pct(view.team.conversion_rate)}</td>
              </tr>
              <tr>
                <th scope="row">{t('change.coaching.company')}</th>
                <td />
                <td />
                <td>{pct(view.company.acceptance_rate)}</td>
                <td>{pct(view.company.conversion_rate)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <h3 id="quiet-heading">{t('change.coaching.quiet')}</h3>
      {quiet.length ? (
        <ul aria-labelledby="quiet-heading">
          {quiet.map((rep) => (
            <li key={rep.seller_id}>
              {rep.name} ·{' '}
              {rep.last_active_day ? format.date(rep.last_active_day) : t('change.coaching.never')}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('change.coaching.noQuiet')}</p>
      )}
      <h3>{t('change.coaching.reasons')}</h3>
      {view.reasons.length ? (
        <ul>
          {view.reasons.map((reason) => (
            <li key={reason.reason}>
              {t(`recommendations.reason.${reason.reason}` as 'recommendations.reason.other')} ·{' '}
              {t('change.coaching.rejections')} {format.number(reason.count)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('change.coaching.noReasons')}</p>
      )}
      <h3>{t('change.coaching.openFeedback')}</h3>
      {view.feedback.length ? (
        <ul>
          {view.feedback.map((item) => (
            <li key={item.id}>
              {item.title} · {item.rep_name} · {t(`eet.status.${item.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('change.coaching.noFeedback')}</p>
      )}
      {view.reps.length ? (
        <Form method="post" {...formProps} className="card">
          <h3>{t('change.coaching.log')}</h3>
          <FormError message={formError} id={formErrorId} />
          <FormFields
            constraints={constraints}
            errors={errors}
            initial={initial}
            fields={[
              {
                control: 'select',
                name: 'seller_id',
                label: t('change.coaching.rep'),
                options: view.reps.map((rep) => ({ value: rep.seller_id, label: rep.name })),
              },
              {
                control: 'select',
                name: 'kind',
                label: t('change.coaching.kind'),
                options: optionsOf(COACHING_KINDS, (kind) => t(`change.coaching.kind.${kind}`)),
              },
              { name: 'done_on', type: 'date', label: t('change.coaching.doneOn'), defaultValue: view.today },
              { control: 'textarea', name: 'note', label: t('change.coaching.note') },
            ]}
          />
          <FormActions>
            <button type="submit">{t('change.coaching.save')}</button>
          </FormActions>
        </Form>
      ) : null}
      <h3 id="history-heading">{t('change.coaching.history')}</h3>
      {view.actions.length ? (
        <ul aria-labelledby="history-heading">
          {view.actions.map((item) => (
            <li key={item.id}>
              {format.date(String(item.done_on))} · {item.rep_name ?? item.seller_id} ·{' '}
              {t(`change.coaching.kind.${item.kind}`)}
              {item.note ? ` · ${item.note}` : ''}
              {item.manager_name ? ` · ${t('change.coaching.by')} ${item.manager_name}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('change.coaching.noHistory')}</p>
      )}
      <CoachingEffectCard effect={view.effect} />
    </section>
  )
}
