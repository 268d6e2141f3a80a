import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { EmptyState, PageHeader, TextWithCodes } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { listOutbox, outboxCounts, retryDead } from '~/models/attention/worker.server'
import { db } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// Admins: the outbox's state, the dead-letter list (retry), and the outgoing mail kept when no SMTP
// server is configured — what would have been sent.

export const meta: MetaFunction = () => [{ title: 'Outbox · Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'user:manage')
  const [counts, dead, kept] = await Promise.all([
    outboxCounts(db),
    listOutbox(db, { status: 'dead' }),
    listOutbox(db, { status: 'kept', limit: 100 }),
  ])
  return { counts, dead, kept, smtp: Boolean(env().SMTP_URL) }
}

const RetrySchema = z.object({ intent: z.literal('retry'), id: z.uuid() })

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), RetrySchema, locale)
  invariantResponse(submission.status === 'success', 'Bad request')
  try {
    await retryDead(db, admin, submission.value.id)
  } catch (error) {
    return refuseSubmission(locale, submission, error)
  }
  return redirectWithToast('/admin/outbox', { kind: 'success', message: 'attention.outbox.retried' })
}

export default function OutboxPage() {
  const { counts, dead, kept, smtp } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <section>
      <PageHeader
        title={t('attention.outbox.title')}
        subtitle={t('attention.outbox.counts', {
          pending: counts.pending ?? 0,
          sent: counts.sent ?? 0,
          kept: counts.kept ?? 0,
          dead: counts.dead ?? 0,
        })}
      />
      <h2>{t('attention.outbox.dead')}</h2>
      {dead.length === 0 ? (
        <EmptyState>{t('attention.outbox.noDead')}</EmptyState>
      ) : (
        <ul className="card-list" aria-label={t('attention.outbox.dead')}>
          {dead.map((message) => (
            <li key={message.id} className="card">
              <p>
                <strong>{t(`attention.outbox.channel.${message.channel}`)}</strong> · {message.address}
              </p>
              <p className="muted">
                {t('attention.outbox.attempts', { count: message.attempts })} · {message.last_error}
              </p>
              <Form method="post" className="form-actions">
                <input type="hidden" name="id" value={message.id} />
                <button type="submit" name="intent" value="retry">
                  {t('attention.outbox.retry')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h2 id="outgoing-mail">{t('attention.outbox.mail')}</h2>
      <p className="muted">
        <TextWithCodes text={t(smtp ? 'attention.outbox.mailSmtp' : 'attention.outbox.mailKept')} />
      </p>
      {kept.length === 0 ? (
        <EmptyState>{t('attention.outbox.noMail')}</EmptyState>
      ) : (
        <ul className="card-list" aria-label={t('attention.outbox.mail')}>
          {kept.map((mail) => (
            <li key={mail.id} className="card">
              <p>
                <strong>{mail.subject}</strong>
              </p>
              <p className="muted">
                {t('attention.outbox.to', { address: mail.address })} · {format.dateTime(mail.created_at)}
              </p>
              <pre className="mail-body">
                <code>{mail.body_text}</code>
              </pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
