import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { listPrograms } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const includeArchived = new URL(request.url).searchParams.get('archived') === 'on'
  const programs = await listPrograms(db, { includeArchived })
  return { programs, includeArchived, canManage: can(user.role, 'program:manage') }
}

export default function ProgramsPage() {
  const { programs, includeArchived, canManage } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader
        title={t('program.list.title')}
        subtitle={t('program.list.subtitle')}
        actions={
          canManage ? (
            <Link className="button" to="/programs/new">
              {t('program.new')}
            </Link>
          ) : null
        }
      />
      <Form className="filters" method="get">
        <label className="checkbox">
          <input type="checkbox" name="archived" defaultChecked={includeArchived} />
          {t('common.showArchived')}
        </label>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </Form>
      {programs.length ? (
        <ul className="card-list">
          {programs.map((program) => (
            <li key={program.id} className="card">
              <h2>
                <Link to={`/programs/${program.id}`}>{program.name}</Link>{' '}
                {program.archived_at ? <Badge>{t('common.archived')}</Badge> : null}
              </h2>
              <p>{program.description}</p>
              <p className="muted">
                {t('program.initiativeCount')}: {format.number(program.initiative_count)} ·{' '}
                {t('program.timezone')}: {program.reporting_timezone}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('program.none')}</EmptyState>
      )}
    </>
  )
}
