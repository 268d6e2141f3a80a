import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { containsPattern, pagesFor } from '~/utils/list-query'

export type Actor = { id: string | null; label: string }

export type AuditEntry = {
  actor: Actor
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
}

/** Writes one audit row. Call it with the transaction that makes the change, so both commit or neither. */
export async function audit(trx: Executor, entry: AuditEntry) {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}

export function actorOf(user: { id: string; email: string }): Actor {
  return { id: user.id, label: user.email }
}

export const AUDIT_SORTS = ['at', 'actor', 'action', 'type'] as const
export type AuditSort = (typeof AUDIT_SORTS)[number]

export type AuditFilter = {
  entityType?: string
  /** Part of the actor's label (their email), case-insensitive. */
  actorEmail?: string
  action?: string
  /** Calendar days (YYYY-MM-DD, UTC), both inclusive. */
  from?: string
  to?: string
  sort?: AuditSort
  dir?: 'asc' | 'desc'
  page?: number
  /** Rows per page; `null` returns every row the filters keep (the CSV export). */
  pageSize?: number | null
}

const AUDIT_SORT_COLUMNS = {
  at: 'at',
  actor: 'actor_label',
  action: 'action',
  type: 'entity_type',
} as const

/** The audit log, filtered, sorted and paged in SQL (it grows with every change the portal records). */
export async function listAuditEntries(db: Executor, filter: AuditFilter = {}) {
  let query = db.selectFrom('audit_log')
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType)
  if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[\\%_]/g, '\\$&')}%`)
  if (filter.actorEmail) query = query.where('actor_label', 'ilike', containsPattern(filter.actorEmail))
  if (filter.from) query = query.where('at', '>=', new Date(`${filter.from}T00:00:00Z`))
  if (filter.to) query = query.where('at', '<', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000))
  const dir = filter.dir ?? 'desc'
  const pageSize = filter.pageSize === undefined ? 50 : filter.pageSize
  const page = filter.page ?? 1
  let rows = query
    .select(['id', 'at', 'actor_label', 'action', 'entity_type', 'entity_id', 'before', 'after'])
    .orderBy(AUDIT_SORT_COLUMNS[filter.sort ?? 'at'], dir)
    .orderBy('id', dir)
  if (pageSize !== null) rows = rows.limit(pageSize).offset((page - 1) * pageSize)
  const [entries, count] = await Promise.all([
    rows.execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ])
  const total = Number(count?.n ?? 0)
  return { entries, total, page, pages: pageSize ? pagesFor(total, pageSize) : 1 }
}

export async function listAuditEntityTypes(db: Executor) {
  const rows = await db
    .selectFrom('audit_log')
    .select('entity_type')
    .distinct()
    .orderBy('entity_type')
    .execute()
  return rows.map((row) => row.entity_type)
}

/**
 * The `before` of the latest of `actions` on an entity whose `after` names `subject` (e.g. the sprint
 * item a change was about): what an undo restores.
 */
export async function latestAuditBefore(
  db: Executor,
  entry: { entityType: string; entityId: string; actions: readonly string[]; subject: [string, string] },
) {
  const [key, value] = entry.subject
  const row = await db
    .selectFrom('audit_log')
    .select('before')
    .where('entity_type', '=', entry.entityType)
    .where('entity_id', '=', entry.entityId)
    .where('action', 'in', [...entry.actions])
    .where(sql<string>`after->>${key}`, '=', value)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return (row?.before ?? null) as unknown
}

export function listEntityHistory(db: Executor, entityType: string, entityId: string, limit = 10) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_label', 'action'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The audit log's last id: changes whenever anyone changes anything through the models. */
export async function lastAuditId(db: Executor) {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}
