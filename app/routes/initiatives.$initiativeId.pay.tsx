import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { AttritionTable, PayPlanForm, PaySimulationTable } from '~/components/change/pay-plan'
import { FormError, SelectField, TextAreaField, useSchemaForm } from '~/components/forms'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { PayDecisionSchema, PayPlanSchema, PaySubmitSchema } from '~/models/change/pay.schema'
import { decidePayPlan, payAccess, payPlanView, savePayPlan, submitPayPlan } from '~/models/change/pay.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { programTimezone } from '~/models/foundation/reporting-program.server'
import { todayIn } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { forbidden } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// An initiative's variable-pay transition plan. Everyone who sees the initiative sees whether a plan
// exists, its status and its rule; its pay figures only admins, the sponsor and finance users
// (app/models/change/pay.server.ts). Finance users and admins write it; the sponsor decides.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const access = await payAccess(db, user, initiative)
  const timezone = await programTimezone(db, initiative.program_id)
  const view = await payPlanView(db, access, initiative.id, todayIn(timezone), timezone)
  return { initiativeId: initiative.id, userId: user.id, access, ...view }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const access = await payAccess(db, user, initiative)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (intent === 'decide') {
    if (!access.decide) forbidden()
    const submission = parseSubmission(formData, PayDecisionSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
    try {
      await decidePayPlan(db, user, initiative.id, submission.value)
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent })
    }
    return redirectWithToast(`/initiatives/${initiative.id}/pay`, {
      kind: 'success',
      message: 'change.pay.toast.decided',
    })
  }
  if (!access.edit) forbidden()
  if (intent === 'submit') {
    const submission = parseSubmission(formData, PaySubmitSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
    try {
      await submitPayPlan(db, user, initiative.id)
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent })
    }
    return redirectWithToast(`/initiatives/${initiative.id}/pay`, {
      kind: 'success',
      message: 'change.pay.toast.submitted',
    })
  }
  const submission = parseSubmission(formData, PayPlanSchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { intent: 'save' })
  await savePayPlan(db, user, initiative.id, submission.value)
  return redirectWithToast(`/initiatives/${initiative.id}/pay`, {
    kind: 'success',
    message: 'change.pay.toast.saved',
  })
}

function DecisionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null | undefined }) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(PayDecisionSchema, {
    id: 'pay-decision',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" aria-label={t('change.pay.decide')} {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="decide" />
      <SelectField
        label={t('accountability.decision')}
        options={(['approved', 'changes_requested', 'rejected'] as const).map((value) => ({
          value,
          label: t(`accountability.caseStatus.${value}`),
        }))}
        {...field('decision')}
      />
      <TextAreaField label={t('accountability.comment')} {...field('note')} />
      <button type="submit">{t('accountability.recordDecision')}</button>
    </Form>
  )
}

export default function PayPlanPage() {
  const { plan, figures, access, userId } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const resultFor = (intent: string) => (answer?.intent === intent ? answer.result : null)
  return (
    <section aria-labelledby="pay-heading">
      <h2 id="pay-heading">{t('change.pay.heading')}</h2>
      <p className="muted">{t('change.pay.explain')}</p>
      {plan ? (
        <div className="card">
          <p>
            {t('change.pay.status')}:{' '}
            <Badge
              tone={plan.status === 'approved' ? 'good' : plan.status === 'rejected' ? 'bad' : 'neutral'}
            >
              {t(`accountability.caseStatus.${plan.status}`)}
            </Badge>
          </p>
          <p>
            {t('change.pay.summary', {
              version: plan.version,
              from: format.date(plan.effective_from),
              kind: plan.transition_kind,
              months: plan.transition_months,
            })}
          </p>
          {plan.decider_name && plan.decided_at ? (
            <p>
              {t('change.pay.decided', { name: plan.decider_name, date: format.date(plan.decided_at) })}
              {plan.decision_note ? ` ${plan.decision_note}` : ''}
            </p>
          ) : null}
          {access.edit && (plan.status === 'draft' || plan.status === 'changes_requested') ? (
            <Form method="post">
              <FormError message={answer?.intent === 'submit' ? answer.formError : null} />
              <input type="hidden" name="intent" value="submit" />
              <button type="submit">{t('change.pay.submit')}</button>
            </Form>
          ) : null}
        </div>
      ) : (
        <EmptyState>{t('change.pay.noPlan')}</EmptyState>
      )}
      {!figures ? (
        <p className="muted">{t('change.pay.hiddenFigures')}</p>
      ) : (
        <>
          {figures.simulation && figures.terms ? (
            <>
              <h3>{t('change.pay.simulation')}</h3>
              <PaySimulationTable
                simulation={figures.simulation}
                threshold={figures.terms.loss_threshold_pct}
              />
              <h3>{t('change.pay.attrition')}</h3>
              <AttritionTable attrition={figures.attrition} />
            </>
          ) : null}
          {access.decide && plan?.status === 'submitted' && plan.author_id !== userId ? (
            <>
              <h3>{t('change.pay.decide')}</h3>
              <DecisionForm lastResult={resultFor('decide')} />
            </>
          ) : null}
          {access.edit ? (
            <>
              <h3>{t('change.pay.edit')}</h3>
              <PayPlanForm
                plan={plan}
                terms={figures.terms}
                rosterSegments={figures.rosterSegments}
                lastResult={resultFor('save')}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  )
}
