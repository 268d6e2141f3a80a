import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { EmptyState, PageHeader } from '~/components/page'
import { KpiStatusBadge, KpiTree, KpiValue, useKpiName } from '~/components/kpi/kpi-ui'
import { useFormat, useT } from '~/i18n/react'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { KPI_CATEGORIES, KPI_KINDS, KpiFilterSchema } from '~/models/kpi/kpi.schema'
import { KPI_STATUSES } from '~/models/kpi/status'
import { getKpiTree, listProgramKpiPage } from '~/models/kpi/kpi.server'
import { listPrograms } from '~/models/foundation/program.server'
import styles from '~/styles/kpi.css?url'
import { db } from '~/utils/db.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const PAGE_SIZE = 100

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filter = KpiFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const programs = await listPrograms(db)
  const program = programs.find((p) => p.id === filter.program) ?? programs[0]
  if (!program)
    return {
      programs: [],
      program: null,
      filter,
      initiatives: [],
      kpis: [],
      total: 0,
      page: 1,
      pages: 1,
      tree: [],
      canCreate: false,
    }
  const [found, initiatives, tree] = await Promise.all([
    listProgramKpiPage(
      db,
      user,
      program.id,
      {
        initiativeId: filter.initiative,
        kind: filter.kind,
        category: filter.category,
        status: filter.status,
      },
      { number: filter.page ?? 1, size: PAGE_SIZE },
    ),
    listInitiatives(db, user, { programId: program.id }),
    getKpiTree(db, user, { programId: program.id, initiativeId: null }),
  ])
  return {
    programs: programs.map((p) => ({ id: p.id, name: p.name })),
    program: { id: program.id, name: program.name },
    filter,
    initiatives: initiatives.map((i) => ({ id: i.id, name: i.name })),
    kpis: found.kpis.map((kpi) => ({
      id: kpi.id,
      key: kpi.key,
      name_en: kpi.name_en,
      name_zh_tw: kpi.name_zh_tw,
      kind: kpi.kind,
      category: kpi.category,
      unit: kpi.unit,
      initiative_name: kpi.initiative_name,
      status: kpi.status,
      latest: kpi.latest,
    })),
    total: found.total,
    page: found.page,
    pages: found.pages,
    tree,
    canCreate: can(user.role, 'kpi:edit') && can(user.role, 'initiative:edit-any'),
  }
}

export default function ProgramKpisPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const name = useKpiName()
  const { filter } = data
  const pageLink = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...filter, program: data.program?.id, page: String(page) }).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    )
    return `?${params}`
  }
  return (
    <>
      <PageHeader
        title={t('kpi.programView')}
        subtitle={t('kpi.programViewIntro')}
        actions={
          data.program ? (
            <>
              <Link className="button-secondary" to={`/kpis/import?program=${data.program.id}`}>
                {t('kpi.importCsv')}
              </Link>
              {data.canCreate ? (
                <Link className="button" to={`/kpis/new?program=${data.program.id}`}>
                  {t('kpi.new')}
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      <Form method="get" className="filters">
        <label>
          {t('kpi.program')}
          <select name="program" defaultValue={data.program?.id ?? ''}>
            {data.programs.map((program) => (
              <option key={program.id} value={program.id}>
                {program.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kpi.filterInitiative')}
          <select name="initiative" defaultValue={filter.initiative ?? ''}>
            <option value="">{t('common.all')}</option>
            <option value="program">{t('kpi.programLevel')}</option>
            {data.initiatives.map((initiative) => (
              <option key={initiative.id} value={initiative.id}>
                {initiative.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kpi.kind')}
          <select name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">{t('common.all')}</option>
            {KPI_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kpi.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kpi.category')}
          <select name="category" defaultValue={filter.category ?? ''}>
            <option value="">{t('common.all')}</option>
            {KPI_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`kpi.category.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kpi.status')}
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('common.all')}</option>
            {KPI_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`kpi.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('action.filter')}</button>
      </Form>
      <p>{t('kpi.count', { count: data.total })}</p>
      {data.kpis.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('kpi.name')}</th>
                <th scope="col">{t('kpi.initiative')}</th>
                <th scope="col">{t('kpi.kind')}</th>
                <th scope="col">{t('kpi.category')}</th>
                <th scope="col">{t('kpi.latest')}</th>
                <th scope="col">{t('kpi.period')}</th>
                <th scope="col">{t('kpi.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.kpis.map((kpi) => (
                <tr key={kpi.id}>
                  <td>
                    <Link to={`/kpis/${kpi.id}`}>{name(kpi)}</Link> <code>{kpi.key}</code>
                  </td>
                  <td>{kpi.initiative_name ?? t('kpi.programLevel')}</td>
                  <td>{t(`kpi.kind.${kpi.kind}`)}</td>
                  <td>{t(`kpi.category.${kpi.category}`)}</td>
                  <td>
                    <KpiValue value={kpi.latest?.value} unit={kpi.unit} />
                  </td>
                  <td>{kpi.latest ? format.date(kpi.latest.period_end) : '—'}</td>
                  <td>
                    <KpiStatusBadge status={kpi.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('kpi.noneMatch')}</EmptyState>
      )}
      {data.pages > 1 ? (
        <nav className="form-actions" aria-label={t('kpi.page', { page: data.page, pages: data.pages })}>
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t('kpi.previous')}</Link> : null}
          <span>{t('kpi.page', { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t('kpi.next')}</Link> : null}
        </nav>
      ) : null}
      <section className="card" aria-labelledby="program-tree">
        <h2 id="program-tree">{t('kpi.programTree')}</h2>
        {data.tree.length ? (
          <KpiTree nodes={data.tree} label={t('kpi.programTree')} />
        ) : (
          <EmptyState>{t('kpi.treeEmpty')}</EmptyState>
        )}
      </section>
    </>
  )
}
