import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { InitiativeTable } from '~/components/foundation/initiative-table'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { STAGES } from '~/models/foundation/initiative.schema'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { listPrograms } from '~/models/foundation/program.server'
import { db } from '~/utils/db.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { applyListQuery, readListQuery } from '~/utils/list-query'

type Row = Awaited<ReturnType<typeof listInitiatives>>[number]

const LIST = {
  sorts: ['name', 'program', 'stage', 'status', 'lead', 'sponsor', 'target'],
  defaultSort: 'program',
  filters: {
    program: z.uuid().optional().catch(undefined),
    stage: z.enum(STAGES).optional().catch(undefined),
    archived: z.literal('on').optional().catch(undefined),
    mine: z.literal('on').optional().catch(undefined),
  },
} as const

const CSV: CsvColumn<Row>[] = [
  { header: 'initiative.name', value: (row) => row.name },
  { header: 'initiative.program', value: (row) => row.program_name },
  { header: 'initiative.stage', value: (row, t) => t(`stage.${row.stage}`) },
  { header: 'initiative.status', value: (row, t) => t(`status.${row.status}`) },
  { header: 'initiative.lead', value: (row) => row.lead_name },
  { header: 'initiative.sponsor', value: (row) => row.sponsor_name },
  { header: 'initiative.targetDate', value: (row) => row.target_date },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = readListQuery(request, LIST)
  const [initiatives, programs] = await Promise.all([
    listInitiatives(db, user, {
      programId: query.program,
      stage: query.stage,
      includeArchived: query.archived === 'on',
      mine: query.mine === 'on',
    }),
    listPrograms(db),
  ])
  // A few hundred initiatives at most: sorted and paged in memory, after the rights filter in SQL.
  const list = applyListQuery(initiatives, query, {
    text: (row) => [row.name, row.program_name, row.lead_name, row.sponsor_name],
    by: {
      name: (row) => row.name,
      program: (row) => `${row.program_name}\u0000${row.name}`,
      stage: (row) => STAGES.indexOf(row.stage),
      status: (row) => row.status,
      lead: (row) => row.lead_name,
      sponsor: (row) => row.sponsor_name,
      target: (row) => row.target_date,
    },
  })
  if (query.csv) return listCsvResponse(request, 'initiatives.csv', CSV, list.rows)
  return {
    list,
    programs: programs.map((p) => ({ id: p.id, name: p.name })),
    query,
    canCreate: can(user.role, 'initiative:create'),
  }
}

export default function InitiativesPage() {
  const { list, programs, query, canCreate } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader
        title={t('initiative.list.title')}
        subtitle={t('initiative.list.subtitle')}
        actions={
          canCreate ? (
            <Link className="button" to="/initiatives/new">
              {t('initiative.new')}
            </Link>
          ) : null
        }
      />
      <ListFilters state={query}>
        <ListSearch value={query.q} />
        <label>
          {t('initiative.program')}
          <select name="program" defaultValue={query.program ?? ''}>
            <option value="">{t('common.all')}</option>
            {programs.map((program) => (
              <option key={program.id} value={program.id}>
                {program.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('initiative.stage')}
          <select name="stage" defaultValue={query.stage ?? ''}>
            <option value="">{t('common.all')}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stage.${stage}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="mine" defaultChecked={query.mine === 'on'} />
          {t('initiative.mine')}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="archived" defaultChecked={query.archived === 'on'} />
          {t('common.showArchived')}
        </label>
      </ListFilters>
      <InitiativeTable initiatives={list.rows} emptyText={t('initiative.none')} sort={query} />
      <ListFooter page={list.page} pages={list.pages} total={list.total} />
    </>
  )
}
