import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { Badge, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { listUsers } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'user:manage')
  const includeDisabled = new URL(request.url).searchParams.get('disabled') === 'on'
  return { users: await listUsers(db, { includeDisabled }), includeDisabled }
}

export default function UsersPage() {
  const { users, includeDisabled } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Link className="button" to="/admin/users/new">
            {t('users.new')}
          </Link>
        }
      />
      <Form method="get" className="filters">
        <label className="checkbox">
          <input type="checkbox" name="disabled" defaultChecked={includeDisabled} />
          {t('users.includeDisabled')}
        </label>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.state')}</th>
              <th scope="col">{t('sessions.started')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </th>
                <td>{user.email}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>
                  {user.disabled_at ? (
                    <Badge tone="bad">{t('users.disabled')}</Badge>
                  ) : (
                    <Badge tone="good">{t('users.active')}</Badge>
                  )}
                </td>
                <td>{format.date(user.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
