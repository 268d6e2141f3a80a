import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '~/auth/session.server'
import { EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { listAuditEntityTypes, listAuditEntries } from '~/models/foundation/audit.server'
import { db } from '~/utils/db.server'

const PAGE_SIZE = 50
const FilterSchema = z.object({
  type: z.string().max(64).optional().catch(undefined),
  actor: z.string().max(254).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:read')
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [entries, entityTypes] = await Promise.all([
    listAuditEntries(db, {
      entityType: filter.type || undefined,
      actorEmail: filter.actor || undefined,
      before: filter.before,
      limit: PAGE_SIZE,
    }),
    listAuditEntityTypes(db),
  ])
  return { entries, entityTypes, filter }
}

function summarize(value: unknown) {
  if (value === null || value === undefined) return '—'
  const text = JSON.stringify(value)
  return text.length > 240 ? `${text.slice(0, 240)}…` : text
}

export default function AuditPage() {
  const { entries, entityTypes, filter } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const last = entries.at(-1)
  const olderSearch = new URLSearchParams({
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(last ? { before: String(last.id) } : {}),
  })
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Form method="get" className="filters">
        <label>
          {t('audit.entityType')}
          <select name="type" defaultValue={filter.type ?? ''}>
            <option value="">{t('common.all')}</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.actorFilter')}
          <input name="actor" defaultValue={filter.actor ?? ''} />
        </label>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </Form>
      <Form method="get" action="/admin/audit/export" reloadDocument className="filters">
        <fieldset>
          <legend>{t('audit.exportHeading')}</legend>
          <label>
            {t('audit.exportFrom')}
            <input type="date" name="from" required />
          </label>
          <label>
            {t('audit.exportTo')}
            <input type="date" name="to" required />
          </label>
          <button type="submit" className="button-secondary">
            {t('audit.export')}
          </button>
        </fieldset>
      </Form>
      {entries.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.dateTime(entry.at)}</td>
                  <td>{entry.actor_label}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entity_type}
                    {entry.entity_id ? <span className="muted"> {entry.entity_id.slice(0, 8)}</span> : null}
                  </td>
                  <td className="audit-change">
                    <code>{summarize(entry.before)}</code> → <code>{summarize(entry.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('audit.none')}</EmptyState>
      )}
      {entries.length === PAGE_SIZE ? (
        <p>
          <Link to={`?${olderSearch}`}>{t('audit.older')} →</Link>
        </p>
      ) : null}
    </>
  )
}
