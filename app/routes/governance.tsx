import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useFormKey } from '~/components/form-key'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { getUserLocale, requirePermission, requireUser } from '~/auth/session.server'
import { ReviewForm } from '~/components/accountability/review-form'
import { FormError } from '~/components/forms'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { ReviewDoneSchema, ReviewSchema } from '~/models/accountability/governance.schema'
import {
  completeReview,
  findOverlaps,
  listOwnerCandidates,
  listReviews,
  recordReview,
} from '~/models/accountability/governance.server'
import { listActiveInitiativeNames } from '~/models/foundation/initiative.server'
import styles from '~/styles/accountability.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

// Governance sees every initiative together, so it is for those who read all initiatives.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user.role, 'initiative:read-all') && !can(user.role, 'governance:manage')) forbidden()
  const [overlaps, reviews, owners, initiatives] = await Promise.all([
    findOverlaps(db),
    listReviews(db),
    listOwnerCandidates(db),
    listActiveInitiativeNames(db),
  ])
  return { overlaps, reviews, owners, initiatives, canManage: can(user.role, 'governance:manage') }
}

const IntentSchema = z.object({ intent: z.enum(['review', 'done']) })

// The review form and the log's "mark done" buttons post here; each answer carries its intent.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'governance:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(intent.success, 'Unknown intent')
  if (intent.data.intent === 'done') {
    const submission = parseSubmission(formData, ReviewDoneSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'done' })
    const completed = await completeReview(db, user, submission.value.review_id)
    invariantResponse(completed, 'Not found', { status: 404 })
    return redirectWithToast('/governance', { kind: 'success', message: 'toast.saved' })
  }
  return saveOnce(db, { request, user, formData, form: 'governance-review' }, async () => {
    const submission = parseSubmission(formData, ReviewSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'review' })
    try {
      await recordReview(db, user, submission.value)
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent: 'review' })
    }
    return redirectWithToast('/governance', {
      kind: 'success',
      message: 'accountability.toast.reviewRecorded',
    })
  })
}

export default function GovernancePage() {
  const { overlaps, reviews, owners, initiatives, canManage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const formKey = useFormKey()
  const [params] = useSearchParams()
  const t = useT()
  const format = useFormat()
  const answerTo = (intent: 'review' | 'done') => (actionData?.intent === intent ? actionData : null)
  // A "mark done" button has no field of its own: a refused one says what was wrong with its review.
  const completion = answerTo('done')
  const nameOf = (id: string) => initiatives.find((i) => i.id === id)?.name ?? '—'
  const prefill = {
    kind: params.get('kind') ?? undefined,
    subject: params.get('subject') ?? undefined,
    ids: params.getAll('initiative'),
  }
  return (
    <>
      <PageHeader title={t('accountability.governance')} subtitle={t('accountability.governanceIntro')} />
      <section className="card" aria-labelledby="overlaps-title">
        <h2 id="overlaps-title">{t('accountability.overlaps')}</h2>
        {overlaps.length === 0 ? (
          <EmptyState>{t('accountability.noOverlaps')}</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-label={t('accountability.overlaps')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('accountability.overlaps')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accountability.overlapKind')}</th>
                  <th scope="col">{t('accountability.subject')}</th>
                  <th scope="col">{t('accountability.initiatives')}</th>
                  <th scope="col">{t('accountability.suggestion')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('accountability.recordReview')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {overlaps.map((overlap) => {
                  const query = new URLSearchParams({ kind: overlap.kind, subject: overlap.subject })
                  for (const initiative of overlap.initiatives) query.append('initiative', initiative.id)
                  return (
                    <tr key={`${overlap.kind}:${overlap.subject}`}>
                      <td>{t(`accountability.overlap.${overlap.kind}`)}</td>
                      <th scope="row">
                        {overlap.subject}
                        {overlap.allocation !== undefined ? (
                          <>
                            {' '}
                            <Badge tone={overlap.allocation > 100 ? 'bad' : 'neutral'}>
                              {overlap.allocation}%
                            </Badge>
                          </>
                        ) : null}
                      </th>
                      <td>
                        {overlap.initiatives.map((i, index) => (
                          <span key={i.id}>
                            {index ? ', ' : ''}
                            <Link to={`/initiatives/${i.id}`}>{i.name}</Link>
                          </span>
                        ))}
                      </td>
                      <td>
                        <Badge tone="info">{t(`accountability.action.${overlap.suggestion}`)}</Badge>
                      </td>
                      {canManage ? (
                        <td>
                          <Link to={`?${query}#review-form`}>{t('accountability.recordReview')}</Link>
                        </td>
                      ) : null}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">{t('accountability.governanceLog')}</h2>
        <FormError
          message={completion ? (completion.fieldErrors?.review_id?.join(' ') ?? completion.formError) : null}
        />
        {reviews.length === 0 ? (
          <EmptyState>{t('accountability.noReviews')}</EmptyState>
        ) : (
          <div
            className="table-wrap"
            role="region"
            aria-label={t('accountability.governanceLog')}
            tabIndex={0}
          >
            <table>
              <caption className="visually-hidden">{t('accountability.governanceLog')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accountability.subject')}</th>
                  <th scope="col">{t('accountability.decision')}</th>
                  <th scope="col">{t('accountability.owner')}</th>
                  <th scope="col">{t('accountability.dueDate')}</th>
                  <th scope="col">{t('accountability.status')}</th>
                </tr>
              </thead>
              <tbody>
                {reviews.map((review) => (
                  <tr key={review.id}>
                    <th scope="row">
                      {t(`accountability.overlap.${review.overlap_kind}`)}: {review.subject}
                      <div className="muted">{review.initiative_ids.map(nameOf).join(', ')}</div>
                    </th>
                    <td>
                      <Badge tone="info">{t(`accountability.action.${review.action}`)}</Badge>{' '}
                      {review.decision}
                    </td>
                    <td>{review.owner_name ?? '—'}</td>
                    <td>{format.date(review.due_date)}</td>
                    <td>
                      {review.done_at ? (
                        <Badge tone="good">{t('accountability.done')}</Badge>
                      ) : canManage ? (
                        <Form method="post">
                          <input type="hidden" name="review_id" value={review.id} />
                          <button type="submit" name="intent" value="done" className="button-secondary">
                            {t('accountability.markDone')}
                          </button>
                        </Form>
                      ) : (
                        <Badge tone="warn">{t('accountability.open')}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManage ? (
        <section className="card" id="review-form" aria-labelledby="review-title">
          <h2 id="review-title">{t('accountability.recordReview')}</h2>
          <ReviewForm
            key={`${params.toString()}:${formKey}`}
            prefill={prefill}
            initiatives={initiatives}
            owners={owners}
            lastResult={answerTo('review')?.result}
          />
        </section>
      ) : null}
    </>
  )
}
