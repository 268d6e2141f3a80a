import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { FormActions, FormError, SelectField, TextAreaField, TextField } from '~/components/forms'
import { StageBadge } from '~/components/foundation/initiative-table'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import {
  GATE_CRITERIA,
  GateDecisionSchema,
  GateRequestSchema,
  nextStage,
} from '~/models/accountability/gate.schema'
import { decideGate, isGateDecider, listGates, requestGate } from '~/models/accountability/gate.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { todayUtc } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const gates = await listGates(db, initiative.id)
  const pending = gates.find((gate) => gate.status === 'pending') ?? null
  const next = nextStage(initiative.stage)
  return {
    stage: initiative.stage,
    next,
    criteria: next ? GATE_CRITERIA[next] : [],
    gates,
    pendingId: pending?.id ?? null,
    canRequest: initiative.can_edit && !pending && next !== null,
    canDecide: Boolean(pending) && isGateDecider(user, initiative) && pending?.requested_by !== user.id,
    today: todayUtc(),
  }
}

const IntentSchema = z.object({ intent: z.enum(['request', 'decide']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(intent.success, 'Unknown intent')
  const back = `/initiatives/${initiative.id}/gates`
  try {
    if (intent.data.intent === 'request') {
      if (!initiative.can_edit) forbidden()
      const form = parseForm(GateRequestSchema, formData, locale)
      if (!form.ok) return refuse(locale, form)
      await requestGate(db, user, initiative.id, form.data)
      return redirectWithToast(back, { kind: 'success', message: 'accountability.toast.gateRequested' })
    }
    if (!isGateDecider(user, initiative)) forbidden()
    const form = parseForm(GateDecisionSchema, formData, locale)
    if (!form.ok) return refuse(locale, form)
    await decideGate(db, user, initiative, form.data)
    return redirectWithToast(back, {
      kind: 'success',
      message: `accountability.toast.gate.${form.data.decision}`,
    })
  } catch (error) {
    return refuse(locale, error)
  }
}

export default function GatesPage() {
  const { stage, next, criteria, gates, pendingId, canRequest, canDecide, today } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
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
        <FormError message={actionData?.formError} />
        {gates.length === 0 ? <EmptyState>{t('accountability.noGates')}</EmptyState> : null}
        <ol className="checklist">
          {gates.map((gate) => (
            <li key={gate.id}>
              <div className="checklist-head">
                <strong>
                  {t(`stage.${gate.from_stage as 'frame'}`)} → {t(`stage.${gate.to_stage}`)}
                </strong>
                <Badge
                  tone={gate.status === 'approved' ? 'good' : gate.status === 'rejected' ? 'bad' : 'info'}
                >
                  {t(`accountability.gateStatus.${gate.status}`)}
                </Badge>
                <span className="muted">
                  {gate.requester_name ?? '—'} · {format.date(gate.requested_at)}
                </span>
              </div>
              <ul className="plain-list">
                {gate.criteria.map((criterion) => (
                  <li key={criterion.key}>
                    {criterion.met ? '✓' : '✗'}{' '}
                    {t(`accountability.criterion.${criterion.key as 'problemDefined'}`)}
                  </li>
                ))}
              </ul>
              {gate.request_note ? <p className="prewrap">{gate.request_note}</p> : null}
              {gate.status !== 'pending' ? (
                <p className="field-hint">
                  {t('accountability.decidedBy')}: {gate.decider_name ?? '—'} ·{' '}
                  {format.date(gate.decision_date)}
                  {gate.decision_notes ? ` · ${gate.decision_notes}` : ''}
                </p>
              ) : null}
              {canDecide && gate.id === pendingId ? (
                <Form method="post" className="form-grid">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="gate_id" value={gate.id} />
                  <div className="field-row">
                    <SelectField
                      label={t('accountability.decision')}
                      name="decision"
                      options={(['approved', 'rejected'] as const).map((value) => ({
                        value,
                        label: t(`accountability.gateStatus.${value}`),
                      }))}
                      errors={actionData?.fieldErrors}
                    />
                    <TextField
                      label={t('accountability.decisionDate')}
                      name="decision_date"
                      type="date"
                      defaultValue={today}
                      errors={actionData?.fieldErrors}
                    />
                  </div>
                  <TextAreaField
                    label={t('accountability.decisionNotes')}
                    name="decision_notes"
                    errors={actionData?.fieldErrors}
                  />
                  <FormActions>
                    <button type="submit">{t('accountability.recordDecision')}</button>
                  </FormActions>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <aside>
        {canRequest && next ? (
          <section className="card" aria-labelledby="request-title">
            <h2 id="request-title">{t('accountability.requestGate', { stage: t(`stage.${next}`) })}</h2>
            <Form method="post" className="form-grid">
              <input type="hidden" name="intent" value="request" />
              <fieldset>
                <legend>{t('accountability.criteria')}</legend>
                {criteria.map((key) => (
                  <label key={key} className="checkbox">
                    <input type="checkbox" name="criteria" value={key} />{' '}
                    {t(`accountability.criterion.${key}`)}
                  </label>
                ))}
              </fieldset>
              <TextAreaField
                label={t('accountability.gateNote')}
                name="request_note"
                errors={actionData?.fieldErrors}
              />
              <FormActions>
                <button type="submit">{t('accountability.askForDecision')}</button>
              </FormActions>
            </Form>
          </section>
        ) : (
          <p className="card field-hint">{t('accountability.stageThroughGates')}</p>
        )}
      </aside>
    </div>
  )
}
