import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { affinityFilter, facetOptions, SellerFilters } from '~/components/eet/seller-filters'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { requireRosterReader } from '~/models/eet/roster-guard.server'
import { RosterFilterSchema } from '~/models/eet/roster.schema'
import { listSellers, rosterFacets } from '~/models/eet/roster.server'
import { db } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Sales force · Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRosterReader(request)
  const filter = RosterFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [list, facets] = await Promise.all([listSellers(db, filter), rosterFacets(db)])
  return { ...list, facets, filter, canManage: can(user.role, 'roster:manage') }
}

export default function RosterPage() {
  const { sellers, total, page, pages, facets, filter, canManage } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const t = useT()
  const format = useFormat()
  const pageLink = (target: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(target))
    return `?${next.toString()}`
  }
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
      <SellerFilters
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
      {sellers.length === 0 ? (
        <EmptyState>{t('eet.roster.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('eet.field.name')}</th>
                <th scope="col">{t('eet.field.seller_id')}</th>
                <th scope="col">{t('eet.field.region')}</th>
                <th scope="col">{t('eet.field.segment')}</th>
                <th scope="col">{t('eet.field.team')}</th>
                <th scope="col">{t('eet.roster.manager')}</th>
                <th scope="col">{t('eet.field.role')}</th>
                <th scope="col">{t('eet.field.tech_affinity')}</th>
                <th scope="col">{t('eet.field.hire_date')}</th>
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
      <nav className="filters" aria-label={t('eet.roster.page', { page, pages })}>
        <span>
          {t('eet.roster.page', { page, pages })} · {format.number(total)}
        </span>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t('eet.roster.prev')}</Link> : null}
        {page < pages ? <Link to={pageLink(page + 1)}>{t('eet.roster.next')}</Link> : null}
      </nav>
    </>
  )
}
