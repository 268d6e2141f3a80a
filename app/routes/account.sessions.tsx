import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { currentSessionHash } from '~/auth/lucia.server'
import { endOtherSessions, endOwnSession, listOwnSessions } from '~/auth/sessions.server'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// Where the user is signed in, and ending any other session (ASVS 7.5.2). Both are destructive and
// confirmed; this session is ended by signing out.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { sessions: await listOwnSessions(db, user.id, currentSessionHash(request)) }
}

const SessionActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('end'), session: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal('end-others') }),
])

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, SessionActionSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  if (!isConfirmed(formData)) return askConfirmation(formData)
  const current = currentSessionHash(request)
  if (submission.value.intent === 'end') {
    try {
      await endOwnSession(db, user, submission.value.session, current)
    } catch (error) {
      return refuseSubmission(locale, submission, error)
    }
    return redirectWithToast('/account/sessions', {
      kind: 'success',
      message: 'sessions.ended',
      vars: { count: 1 },
    })
  }
  const count = await endOtherSessions(db, user, current)
  return redirectWithToast('/account/sessions', {
    kind: 'success',
    message: 'sessions.ended',
    vars: { count },
  })
}

/** A user agent string, shortened to what a person recognises (browser and system). */
function deviceOf(userAgent: string | null) {
  if (!userAgent) return null
  const browser = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[0]?.replace('Edg', 'Edge')
  const system = /\(([^;)]+)/.exec(userAgent)?.[1]
  return browser && system ? `${browser.split('.')[0]} · ${system}` : userAgent.slice(0, 80)
}

export default function SessionsPage() {
  const { sessions } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const others = sessions.filter((session) => !session.current)
  return (
    <section className="narrow">
      <PageHeader title={t('sessions.yours')} subtitle={t('sessions.yoursIntro')} />
      <div className="card">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sessions.device')}</th>
                <th scope="col">{t('sessions.ip')}</th>
                <th scope="col">{t('sessions.created')}</th>
                <th scope="col">{t('sessions.lastActive')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sessions.end')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.handle}>
                  <td>
                    <span title={session.user_agent ?? undefined}>
                      {deviceOf(session.user_agent) ?? t('sessions.unknown')}
                    </span>{' '}
                    {session.current ? <Badge tone="good">{t('sessions.this')}</Badge> : null}
                  </td>
                  <td>{session.ip ?? t('sessions.unknown')}</td>
                  <td>{format.dateTime(session.created_at)}</td>
                  <td>{format.dateTime(session.last_active_at)}</td>
                  <td>
                    {session.current ? null : (
                      <ConfirmButton
                        fields={{ intent: 'end', session: session.handle }}
                        label={t('sessions.end')}
                        title={t('sessions.endTitle')}
                        message={t('sessions.endMessage')}
                        className="button-secondary"
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {others.length ? (
          <ConfirmButton
            fields={{ intent: 'end-others' }}
            label={t('sessions.endOthers')}
            title={t('sessions.endOthersTitle')}
            message={t('sessions.endOthersMessage')}
          />
        ) : (
          <EmptyState>{t('sessions.onlyThis')}</EmptyState>
        )}
      </div>
    </section>
  )
}
