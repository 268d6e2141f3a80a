import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '~/auth/session.server'
import { AuditChange, AuditRecord, useAuditLabels } from '~/components/foundation/audit-change'
import { ListFilters, ListFooter } from '~/components/list-controls'
import { EmptyState, PageHeader } from '~/components/page'
import { SortableTh } from '~/components/sortable-th'
import { useFormat, useT } from '~/i18n/react'
import { initiativesOfDeliveryRecords } from '~/models/delivery/record-links.server'
import { initiativesOfFeedback } from '~/models/eet/record-links.server'
import { AUDIT_SORTS, listAuditEntityTypes, listAuditEntries } from '~/models/foundation/audit.server'
import { db } from '~/utils/db.server'
import { listCsvResponse } from '~/utils/list-csv.server'
import { readListQuery } from '~/utils/list-query'

const day = z.iso.date().optional().catch(undefined)
const LIST = {
  sorts: AUDIT_SORTS,
  defaultSort: 'at',
  defaultDir: 'desc',
  filters: {
    type: z.string().max(64).optional().catch(undefined),
    actor: z.string().max(254).optional().catch(undefined),
    from: day,
    to: day,
  },
} as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Entry = Awaited<ReturnType<typeof listAuditEntries>>['entries'][number]

/** Each audit row's record page, when the record has one (sprints, feedback and backlog via their initiative). */
async function recordLinks(entries: Entry[]) {
  const idsOf = (type: string) =>
    entries.flatMap((e) =>
      e.entity_type === type && e.entity_id && UUID.test(e.entity_id) ? [e.entity_id] : [],
    )
  const [delivery, feedback] = await Promise.all([
    initiativesOfDeliveryRecords(db, { sprints: idsOf('sprint'), backlogItems: idsOf('backlog_item') }),
    initiativesOfFeedback(db, idsOf('pilot_feedback')),
  ])
  const hrefOf = (entry: Entry): string | null => {
    const id = entry.entity_id
    switch (entry.entity_type) {
      case 'initiative':
        return id ? `/initiatives/${id}` : null
      case 'program':
        return id ? `/programs/${id}` : null
      case 'kpi':
        return id ? `/kpis/${id}` : null
      case 'user':
        return id ? `/admin/users/${id}` : null
      case 'seller':
        return id ? `/roster/${id}` : null
      case 'api_key':
        return '/admin/api-keys'
      case 'roster':
        return '/roster'
      case 'governance_review':
        return '/governance'
      case 'recommendation_events':
        return '/recommendations'
      case 'sprint': {
        const initiative = id && delivery.sprints.get(id)
        return initiative ? `/initiatives/${initiative}/sprints/${id}` : null
      }
      case 'backlog_item': {
        const initiative = id && delivery.backlogItems.get(id)
        return initiative ? `/initiatives/${initiative}/sprints` : null
      }
      case 'pilot_feedback': {
        const initiative = id && feedback.get(id)
        return initiative ? `/initiatives/${initiative}/feedback/${id}` : null
      }
      default:
        return null
    }
  }
  return entries.map((entry) => ({ ...entry, href: hrefOf(entry) }))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:read')
  const query = readListQuery(request, LIST)
  const filter = {
    entityType: query.type,
    actorEmail: query.actor,
    from: query.from,
    to: query.to,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
  }
  if (query.csv) {
    const { entries } = await listAuditEntries(db, { ...filter, pageSize: null })
    return listCsvResponse(
      request,
      'audit-log.csv',
      [
        { header: 'audit.at', value: (row) => row.at },
        { header: 'audit.actor', value: (row) => row.actor_label },
        { header: 'audit.action', value: (row) => row.action },
        { header: 'audit.entityType', value: (row) => row.entity_type },
        { header: 'audit.entity', value: (row) => row.entity_id },
        { header: 'audit.change', value: (row) => JSON.stringify({ before: row.before, after: row.after }) },
      ],
      entries,
    )
  }
  const [list, entityTypes] = await Promise.all([listAuditEntries(db, filter), listAuditEntityTypes(db)])
  return { ...list, entries: await recordLinks(list.entries), entityTypes, query }
}

export default function AuditPage() {
  const { entries, total, page, pages, entityTypes, query } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const labels = useAuditLabels()
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <ListFilters state={query}>
        <label>
          {t('audit.entityType')}
          <select name="type" defaultValue={query.type ?? ''}>
            <option value="">{t('common.all')}</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>
                {labels.type(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.actorFilter')}
          <input type="search" name="actor" defaultValue={query.actor ?? ''} />
        </label>
        <label>
          {t('audit.from')}
          <input type="date" name="from" defaultValue={query.from ?? ''} />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" name="to" defaultValue={query.to ?? ''} />
        </label>
      </ListFilters>
      {entries.length ? (
        <div className="table-wrap" role="region" aria-label={t('audit.title')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <SortableTh sortKey="at" sort={query}>
                  {t('audit.at')}
                </SortableTh>
                <SortableTh sortKey="actor" sort={query}>
                  {t('audit.actor')}
                </SortableTh>
                <SortableTh sortKey="action" sort={query}>
                  {t('audit.action')}
                </SortableTh>
                <SortableTh sortKey="type" sort={query}>
                  {t('audit.entity')}
                </SortableTh>
                <th scope="col">{t('audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.dateTime(entry.at)}</td>
                  <td>{entry.actor_label}</td>
                  <td>{labels.action(entry.action)}</td>
                  <td>
                    <AuditRecord type={entry.entity_type} href={entry.href} />
                  </td>
                  <td>
                    <AuditChange before={entry.before} after={entry.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('audit.none')}</EmptyState>
      )}
      <ListFooter page={page} pages={pages} total={total} />
    </>
  )
}
