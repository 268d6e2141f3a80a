import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { getUserLocale, requirePermission, requireUser } from '~/auth/session.server'
import { InitiativeTable } from '~/components/foundation/initiative-table'
import { Badge, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { actorOf } from '~/models/foundation/audit.server'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { getProgram, setProgramArchived } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse, notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const program = z.uuid().safeParse(params.programId).success
    ? await getProgram(db, params.programId!)
    : undefined
  if (!program) notFound()
  const initiatives = await listInitiatives(db, user, { programId: program.id })
  return {
    program,
    initiatives,
    canManage: can(user.role, 'program:manage'),
    canCreate: can(user.role, 'initiative:create'),
  }
}

const ArchiveSchema = z.object({ intent: z.enum(['archive', 'restore']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'program:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, ArchiveSchema, locale)
  invariantResponse(submission.status === 'success', 'Unknown intent')
  invariantResponse(z.uuid().safeParse(params.programId).success, 'Not found', { status: 404 })
  const archived = submission.value.intent === 'archive'
  // Archiving asks first (ConfirmButton) and the toast restores it.
  if (archived && !isConfirmed(formData)) return askConfirmation(formData)
  const done = await setProgramArchived(db, actorOf(user), params.programId!, archived)
  if (!done) notFound()
  const here = `/programs/${params.programId}`
  return redirectWithToast(here, {
    kind: 'success',
    message: archived ? 'program.archived' : 'program.restored',
    ...(archived ? { undo: { action: `${here}?index`, fields: { intent: 'restore' } } } : {}),
  })
}

export default function ProgramPage() {
  const { program, initiatives, canManage, canCreate } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader
        title={program.name}
        subtitle={
          <>
            {program.description} {program.archived_at ? <Badge>{t('common.archived')}</Badge> : null}
          </>
        }
        actions={
          <>
            {canCreate && !program.archived_at ? (
              <Link className="button" to={`/initiatives/new?program=${program.id}`}>
                {t('initiative.new')}
              </Link>
            ) : null}
            {canManage ? (
              <>
                <Link className="button button-secondary" to={`/programs/${program.id}/edit`}>
                  {t('action.edit')}
                </Link>
                <Link className="button button-secondary" to={`/programs/${program.id}/webhooks`}>
                  {t('attention.webhooks.title')}
                </Link>
                {program.archived_at ? (
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
                    title={t('program.archiveConfirm', { name: program.name })}
                    message={t('program.archiveConfirmBody')}
                    confirmLabel={t('confirm.archive')}
                  />
                )}
              </>
            ) : null}
          </>
        }
      />
      <p className="muted">
        {t('program.timezone')}: {program.reporting_timezone} · {t('program.dateWindow')}:{' '}
        {format.number(program.date_window_days)}
      </p>
      <InitiativeTable initiatives={initiatives} emptyText={t('initiative.none')} />
    </>
  )
}
