import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { containsPattern } from '~/utils/list-query'
import { SEARCH_LIMIT, type SearchHit } from '~/utils/search-hit'
import { kpiVisibleTo } from './kpi.server'

/** KPIs the user may see whose name (in either language) or key contains the term. */
export async function searchKpis(
  db: Executor,
  user: AuthUser,
  term: string,
  locale: 'en' | 'zh-TW',
): Promise<SearchHit[]> {
  const pattern = containsPattern(term)
  const rows = await db
    .selectFrom('kpis')
    .leftJoin('initiatives', 'initiatives.id', 'kpis.initiative_id')
    .select(['kpis.id', 'kpis.key', 'kpis.name_en', 'kpis.name_zh_tw', 'initiatives.name as initiative_name'])
    .where(kpiVisibleTo(user))
    .where('kpis.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('kpis.name_en', 'ilike', pattern),
        eb('kpis.name_zh_tw', 'ilike', pattern),
        eb('kpis.key', 'ilike', pattern),
      ]),
    )
    .orderBy('kpis.name_en')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'kpi',
    id: row.id,
    title: locale === 'zh-TW' ? row.name_zh_tw : row.name_en,
    context: row.initiative_name,
    href: `/kpis/${row.id}`,
  }))
}
