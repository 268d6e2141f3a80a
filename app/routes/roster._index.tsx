import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { affinityFilter, facetOptions, SellerFilterFields } from '~/components/eet/seller-filters'
import { ListFilters, ListFooter } from '~/components/list-controls'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { SortableTh } from '~/components/sortable-th'
import { useFormat, useT } from '~/i18n/react'
import { requireRosterReader } from '~/models/eet/roster-guard.server'
import { RosterFilterSchema, ROSTER_SORTS } from '~/models/eet/roster.schema'
import { listSellers, rosterFacets } from '~/models/eet/roster.server'
import { db } from '~/utils/db.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { readListQuery } from '~/utils/list-query'

const { q: _q, page: _page, ...rosterFilters } = RosterFilterSchema.shape
const LIST = { sorts: ROSTER_SORTS, defaultSort: 'name', filters: rosterFilters } as const

type Row = Awaited<ReturnType<typeof listSellers>>['sellers'][number]
const CSV: CsvColumn<Row>[] = [
  { header: 'eet.field.name', value: (row) => row.name },
  { header: 'eet.field.seller_id', value: (row) => row.seller_id },
  { header: 'eet.field.region', value: (row) => row.region },
  { header: 'eet.field.segment', value: (row) => row.segment },
  { header: 'eet.field.team', value: (row) => row.team },
  { header: 'eet.roster.manager', value: (row) => row.manager_name ?? row.manager_id },
  { header: 'eet.field.role', value: (row) => row.role },
  { header: 'eet.field.tech_affinity', value: (row, t) => t(`eet.affinity.${row.tech_affinity}`) },
  { header: 'eet.field.hire_date', value: (row) => row.hire_date },
  {
    header: 'eet.field.eligible',
    value: (row, t) => t(row.eligible && !row.left_at ? 'common.yes' : 'common.no'),
  },
]

export const meta: MetaFunction = () => [{ title: 'Sales force · Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRosterReader(request)
  const query = readListQuery(request, LIST)
  const { csv: _csv, ...rest } = query
  const filter = { ...rest, q: query.q || undefined }
  if (query.csv) {
    const all = await listSellers(db, { ...filter, pageSize: null })
    return listCsvResponse(request, 'roster.csv', CSV, all.sellers)
  }
  const [list, facets] = await Promise.all([listSellers(db, filter), rosterFacets(db)])
  return { ...list, facets, filter, canManage: can(user.role, 'roster:manage') }
}

export default function RosterPage() {
  const { sellers, total, page, pages, facets, filter, canManage } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader
        title={t('eet.roster.title')}
        subtitle={t('eet.roster.subtitle', { active: facets.active, left: facets.left })}
        actions={
          canManage ? (
            <Link className="button" to="/roster/import">
              {t('eet.roster.import')}
            </Link>
          ) : null
        }
      />
      <ListFilters state={filter}>
        <SellerFilterFields
          values={filter}
          filters={[
            { name: 'region', label: t('eet.field.region'), options: facetOptions(facets.regions) },
            { name: 'team', label: t('eet.field.team'), options: facetOptions(facets.teams) },
            {
              name: 'manager',
              label: t('eet.roster.manager'),
              options: facets.managers.map((manager) => ({
                value: manager.seller_id,
                label: `${manager.name} (${manager.seller_id})`,
              })),
            },
            affinityFilter(t),
            {
              name: 'left',
              label: t('eet.roster.includeLeft'),
              anyLabel: t('eet.roster.currentOnly'),
              options: [
                { value: 'include', label: t('eet.roster.withLeft') },
                { value: 'only', label: t('eet.roster.onlyLeft') },
              ],
            },
          ]}
        />
      </ListFilters>
      {sellers.length === 0 ? (
        <EmptyState>{t('eet.roster.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <SortableTh sortKey="name" sort={filter}>
                  {t('eet.field.name')}
                </SortableTh>
                <SortableTh sortKey="seller_id" sort={filter}>
                  {t('eet.field.seller_id')}
                </SortableTh>
                <SortableTh sortKey="region" sort={filter}>
                  {t('eet.field.region')}
                </SortableTh>
                <SortableTh sortKey="segment" sort={filter}>
                  {t('eet.field.segment')}
                </SortableTh>
                <SortableTh sortKey="team" sort={filter}>
                  {t('eet.field.team')}
                </SortableTh>
                <SortableTh sortKey="manager" sort={filter}>
                  {t('eet.roster.manager')}
                </SortableTh>
                <SortableTh sortKey="role" sort={filter}>
                  {t('eet.field.role')}
                </SortableTh>
                <SortableTh sortKey="affinity" sort={filter}>
                  {t('eet.field.tech_affinity')}
                </SortableTh>
                <SortableTh sortKey="hire_date" sort={filter}>
                  {t('eet.field.hire_date')}
                </SortableTh>
                <th scope="col">{t('eet.field.eligible')}</th>
              </tr>
            </thead>
            <tbody>
              {sellers.map((seller) => (
                <tr key={seller.id}>
                  <th scope="row">
                    {canManage ? <Link to={`/roster/${seller.id}`}>{seller.name}</Link> : seller.name}
                  </th>
                  <td>{seller.seller_id}</td>
                  <td>{seller.region}</td>
                  <td>{seller.segment}</td>
                  <td>{seller.team}</td>
                  <td>{seller.manager_name ?? seller.manager_id ?? ''}</td>
                  <td>{seller.role}</td>
                  <td>{t(`eet.affinity.${seller.tech_affinity}`)}</td>
                  <td>{format.date(seller.hire_date)}</td>
                  <td>
                    {seller.left_at ? (
                      <Badge tone="bad">
                        {t('eet.roster.leftOn', { date: format.date(seller.left_at) })}
                      </Badge>
                    ) : !seller.eligible ? (
                      <Badge>{t('common.no')}</Badge>
                    ) : (
                      <Badge tone="good">{t('common.yes')}</Badge>
                    )}
                    {seller.user_id ? <Badge tone="info">{t('eet.members.portalUser')}</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter page={page} pages={pages} total={total} />
    </>
  )
}
