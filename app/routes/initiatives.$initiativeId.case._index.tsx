import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useFormKey } from '~/components/form-key'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { CaseStatusBadge, CaseView } from '~/components/accountability/business-case-view'
import { CaseCommentForm, CaseDecisionForm } from '~/components/accountability/case-forms'
import { FormError } from '~/components/forms'
import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import {
  CaseCommentSchema,
  CaseDecisionSchema,
  CaseSubmitSchema,
  isDecided,
} from '~/models/accountability/business-case.schema'
import {
  benefitEvidence,
  commentOnCase,
  decideCase,
  financeVisible,
  getCase,
  isDecider,
  listCaseComments,
  submitCase,
  withoutFinance,
} from '~/models/accountability/business-case.server'
import { caseRealisation } from '~/models/accountability/business-case-realisation.server'
import { RealisationView } from '~/components/accountability/realisation-view'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const [businessCase, finance] = await Promise.all([
    getCase(db, initiative.id),
    financeVisible(db, user, initiative),
  ])
  const canEdit = can(user.role, 'business-case:edit') && initiative.can_edit
  const decider = isDecider(user, initiative)
  if (!businessCase)
    return { businessCase: null, comments: [], evidence: [], canEdit, canDecide: false, canComment: false }
  const kpiIds = businessCase.benefits.map((b) => b.kpi_id).filter((id): id is string => Boolean(id))
  const [comments, evidence, realisation] = await Promise.all([
    listCaseComments(db, businessCase.id),
    benefitEvidence(db, kpiIds, user),
    finance ? caseRealisation(db, initiative, businessCase) : null,
  ])
  const ownCase = businessCase.author_id === user.id || businessCase.submitted_by === user.id
  return {
    businessCase: finance ? businessCase : withoutFinance(businessCase),
    comments,
    evidence,
    realisation,
    startDate: initiative.start_date,
    canEdit,
    canDecide: decider && businessCase.status === 'submitted' && !ownCase,
    ownCase: decider && businessCase.status === 'submitted' && ownCase,
    canComment: canEdit || decider,
  }
}

const IntentSchema = z.object({ intent: z.enum(['submit', 'decide', 'comment']) })

// Three forms post here; each answer carries its intent, so only the form that was sent shows errors.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(intent.success, 'Unknown intent')
  const canEdit = can(user.role, 'business-case:edit') && initiative.can_edit
  const decider = isDecider(user, initiative)
  const back = `/initiatives/${initiative.id}/case`
  if (intent.data.intent === 'submit') {
    if (!canEdit) forbidden()
    const submission = parseSubmission(formData, CaseSubmitSchema, locale)
    try {
      await submitCase(db, user, initiative.id)
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent: 'submit' })
    }
    return redirectWithToast(back, { kind: 'success', message: 'accountability.toast.submitted' })
  }
  if (intent.data.intent === 'decide') {
    if (!decider) forbidden()
    const submission = parseSubmission(formData, CaseDecisionSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'decide' })
    const { decision, note } = submission.value
    // A rejection is final for the version: it runs only once confirmed (ConfirmSubmit).
    if (decision === 'rejected' && !isConfirmed(formData)) return askConfirmation(formData, submission)
    try {
      await decideCase(db, user, initiative, decision, note)
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent: 'decide' })
    }
    return redirectWithToast(back, { kind: 'success', message: `accountability.toast.${decision}` })
  }
  if (!canEdit && !decider) forbidden()
  return saveOnce(db, { request, user, formData, form: 'case-comment' }, async () => {
    const submission = parseSubmission(formData, CaseCommentSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'comment' })
    const businessCase = await getCase(db, initiative.id)
    invariantResponse(businessCase, 'No business case', { status: 404 })
    try {
      await commentOnCase(db, user, businessCase.id, submission.value.comment)
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent: 'comment' })
    }
    return redirectWithToast(back, { kind: 'success', message: 'accountability.toast.commented' })
  })
}

export default function BusinessCasePage() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const formKey = useFormKey()
  const t = useT()
  const format = useFormat()
  const { businessCase, comments, evidence, canEdit, canDecide, canComment } = loaderData
  if (!businessCase) {
    return (
      <section className="card">
        <h2>{t('accountability.businessCase')}</h2>
        <EmptyState>{t('accountability.noCase')}</EmptyState>
        {canEdit ? (
          <Link className="button" to="edit">
            {t('accountability.startCase')}
          </Link>
        ) : null}
      </section>
    )
  }
  const editable = businessCase.status === 'draft' || businessCase.status === 'changes_requested'
  const answerTo = (intent: 'submit' | 'decide' | 'comment') =>
    actionData?.intent === intent ? actionData : null
  // A refusal shows in its form; the submit button's, or one whose form is gone (the case was decided
  // meanwhile), shows here.
  const inItsForm = (answerTo('decide') && canDecide) || (answerTo('comment') && canComment)
  return (
    <div className="two-column">
      <section className="card" aria-labelledby="case-title">
        <h2 id="case-title">
          {t('accountability.businessCase')} ·{' '}
          {t('accountability.versionN', { version: businessCase.version })}{' '}
          <CaseStatusBadge status={businessCase.status} />
        </h2>
        <p className="field-hint">
          {t('accountability.author')}: {businessCase.author_name ?? '—'}
          {businessCase.decider_name && isDecided(businessCase.status)
            ? ` · ${t('accountability.decidedBy')}: ${businessCase.decider_name} (${format.date(businessCase.decided_at)})`
            : ''}
        </p>
        <FormError message={inItsForm ? null : actionData?.formError} />
        <div className="form-actions">
          {canEdit && businessCase.status !== 'submitted' ? (
            <Link className="button" to="edit">
              {businessCase.status === 'draft'
                ? t('accountability.editCase')
                : t('accountability.newVersion')}
            </Link>
          ) : null}
          {canEdit && editable ? (
            <Form method="post">
              <button type="submit" name="intent" value="submit">
                {t('accountability.submit')}
              </button>
            </Form>
          ) : null}
          <Link className="button button-secondary" to="versions">
            {t('accountability.versions')}
          </Link>
          {businessCase.figures ? (
            <a
              className="button button-secondary"
              href={`/initiatives/${businessCase.initiative_id}/case/export?version=${businessCase.version}`}
              download
            >
              {t('accountability.export')}
            </a>
          ) : null}
        </div>
        <CaseView businessCase={businessCase} evidence={evidence} />
        {businessCase.figures && 'realisation' in loaderData ? (
          <RealisationView realisation={loaderData.realisation} startDate={loaderData.startDate} />
        ) : null}
      </section>
      <aside>
        {canDecide ? (
          <section className="card" aria-labelledby="decide-title">
            <h2 id="decide-title">{t('accountability.yourDecision')}</h2>
            <CaseDecisionForm lastResult={answerTo('decide')?.result} />
          </section>
        ) : null}
        {loaderData.ownCase ? <p className="card field-hint">{t('accountability.cannotDecideOwn')}</p> : null}
        <section className="card" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('accountability.comments')}</h2>
          <ol className="timeline">
            {comments.map((comment) => (
              <li key={comment.id}>
                <time dateTime={new Date(comment.created_at).toISOString()}>
                  {format.dateTime(comment.created_at)}
                </time>{' '}
                · {comment.author_name ?? '—'} · {t(`accountability.commentKind.${comment.kind}`)}
                {comment.body ? <p className="prewrap">{comment.body}</p> : null}
              </li>
            ))}
          </ol>
          {canComment ? <CaseCommentForm key={formKey} lastResult={answerTo('comment')?.result} /> : null}
        </section>
      </aside>
    </div>
  )
}
