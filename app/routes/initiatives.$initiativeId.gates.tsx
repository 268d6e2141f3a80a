import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useFormKey } from '~/components/form-key'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { criteriaSummary, GateCriteriaList } from '~/components/accountability/gate-criteria'
import { GateDecisionForm, GateRequestForm } from '~/components/accountability/gate-forms'
import { FormError } from '~/components/forms'
import { StageBadge } from '~/components/foundation/initiative-table'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { evaluateGateCriteria } from '~/models/accountability/gate-criteria.server'
import { GateDecisionSchema, GateRequestSchema, nextStage } from '~/models/accountability/gate.schema'
import { decideGate, isGateDecider, listGates, requestGate } from '~/models/accountability/gate.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { todayIn } from '~/utils/calendar'
import { programToday } from '~/models/delivery/guard.server'
import { programTimezone } from '~/models/foundation/reporting-program.server'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { parseSubmission } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const [gates, timezone] = await Promise.all([
    listGates(db, initiative.id),
    programTimezone(db, initiative.program_id),
  ])
  const today = todayIn(timezone)
  const pending = gates.find((gate) => gate.status === 'pending') ?? null
  const next = nextStage(initiative.stage)
  // What the data says now: for the lead before asking, for the sponsor on the pending gate.
  const [preview, pendingNow] = await Promise.all([
    next && !pending ? evaluateGateCriteria(db, initiative, next, today) : null,
    pending ? evaluateGateCriteria(db, initiative, pending.to_stage, today, pending.criteria) : null,
  ])
  return {
    stage: initiative.stage,
    next,
    preview,
    gates: gates.map((gate) => ({
      ...gate,
      // Every gate date is a day in the program's reporting zone.
      requested_on: todayIn(timezone, gate.requested_at),
      criteria: gate.id === pending?.id && pendingNow ? pendingNow : (gate.decided_criteria ?? gate.criteria),
    })),
    pendingId: pending?.id ?? null,
    canRequest: initiative.can_edit && !pending && next !== null,
    canDecide: Boolean(pending) && isGateDecider(user, initiative) && pending?.requested_by !== user.id,
    today,
    timezone,
  }
}

const IntentSchema = z.object({ intent: z.enum(['request', 'decide']) })

// Two forms post here; each answer carries its intent, so only the form that was sent shows errors.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(intent.success, 'Unknown intent')
  const back = `/initiatives/${initiative.id}/gates`
  if (intent.data.intent === 'request') {
    if (!initiative.can_edit) forbidden()
    return saveOnce(db, { request, user, formData, form: 'gate-request' }, async () => {
      const submission = parseSubmission(formData, GateRequestSchema, locale)
      if (submission.status !== 'success')
        return refuseSubmission(locale, submission, undefined, { intent: 'request' })
      try {
        await requestGate(db, user, initiative, submission.value, await programToday(initiative.program_id))
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent: 'request' })
      }
      return redirectWithToast(back, { kind: 'success', message: 'accountability.toast.gateRequested' })
    })
  }
  if (!isGateDecider(user, initiative)) forbidden()
  const submission = parseSubmission(formData, GateDecisionSchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { intent: 'decide' })
  // A rejection closes the gate: it runs only once confirmed (ConfirmSubmit).
  if (submission.value.decision === 'rejected' && !isConfirmed(formData))
    return askConfirmation(formData, submission)
  try {
    await decideGate(db, user, initiative, submission.value, await programToday(initiative.program_id))
  } catch (error) {
    return refuseSubmission(locale, submission, error, { intent: 'decide' })
  }
  return redirectWithToast(back, {
    kind: 'success',
    message: `accountability.toast.gate.${submission.value.decision}`,
  })
}

export default function GatesPage() {
  const { stage, next, preview, gates, pendingId, canRequest, canDecide, today, timezone } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const formKey = useFormKey()
  const t = useT()
  const format = useFormat()
  const answerTo = (intent: 'request' | 'decide') => (actionData?.intent === intent ? actionData : null)
  // A refusal shows in its form, or here when its form is gone (a gate was requested or decided meanwhile).
  const inItsForm = (answerTo('request') && canRequest) || (answerTo('decide') && canDecide)
  return (
    <div className="two-column">
      <section className="card" aria-labelledby="gates-title">
        <h2 id="gates-title">{t('accountability.gates')}</h2>
        <p>
          {t('accountability.currentStage')}: <StageBadge stage={stage} />
          {next ? (
            <>
              {' '}
              → <StageBadge stage={next} />
            </>
          ) : null}
        </p>
        <p className="field-hint">{t('accountability.gateZone', { zone: timezone })}</p>
        <FormError message={inItsForm ? null : actionData?.formError} />
        {gates.length === 0 ? <EmptyState>{t('accountability.noGates')}</EmptyState> : null}
        <ol className="checklist">
          {gates.map((gate) => (
            <li key={gate.id}>
              <div className="checklist-head">
                <strong>
                  {t(`stage.${gate.from_stage as 'frame'}`)} → {t(`stage.${gate.to_stage}`)}
                </strong>
                <Badge
                  tone={
                    gate.status === 'approved'
                      ? 'good'
                      : gate.status === 'rejected'
                        ? 'bad'
                        : gate.status === 'changes_requested'
                          ? 'warn'
                          : 'info'
                  }
                >
                  {t(`accountability.gateStatus.${gate.status}`)}
                </Badge>
                <span className="muted">
                  {t('accountability.gateRequested', {
                    name: gate.requester_name ?? '—',
                    date: format.date(gate.requested_on),
                  })}
                </span>
              </div>
              <p className="field-hint">
                {t('accountability.gateEvidence.summary', criteriaSummary(gate.criteria))}
              </p>
              <GateCriteriaList criteria={gate.criteria} />
              {gate.request_note ? <p className="prewrap">{gate.request_note}</p> : null}
              {gate.status !== 'pending' ? (
                <p className="field-hint">
                  {t('accountability.gateDecided', {
                    name: gate.decider_name ?? '—',
                    date: format.date(gate.decision_date),
                  })}
                  {gate.decision_notes ? ` · ${gate.decision_notes}` : ''}
                </p>
              ) : null}
              {gate.override_reason ? (
                <p className="field-hint">
                  <Badge tone="warn">{t('accountability.gateOverride')}</Badge> {gate.override_reason}
                </p>
              ) : null}
              {canDecide && gate.id === pendingId ? (
                <GateDecisionForm gateId={gate.id} today={today} lastResult={answerTo('decide')?.result} />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <aside>
        {canRequest && next ? (
          <section className="card" aria-labelledby="request-title">
            <h2 id="request-title">{t('accountability.requestGate', { stage: t(`stage.${next}`) })}</h2>
            <GateRequestForm
              key={formKey}
              criteria={preview ?? []}
              lastResult={answerTo('request')?.result}
            />
          </section>
        ) : (
          <p className="card field-hint">{t('accountability.stageThroughGates')}</p>
        )}
      </aside>
    </div>
  )
}
