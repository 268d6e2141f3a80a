import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { FeedbackStatusBadge, SectionHeader } from '~/components/eet/feedback-bits'
import { MergeForm, TriageForm } from '~/components/eet/feedback-triage'
import { FormError } from '~/components/forms'
import { Badge } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { MergeSchema, TriageSchema, VoteSchema } from '~/models/eet/eet.schema'
import {
  getFeedback,
  listBacklogChoices,
  listMergeTargets,
  mergeFeedback,
  setVote,
  triageFeedback,
} from '~/models/eet/feedback.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { parseSubmission } from '~/utils/forms'
import { forbidden, invariantResponse, notFound } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Pilot feedback · Tenfold' }]

async function requireFeedback(request: Request, params: Record<string, string | undefined>) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const item = z.uuid().safeParse(params.feedbackId).success
    ? await getFeedback(db, user, initiative.id, params.feedbackId!)
    : null
  if (!item) notFound()
  return { user, initiative, item }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { initiative, item } = await requireFeedback(request, params)
  const [mergeTargets, backlogChoices] = item.canTriage
    ? await Promise.all([listMergeTargets(db, initiative.id, item.id), listBacklogChoices(db, initiative.id)])
    : [[], []]
  return { initiativeId: initiative.id, item, mergeTargets, backlogChoices }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, initiative, item } = await requireFeedback(request, params)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const here = `/initiatives/${initiative.id}/feedback/${item.id}`
  // Rights first, so a user without them learns nothing from validation messages.
  if ((intent === 'status' || intent === 'merge') && !item.canTriage) forbidden()
  if ((intent === 'vote' || intent === 'unvote') && !item.canVote) forbidden()
  if (intent === 'vote' || intent === 'unvote') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, VoteSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    try {
      await setVote(db, user, initiative.id, item.id, submission.value.intent === 'vote')
      return redirectWithToast(here, {
        kind: 'success',
        message: submission.value.intent === 'vote' ? 'eet.feedback.voted' : 'eet.feedback.unvoted',
      })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  if (intent === 'status') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, TriageSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    // Declining answers the rep for good: it runs only once confirmed (ConfirmSubmit).
    if (submission.value.status === 'declined' && !isConfirmed(formData))
      return askConfirmation(formData, submission)
    try {
      await triageFeedback(db, user, initiative.id, item.id, submission.value)
      return redirectWithToast(here, { kind: 'success', message: 'eet.feedback.statusChanged' })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  if (intent === 'merge') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, MergeSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    // A merge moves the votes and cannot be taken back: it runs only once confirmed.
    if (!isConfirmed(formData)) return askConfirmation(formData, submission)
    try {
      await mergeFeedback(db, user, initiative.id, item.id, submission.value.target_id)
      return redirectWithToast(`/initiatives/${initiative.id}/feedback/${submission.value.target_id}`, {
        kind: 'success',
        message: 'eet.feedback.merged',
      })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  invariantResponse(false, 'Unknown intent')
}

export default function FeedbackPage() {
  const { initiativeId, item, mergeTargets, backlogChoices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const voteError =
    actionData?.intent === 'vote' || actionData?.intent === 'unvote' ? actionData.formError : null
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/initiatives/${initiativeId}/feedback`}>← {t('eet.feedback.title')}</Link>
      </p>
      <SectionHeader
        title={item.title}
        subtitle={
          <>
            <FeedbackStatusBadge status={item.status} /> <Badge>{t(`eet.feedback.kind.${item.kind}`)}</Badge>{' '}
            {item.release} ·{' '}
            {item.submitter_name ? t('eet.feedback.by', { name: item.submitter_name }) : null} ·{' '}
            {format.dateTime(item.created_at)}{' '}
            {item.mine ? <Badge tone="info">{t('eet.feedback.yours')}</Badge> : null}
          </>
        }
      />
      <FormError message={voteError} />
      <div className="two-column">
        <section className="card">
          <p>
            {t('eet.feedback.ratings', {
              usefulness: item.usefulness,
              ease: item.ease,
              recommend: item.recommend,
            })}
          </p>
          {item.body ? <p className="pre-wrap">{item.body}</p> : null}
          {item.status === 'declined' && item.decline_reason ? (
            <div role="note">
              <h2>{t('eet.feedback.declineReason')}</h2>
              <p>{item.decline_reason}</p>
            </div>
          ) : null}
          {item.target ? (
            <p>
              <Link to={`/initiatives/${initiativeId}/feedback/${item.target.id}`}>
                {t('eet.feedback.mergedInto', {
                  title: item.target.title,
                  status: t(`eet.status.${item.target.status}`),
                })}
              </Link>
            </p>
          ) : null}
          {item.backlog.length ? (
            <>
              <h2>{t('eet.feedback.backlog')}</h2>
              <ul>
                {item.backlog.map((backlogItem) => (
                  <li key={backlogItem.id}>
                    {backlogItem.title}
                    {backlogItem.sprint_number ? ` · #${backlogItem.sprint_number}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {item.duplicates.length ? (
            <>
              <h2>{t('eet.feedback.duplicates')}</h2>
              <ul>
                {item.duplicates.map((duplicate) => (
                  <li key={duplicate.id}>
                    <Link to={`/initiatives/${initiativeId}/feedback/${duplicate.id}`}>
                      {duplicate.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <strong>{t('eet.feedback.votes', { count: item.votes })}</strong>
          </p>
          {item.canVote ? (
            <Form method="post">
              <button type="submit" name="intent" value={item.voted ? 'unvote' : 'vote'}>
                {item.voted ? t('eet.feedback.unvote') : t('eet.feedback.vote')}
              </button>
            </Form>
          ) : null}
        </section>
        <section className="card" aria-labelledby="feedback-history">
          <h2 id="feedback-history">{t('eet.feedback.history')}</h2>
          <ol>
            {item.events.map((event) => (
              <li key={event.id}>
                <strong>
                  {event.from_status === null
                    ? t('eet.feedback.event.submitted')
                    : event.note.startsWith('merged:')
                      ? t('eet.feedback.event.merged')
                      : t('eet.feedback.event.status', {
                          from: t(`eet.status.${event.from_status}`),
                          to: t(`eet.status.${event.to_status}`),
                        })}
                </strong>{' '}
                <span className="muted">
                  {format.dateTime(event.at)}
                  {event.actor_name ? ` · ${event.actor_name}` : ''}
                </span>
                {event.note && !event.note.startsWith('merged:') ? <p>{event.note}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      {item.nextStatuses.length ? (
        <section className="card" aria-labelledby="feedback-triage">
          <h2 id="feedback-triage">{t('eet.feedback.triage')}</h2>
          <TriageForm
            nextStatuses={item.nextStatuses}
            backlogChoices={backlogChoices}
            lastResult={actionData?.intent === 'status' ? actionData.result : null}
          />
          {mergeTargets.length ? (
            <MergeForm
              mergeTargets={mergeTargets}
              lastResult={actionData?.intent === 'merge' ? actionData.result : null}
            />
          ) : null}
        </section>
      ) : null}
    </>
  )
}
