import type { Executor } from '~/utils/db.server'

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

export type AuditFilter = {
  entityType?: string
  actorEmail?: string
  action?: string
  before?: number
  limit?: number
}

export async function listAuditEntries(db: Executor, filter: AuditFilter = {}) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_label', 'action', 'entity_type', 'entity_id', 'before', 'after'])
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 50)
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType)
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`)
  if (filter.actorEmail) query = query.where('actor_label', 'ilike', `%${filter.actorEmail}%`)
  if (filter.before) query = query.where('id', '<', filter.before)
  return query.execute()
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
