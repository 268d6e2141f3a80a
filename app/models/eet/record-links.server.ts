import type { Executor } from '~/utils/db.server'

/** The initiative of each piece of pilot feedback, for links to its page (the audit log). */
export async function initiativesOfFeedback(db: Executor, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await db
    .selectFrom('pilot_feedback')
    .select(['id', 'initiative_id'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((row) => [row.id, row.initiative_id]))
}
