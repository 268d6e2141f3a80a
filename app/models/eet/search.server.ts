import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { containsPattern } from '~/utils/list-query'
import { SEARCH_LIMIT, type SearchHit } from '~/utils/search-hit'
import { initiativeVisibleTo } from '../foundation/access.server'
import { feedbackLink } from './feedback.server'

/** Pilot feedback of initiatives the user may see (who sees an initiative reads its feedback). */
export async function searchFeedback(db: Executor, user: AuthUser, term: string): Promise<SearchHit[]> {
  const pattern = containsPattern(term)
  const rows = await db
    .selectFrom('pilot_feedback as f')
    .innerJoin('initiatives', 'initiatives.id', 'f.initiative_id')
    .select(['f.id', 'f.title', 'f.initiative_id', 'initiatives.name as initiative_name'])
    .where(initiativeVisibleTo(user))
    .where((eb) => eb.or([eb('f.title', 'ilike', pattern), eb('f.body', 'ilike', pattern)]))
    .orderBy('f.created_at', 'desc')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'feedback',
    id: row.id,
    title: row.title,
    context: row.initiative_name,
    href: feedbackLink(row.initiative_id, row.id),
  }))
}
