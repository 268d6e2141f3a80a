import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { useFormat, useT } from '~/i18n/react'
import { listEntityHistory } from '~/models/foundation/audit.server'
import { requireEditableInitiative, requireInitiative } from '~/models/foundation/initiative-guard.server'
import { setInitiativeArchived } from '~/models/foundation/initiative.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const history = await listEntityHistory(db, 'initiative', initiative.id)
  return { initiative, history }
}

const ArchiveSchema = z.object({ intent: z.enum(['archive', 'restore']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, ArchiveSchema, locale)
  invariantResponse(submission.status === 'success', 'Unknown intent')
  const archived = submission.value.intent === 'archive'
  // Archiving asks first (ConfirmButton) and the toast restores it.
  if (archived && !isConfirmed(formData)) return askConfirmation(formData)
  await setInitiativeArchived(db, user, initiative.id, archived)
  const here = `/initiatives/${initiative.id}`
  return redirectWithToast(here, {
    kind: 'success',
    message: archived ? 'initiative.archived' : 'initiative.restored',
    ...(archived ? { undo: { action: `${here}?index`, fields: { intent: 'restore' } } } : {}),
  })
}

export default function InitiativeOverview() {
  const { initiative, history } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <div className="two-column">
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title">{t('initiative.overview')}</h2>
        <dl className="facts">
          <dt>{t('initiative.objective')}</dt>
          <dd>{initiative.objective || '—'}</dd>
          <dt>{t('initiative.lead')}</dt>
          <dd>{initiative.lead_name ?? t('common.unassigned')}</dd>
          <dt>{t('initiative.sponsor')}</dt>
          <dd>{initiative.sponsor_name ?? t('common.unassigned')}</dd>
          <dt>{t('initiative.dates')}</dt>
          <dd>
            {format.date(initiative.start_date)} – {format.date(initiative.target_date)}
          </dd>
        </dl>
        {initiative.can_edit ? (
          <div className="form-actions">
            <Link className="button" to="edit">
              {t('action.edit')}
            </Link>
            {initiative.archived_at ? (
              <Form method="post">
                <button type="submit" name="intent" value="restore" className="button-secondary">
                  {t('action.restore')}
                </button>
              </Form>
            ) : (
              <ConfirmButton
                fields={{ intent: 'archive' }}
                className="button-secondary"
                label={t('action.archive')}
                title={t('initiative.archiveConfirm', { name: initiative.name })}
                message={t('initiative.archiveConfirmBody')}
                confirmLabel={t('confirm.archive')}
              />
            )}
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('initiative.history')}</h2>
        <ol className="timeline">
          {history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.at).toISOString()}>{format.dateTime(entry.at)}</time> ·{' '}
              {entry.actor_label} · <code>{entry.action}</code>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
