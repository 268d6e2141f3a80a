import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'

// The audit export: every audit row whose time falls in [from, to), days in the reporting zone, oldest
// first. Capped so that one request cannot stream an unbounded table.

export const AUDIT_EXPORT_MAX_ROWS = 100_000

export async function auditEntriesBetween(
  db: Executor,
  range: { from: string; to: string },
  timezone: string,
) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'actor_label', 'action', 'entity_type', 'entity_id', 'before', 'after'])
    .where('at', '>=', sql<Date>`(${range.from}::date::timestamp at time zone ${timezone})`)
    .where('at', '<', sql<Date>`(${range.to}::date::timestamp at time zone ${timezone})`)
    .orderBy('id')
    .limit(AUDIT_EXPORT_MAX_ROWS)
    .execute()
}
