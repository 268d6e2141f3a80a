import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { DataTable, type Column } from '~/components/data-table'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { EmptyState, PageHeader } from '~/components/page'
import { KpiStatusBadge, KpiTree, KpiValue, useKpiName } from '~/components/kpi/kpi-ui'
import { useFormat, useT } from '~/i18n/react'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { KPI_CATEGORIES, KPI_KINDS, KPI_LIST_SORTS, KpiFilterSchema } from '~/models/kpi/kpi.schema'
import { KPI_STATUSES } from '~/models/kpi/status'
import { getKpiTree, listProgramKpiPage } from '~/models/kpi/kpi.server'
import { listPrograms } from '~/models/foundation/program.server'
import styles from '~/styles/kpi.css?url'
import { db } from '~/utils/db.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { readListQuery } from '~/utils/list-query'
import type { Locale } from '~/i18n/locales'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const PAGE_SIZE = 100

const { page: _page, ...kpiFilters } = KpiFilterSchema.shape
const LIST = { sorts: KPI_LIST_SORTS, defaultSort: 'initiative', filters: kpiFilters } as const

type Row = Awaited<ReturnType<typeof listProgramKpiPage>>['kpis'][number]

function csvColumns(locale: Locale): CsvColumn<Row>[] {
  return [
    { header: 'kpi.name', value: (row) => (locale === 'zh-TW' ? row.name_zh_tw : row.name_en) },
    { header: 'kpi.key', value: (row) => row.key },
    { header: 'kpi.initiative', value: (row, t) => row.initiative_name ?? t('kpi.programLevel') },
    { header: 'kpi.kind', value: (row, t) => t(`kpi.kind.${row.kind}`) },
    { header: 'kpi.category', value: (row, t) => t(`kpi.category.${row.category}`) },
    { header: 'kpi.latest', value: (row) => row.latest?.value ?? '' },
    { header: 'kpi.unit', value: (row) => row.unit },
    { header: 'kpi.period', value: (row) => row.latest?.period_end ?? '' },
    { header: 'kpi.status', value: (row, t) => t(`kpi.status.${row.status}`) },
  ]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = readListQuery(request, LIST)
  const [programs, locale] = await Promise.all([listPrograms(db), getUserLocale(request)])
  const program = programs.find((p) => p.id === query.program) ?? programs[0]
  if (!program)
    return {
      programs: [],
      program: null,
      query,
      initiatives: [],
      kpis: [],
      total: 0,
      page: 1,
      pages: 1,
      tree: [],
      canCreate: false,
    }
  const filter = {
    initiativeId: query.initiative,
    kind: query.kind,
    category: query.category,
    status: query.status,
    q: query.q || undefined,
    sort: query.sort,
    dir: query.dir,
    locale,
  }
  if (query.csv) {
    const all = await listProgramKpiPage(db, user, program.id, filter, { number: 1, size: null })
    return listCsvResponse(request, 'kpis.csv', csvColumns(locale), all.kpis)
  }
  const [found, initiatives, tree] = await Promise.all([
    listProgramKpiPage(db, user, program.id, filter, { number: query.page, size: PAGE_SIZE }),
    listInitiatives(db, user, { programId: program.id }),
    getKpiTree(db, user, { programId: program.id, initiativeId: null }),
  ])
  return {
    programs: programs.map((p) => ({ id: p.id, name: p.name })),
    program: { id: program.id, name: program.name },
    query,
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

type ShownKpi = ReturnType<typeof useLoaderData<typeof loader>>['kpis'][number]

export default function ProgramKpisPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const name = useKpiName()
  const { query } = data
  const columns: Column<ShownKpi>[] = [
    {
      header: t('kpi.name'),
      sortKey: 'name',
      cell: (kpi) => (
        <>
          <Link to={`/kpis/${kpi.id}`}>{name(kpi)}</Link> <code>{kpi.key}</code>
        </>
      ),
    },
    {
      header: t('kpi.initiative'),
      sortKey: 'initiative',
      cell: (kpi) => kpi.initiative_name ?? t('kpi.programLevel'),
    },
    { header: t('kpi.kind'), sortKey: 'kind', cell: (kpi) => t(`kpi.kind.${kpi.kind}`) },
    { header: t('kpi.category'), sortKey: 'category', cell: (kpi) => t(`kpi.category.${kpi.category}`) },
    {
      header: t('kpi.latest'),
      sortKey: 'latest',
      cell: (kpi) => <KpiValue value={kpi.latest?.value} unit={kpi.unit} />,
    },
    {
      header: t('kpi.period'),
      sortKey: 'period',
      cell: (kpi) => (kpi.latest ? format.date(kpi.latest.period_end) : '—'),
    },
    { header: t('kpi.status'), sortKey: 'status', cell: (kpi) => <KpiStatusBadge status={kpi.status} /> },
  ]
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
      <ListFilters state={query}>
        <ListSearch value={query.q} />
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
          <select name="initiative" defaultValue={query.initiative ?? ''}>
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
          <select name="kind" defaultValue={query.kind ?? ''}>
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
          <select name="category" defaultValue={query.category ?? ''}>
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
          <select name="status" defaultValue={query.status ?? ''}>
            <option value="">{t('common.all')}</option>
            {KPI_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`kpi.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </ListFilters>
      {data.kpis.length ? (
        <DataTable
          columns={columns}
          rows={data.kpis}
          rowKey={(kpi) => kpi.id}
          caption={t('kpi.programView')}
          sort={query}
        />
      ) : (
        <EmptyState>{t('kpi.noneMatch')}</EmptyState>
      )}
      <ListFooter page={data.page} pages={data.pages} total={data.total} />
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
