import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { requireRosterReader } from '~/models/roster-guard.server'
import { RosterFilterSchema, TECH_AFFINITIES } from '~/models/roster.schema'
import { listSellers, rosterFacets } from '~/models/roster.server'
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
      <Form method="get" className="filters">
        <label>
          {t('eet.roster.search')}
          <input type="search" name="q" defaultValue={filter.q ?? ''} />
        </label>
        <label>
          {t('eet.field.region')}
          <select name="region" defaultValue={filter.region ?? ''}>
            <option value="">{t('common.all')}</option>
            {facets.regions.map((region) => (
              <option key={region}>{region}</option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.field.team')}
          <select name="team" defaultValue={filter.team ?? ''}>
            <option value="">{t('common.all')}</option>
            {facets.teams.map((team) => (
              <option key={team}>{team}</option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.roster.manager')}
          <select name="manager" defaultValue={filter.manager ?? ''}>
            <option value="">{t('common.all')}</option>
            {facets.managers.map((manager) => (
              <option key={manager.seller_id} value={manager.seller_id}>
                {manager.name} ({manager.seller_id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.field.tech_affinity')}
          <select name="affinity" defaultValue={filter.affinity ?? ''}>
            <option value="">{t('common.all')}</option>
            {TECH_AFFINITIES.map((affinity) => (
              <option key={affinity} value={affinity}>
                {t(`eet.affinity.${affinity}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.roster.includeLeft')}
          <select name="left" defaultValue={filter.left ?? ''}>
            <option value="">{t('eet.roster.currentOnly')}</option>
            <option value="include">{t('eet.roster.withLeft')}</option>
            <option value="only">{t('eet.roster.onlyLeft')}</option>
          </select>
        </label>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </Form>
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
