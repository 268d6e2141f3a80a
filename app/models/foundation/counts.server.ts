import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'

/** How many users, programs and initiatives are active (the admin's home page), in one query. */
export function countActive(db: Executor) {
  return db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('users')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('disabled_at', 'is', null)
        .as('users'),
      eb
        .selectFrom('programs')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('archived_at', 'is', null)
        .as('programs'),
      eb
        .selectFrom('initiatives')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('archived_at', 'is', null)
        .as('initiatives'),
    ])
    .executeTakeFirstOrThrow()
}
