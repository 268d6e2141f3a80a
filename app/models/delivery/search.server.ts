import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { containsPattern } from '~/utils/list-query'
import { SEARCH_LIMIT, type SearchHit } from '~/utils/search-hit'
import { initiativeVisibleTo } from '../foundation/access.server'

/** Backlog items of initiatives the user may see; they open on the initiative's sprints page. */
export async function searchBacklog(db: Executor, user: AuthUser, term: string): Promise<SearchHit[]> {
  const rows = await db
    .selectFrom('backlog_items as b')
    .innerJoin('initiatives', 'initiatives.id', 'b.initiative_id')
    .select(['b.id', 'b.title', 'b.initiative_id', 'initiatives.name as initiative_name'])
    .where(initiativeVisibleTo(user))
    .where('b.title', 'ilike', containsPattern(term))
    .orderBy('b.created_at', 'desc')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'backlog',
    id: row.id,
    title: row.title,
    context: row.initiative_name,
    href: `/initiatives/${row.initiative_id}/sprints`,
  }))
}
