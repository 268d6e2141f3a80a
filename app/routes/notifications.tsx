import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { PreferencesForm } from '~/components/attention/preferences-form'
import { ScheduleForm } from '~/components/attention/schedule-form'
import { can } from '~/auth/permissions'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useLocale, useT } from '~/i18n/react'
import { NotificationsFormSchema } from '~/models/attention/attention.schema'
import { describeNotice } from '~/models/attention/describe'
import { ATTENTION_KINDS } from '~/models/attention/kinds'
import { listNotifications, markNotificationsRead } from '~/models/attention/notification.server'
import { listPreferences, savePreferences } from '~/models/attention/preferences.server'
import { listSubscriptions, subscribeReport, unsubscribeReport } from '~/models/attention/reports.server'
import { getNotificationSettings, saveNotificationSettings } from '~/models/attention/settings.server'
import { listPrograms } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse, safeRedirectPath } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Notifications · Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const reader = can(user.role, 'portfolio:read')
  const [notifications, preferences, settings, subscriptions, programs] = await Promise.all([
    listNotifications(db, user.id),
    listPreferences(db, user.id),
    getNotificationSettings(db, user.id),
    reader ? listSubscriptions(db, user.id) : null,
    reader ? listPrograms(db) : [],
  ])
  return {
    notifications,
    preferences,
    settings,
    subscriptions,
    programs: programs.map((program) => ({ id: program.id, name: program.name })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseSubmission(
    await request.formData(),
    NotificationsFormSchema,
    await getUserLocale(request),
  )
  invariantResponse(submission.status === 'success', 'Bad request')
  const form = submission.value
  if (form.intent === 'preferences') {
    const values = form as Record<string, unknown>
    const choices = ATTENTION_KINDS.flatMap((kind) =>
      typeof values[kind] === 'string' ? [{ kind, channel: values[kind] as 'in_app' }] : [],
    )
    await savePreferences(db, user, choices)
    return redirectWithToast('/notifications', { kind: 'success', message: 'attention.prefs.saved' })
  }
  if (form.intent === 'schedule') {
    await saveNotificationSettings(db, user, form)
    return redirectWithToast('/notifications', { kind: 'success', message: 'attention.schedule.saved' })
  }
  if (form.intent === 'subscribe' || form.intent === 'unsubscribe') {
    invariantResponse(can(user.role, 'portfolio:read'), 'Forbidden', { status: 403 })
    if (form.intent === 'subscribe')
      await subscribeReport(db, user, {
        report: form.report,
        frequency: form.frequency,
        programId: form.program,
      })
    else await unsubscribeReport(db, user, { report: form.report, programId: form.program })
    return redirectWithToast('/notifications', {
      kind: 'success',
      message:
        form.intent === 'subscribe' ? 'attention.subscriptions.saved' : 'attention.subscriptions.removed',
    })
  }
  await markNotificationsRead(db, user.id, form.intent === 'read-all' ? undefined : form.id)
  if (form.intent === 'open') {
    const target = (await listNotifications(db, user.id)).find((notice) => notice.id === form.id)
    if (target?.link)
      return new Response(null, { status: 303, headers: { Location: safeRedirectPath(target.link) } })
  }
  return { ok: true }
}

export default function NotificationsPage() {
  const { notifications, preferences, settings, subscriptions, programs } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const format = useFormat()
  const unread = notifications.some((notice) => !notice.read_at)
  return (
    <section className="narrow">
      <PageHeader
        title={t('attention.notice.title')}
        actions={
          unread ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="button-secondary">
                {t('attention.notice.markAll')}
              </button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState>{t('attention.notice.empty')}</EmptyState>
      ) : (
        <ul className="card-list" aria-label={t('attention.notice.title')}>
          {notifications.map((notice) => (
            <li key={notice.id} className="card">
              <p>
                {!notice.read_at ? <Badge tone="info">{t('attention.notice.unread')}</Badge> : null}{' '}
                {describeNotice(t, locale, notice)}
              </p>
              <p className="muted">{format.dateTime(notice.created_at)}</p>
              <Form method="post" className="form-actions">
                <input type="hidden" name="id" value={notice.id} />
                {notice.link ? (
                  <button type="submit" name="intent" value="open">
                    {t('attention.notice.open')}
                  </button>
                ) : null}
                {!notice.read_at ? (
                  <button type="submit" name="intent" value="read" className="button-secondary">
                    {t('attention.notice.markRead')}
                  </button>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      )}
      <PreferencesForm preferences={preferences} />
      <ScheduleForm settings={settings} subscriptions={subscriptions} programs={programs} />
      <p className="muted">
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  )
}
