import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { getUserLocale, requirePermission, requireUser } from '~/auth/session.server'
import { FormActions, FormError, SelectField, TextAreaField, TextField } from '~/components/forms'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import {
  GOVERNANCE_ACTIONS,
  OVERLAP_KINDS,
  ReviewDoneSchema,
  ReviewSchema,
} from '~/models/accountability/governance.schema'
import {
  completeReview,
  findOverlaps,
  listOwnerCandidates,
  listReviews,
  recordReview,
} from '~/models/accountability/governance.server'
import { listActiveInitiativeNames } from '~/models/foundation/initiative.server'
import styles from '~/styles/accountability.css?url'
import { db } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'

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

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'governance:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(intent.success, 'Unknown intent')
  if (intent.data.intent === 'done') {
    const form = ReviewDoneSchema.safeParse(Object.fromEntries(formData))
    invariantResponse(form.success, 'Bad review')
    invariantResponse(await completeReview(db, user, form.data.review_id), 'Not found', { status: 404 })
    return redirectWithToast('/governance', { kind: 'success', message: 'toast.saved' })
  }
  const form = parseForm(ReviewSchema, formData, locale)
  if (!form.ok) return refuse(locale, form)
  try {
    await recordReview(db, user, form.data)
  } catch (error) {
    return refuse(locale, error)
  }
  return redirectWithToast('/governance', { kind: 'success', message: 'accountability.toast.reviewRecorded' })
}

export default function GovernancePage() {
  const { overlaps, reviews, owners, initiatives, canManage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const t = useT()
  const format = useFormat()
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
          <Form method="post" className="form-grid" key={params.toString()}>
            <FormError message={actionData?.formError} />
            <input type="hidden" name="intent" value="review" />
            <div className="field-row">
              <SelectField
                label={t('accountability.overlapKind')}
                name="overlap_kind"
                defaultValue={prefill.kind}
                options={OVERLAP_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`accountability.overlap.${kind}`),
                }))}
                errors={actionData?.fieldErrors}
              />
              <TextField
                label={t('accountability.subject')}
                name="subject"
                defaultValue={prefill.subject}
                errors={actionData?.fieldErrors}
              />
            </div>
            <SelectField
              label={t('accountability.initiatives')}
              name="initiative_ids"
              multiple
              defaultValue={prefill.ids}
              options={initiatives.map((i) => ({ value: i.id, label: i.name }))}
              errors={actionData?.fieldErrors}
            />
            <div className="field-row">
              <SelectField
                label={t('accountability.actionLabel')}
                name="action"
                options={GOVERNANCE_ACTIONS.map((a) => ({
                  value: a,
                  label: t(`accountability.action.${a}`),
                }))}
                errors={actionData?.fieldErrors}
              />
              <SelectField
                label={t('accountability.owner')}
                name="owner_id"
                placeholder=""
                options={owners.map((o) => ({ value: o.id, label: o.name }))}
                errors={actionData?.fieldErrors}
              />
              <TextField
                label={t('accountability.dueDate')}
                name="due_date"
                type="date"
                errors={actionData?.fieldErrors}
              />
            </div>
            <TextAreaField
              label={t('accountability.decision')}
              name="decision"
              errors={actionData?.fieldErrors}
            />
            <FormActions>
              <button type="submit">{t('accountability.recordReview')}</button>
            </FormActions>
          </Form>
        </section>
      ) : null}
    </>
  )
}
