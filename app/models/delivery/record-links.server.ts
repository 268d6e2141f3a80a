import type { Executor } from '~/utils/db.server'

// The initiative each sprint or backlog item belongs to, for links to their pages (the audit log).

export async function initiativesOfDeliveryRecords(
  db: Executor,
  ids: { sprints: readonly string[]; backlogItems: readonly string[] },
) {
  const [sprints, items] = await Promise.all([
    ids.sprints.length
      ? db.selectFrom('sprints').select(['id', 'initiative_id']).where('id', 'in', ids.sprints).execute()
      : [],
    ids.backlogItems.length
      ? db
          .selectFrom('backlog_items')
          .select(['id', 'initiative_id'])
          .where('id', 'in', ids.backlogItems)
          .execute()
      : [],
  ])
  return {
    sprints: new Map(sprints.map((row) => [row.id, row.initiative_id])),
    backlogItems: new Map(items.map((row) => [row.id, row.initiative_id])),
  }
}
