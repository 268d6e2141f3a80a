import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '~/auth/session.server'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { Badge, PageHeader } from '~/components/page'
import { SortableTh } from '~/components/sortable-th'
import { useFormat, useT } from '~/i18n/react'
import { ROLES } from '~/auth/permissions'
import { listUsers } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { applyListQuery, readListQuery } from '~/utils/list-query'

type Row = Awaited<ReturnType<typeof listUsers>>[number]

const LIST = {
  sorts: ['name', 'email', 'role', 'state', 'created'],
  defaultSort: 'name',
  filters: {
    role: z.enum(ROLES).optional().catch(undefined),
    disabled: z.literal('on').optional().catch(undefined),
  },
} as const

const CSV: CsvColumn<Row>[] = [
  { header: 'users.name', value: (row) => row.name },
  { header: 'users.email', value: (row) => row.email },
  { header: 'users.role', value: (row, t) => t(`role.${row.role}`) },
  { header: 'users.state', value: (row, t) => t(row.disabled_at ? 'users.disabled' : 'users.active') },
  { header: 'sessions.started', value: (row) => row.created_at },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'user:manage')
  const query = readListQuery(request, LIST)
  const users = await listUsers(db, { includeDisabled: query.disabled === 'on', role: query.role })
  // Portal users number in the tens or hundreds: sorted and paged in memory.
  const list = applyListQuery(users, query, {
    text: (row) => [row.name, row.email],
    by: {
      name: (row) => row.name,
      email: (row) => row.email,
      role: (row) => row.role,
      state: (row) => (row.disabled_at ? 1 : 0),
      created: (row) => row.created_at,
    },
  })
  if (query.csv) return listCsvResponse(request, 'users.csv', CSV, list.rows)
  return { list, query }
}

export default function UsersPage() {
  const { list, query } = useLoaderData<typeof loader>()
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
      <ListFilters state={query}>
        <ListSearch value={query.q} />
        <label>
          {t('users.role')}
          <select name="role" defaultValue={query.role ?? ''}>
            <option value="">{t('common.all')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="disabled" defaultChecked={query.disabled === 'on'} />
          {t('users.includeDisabled')}
        </label>
      </ListFilters>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <SortableTh sortKey="name" sort={query}>
                {t('users.name')}
              </SortableTh>
              <SortableTh sortKey="email" sort={query}>
                {t('users.email')}
              </SortableTh>
              <SortableTh sortKey="role" sort={query}>
                {t('users.role')}
              </SortableTh>
              <SortableTh sortKey="state" sort={query}>
                {t('users.state')}
              </SortableTh>
              <SortableTh sortKey="created" sort={query}>
                {t('sessions.started')}
              </SortableTh>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((user) => (
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
      <ListFooter page={list.page} pages={list.pages} total={list.total} />
    </>
  )
}
