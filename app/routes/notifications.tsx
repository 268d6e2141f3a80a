import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { Translate } from '~/i18n/translate'
import { isFeedbackStatus } from '~/models/eet/eet.schema'
import { listNotifications, markNotificationsRead } from '~/models/eet/notification.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse, safeRedirectPath } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Notifications · Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { notifications: await listNotifications(db, user.id) }
}

const ReadSchema = z.object({
  intent: z.enum(['read', 'read-all', 'open']),
  id: z.uuid().optional(),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseSubmission(await request.formData(), ReadSchema, await getUserLocale(request))
  invariantResponse(submission.status === 'success', 'Bad request')
  const { intent, id } = submission.value
  invariantResponse(intent === 'read-all' || id, 'Which notification?')
  await markNotificationsRead(db, user.id, intent === 'read-all' ? undefined : id)
  if (intent === 'open') {
    const target = (await listNotifications(db, user.id)).find((notice) => notice.id === id)
    if (target?.link)
      return new Response(null, { status: 303, headers: { Location: safeRedirectPath(target.link) } })
  }
  return { ok: true }
}

type Notice = { kind: string; payload: Record<string, unknown> }

function describe(t: Translate, notice: Notice) {
  const p = notice.payload
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '')
  if (notice.kind === 'feedback.status') {
    const status = text('status')
    const line = t('eet.notice.feedbackStatus', {
      title: text('title'),
      initiative: text('initiative'),
      status: isFeedbackStatus(status) ? t(`eet.status.${status}`) : status,
    })
    return text('reason') ? `${line} ${t('eet.notice.reason', { reason: text('reason') })}` : line
  }
  if (notice.kind === 'feedback.merged')
    return t('eet.notice.feedbackMerged', { title: text('title'), target: text('target') })
  return t('eet.notice.generic', { kind: notice.kind })
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const unread = notifications.some((notice) => !notice.read_at)
  return (
    <section className="narrow">
      <PageHeader
        title={t('eet.notice.title')}
        actions={
          unread ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="button-secondary">
                {t('eet.notice.markAll')}
              </button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState>{t('eet.notice.empty')}</EmptyState>
      ) : (
        <ul className="card-list" aria-label={t('eet.notice.title')}>
          {notifications.map((notice) => (
            <li key={notice.id} className="card">
              <p>
                {!notice.read_at ? <Badge tone="info">{t('eet.notice.unread')}</Badge> : null}{' '}
                {describe(t, notice as Notice)}
              </p>
              <p className="muted">{format.dateTime(notice.created_at)}</p>
              <Form method="post" className="form-actions">
                <input type="hidden" name="id" value={notice.id} />
                {notice.link ? (
                  <button type="submit" name="intent" value="open">
                    {t('eet.notice.open')}
                  </button>
                ) : null}
                {!notice.read_at ? (
                  <button type="submit" name="intent" value="read" className="button-secondary">
                    {t('eet.notice.markRead')}
                  </button>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  )
}
