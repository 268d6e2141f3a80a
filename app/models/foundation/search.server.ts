import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import type { Executor } from '~/utils/db.server'
import { containsPattern } from '~/utils/list-query'
import { SEARCH_LIMIT, type SearchHit } from '~/utils/search-hit'
import { initiativeVisibleTo } from './access.server'

// The foundation's part of the global search: initiatives the user may see, programs (everyone signed
// in reads them), people (only for who manages users: their page is the admin's) and reps of the roster
// (for who reads the roster). Case-insensitive substring match (docs/decisions/017-search-by-substring.md).

export async function searchInitiatives(db: Executor, user: AuthUser, term: string): Promise<SearchHit[]> {
  const pattern = containsPattern(term)
  const rows = await db
    .selectFrom('initiatives')
    .innerJoin('programs', 'programs.id', 'initiatives.program_id')
    .select(['initiatives.id', 'initiatives.name', 'programs.name as program_name'])
    .where(initiativeVisibleTo(user))
    .where((eb) =>
      eb.or([eb('initiatives.name', 'ilike', pattern), eb('initiatives.objective', 'ilike', pattern)]),
    )
    .orderBy('initiatives.archived_at', (ob) => ob.asc().nullsFirst())
    .orderBy('initiatives.name')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'initiative',
    id: row.id,
    title: row.name,
    context: row.program_name,
    href: `/initiatives/${row.id}`,
  }))
}

export async function searchPrograms(db: Executor, term: string): Promise<SearchHit[]> {
  const rows = await db
    .selectFrom('programs')
    .select(['id', 'name'])
    .where('name', 'ilike', containsPattern(term))
    .orderBy('name')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'program',
    id: row.id,
    title: row.name,
    context: null,
    href: `/programs/${row.id}`,
  }))
}

export async function searchUsers(db: Executor, user: AuthUser, term: string): Promise<SearchHit[]> {
  if (!can(user.role, 'user:manage')) return []
  const pattern = containsPattern(term)
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]))
    .orderBy('name')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'user',
    id: row.id,
    title: row.name,
    context: row.email,
    href: `/admin/users/${row.id}`,
  }))
}

/** Reps of the sales roster: admins open a rep's page, EET leads the roster filtered to the rep. */
export async function searchSellers(db: Executor, user: AuthUser, term: string): Promise<SearchHit[]> {
  const manages = can(user.role, 'roster:manage')
  if (!manages && !can(user.role, 'eet:manage')) return []
  const pattern = containsPattern(term)
  const rows = await db
    .selectFrom('sellers')
    .select(['id', 'seller_id', 'name', 'team'])
    .where((eb) => eb.or([eb('name', 'ilike', pattern), eb('seller_id', 'ilike', pattern)]))
    .orderBy('left_at', (ob) => ob.asc().nullsFirst())
    .orderBy('name')
    .limit(SEARCH_LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'seller',
    id: row.id,
    title: row.name,
    context: `${row.seller_id} · ${row.team}`,
    href: manages ? `/roster/${row.id}` : `/roster?q=${encodeURIComponent(row.seller_id)}&left=include`,
  }))
}
