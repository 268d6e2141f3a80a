import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { todayIn } from '~/utils/calendar'
import { pilotSellerIdsLedBy } from '../eet/pilot-reps.server'
import { reportingProgram } from './reporting-program.server'

// A frontline manager's team, from the roster: the user's roster row is the one with their email; its
// reps are those whose manager_id is that row's seller_id, and recursively the reps of those reps (a
// second-line manager leads the first-line managers and so sees their teams). Reps who left are not in
// the team, but the chain runs through them, so a departed manager's reps stay visible above.

/**
 * Who a user may see rep by rep: every rep (admins), the reps of their team (managers), the reps on the
 * pilots of the initiatives they lead (leads: the EET's members today), or none.
 */
export type RepScope = { all: true } | { all: false; sellerIds: readonly string[] }

export const NO_REPS: RepScope = { all: false, sellerIds: [] }

/** The seller_ids below a manager's roster row(s), recursively; empty when their email is not in the roster. */
export async function teamSellerIds(db: Executor, email: string): Promise<string[]> {
  // UNION (not UNION ALL) drops rows already found, so a cycle in manager_id ends the recursion.
  const result = await sql<{ seller_id: string }>`
    with recursive managers as (
      select seller_id from sellers where lower(email) = lower(${email})
    ), chain(seller_id) as (
      select s.seller_id from sellers s join managers m on s.manager_id = m.seller_id
      union
      select s.seller_id from sellers s join chain c on s.manager_id = c.seller_id
    )
    select c.seller_id from chain c join sellers s on s.seller_id = c.seller_id
    where (s.left_at is null or s.left_at > now())
      and c.seller_id not in (select seller_id from managers)
    order by c.seller_id`.execute(db)
  return result.rows.map((row) => row.seller_id)
}

export async function repScopeOf(db: Executor, user: AuthUser): Promise<RepScope> {
  if (user.role === 'admin') return { all: true }
  if (user.role === 'manager') return { all: false, sellerIds: await teamSellerIds(db, user.email) }
  if (user.role === 'lead')
    return {
      all: false,
      sellerIds: await pilotSellerIdsLedBy(db, user.id, todayIn((await reportingProgram(db)).timezone)),
    }
  return NO_REPS
}

export function inScope(scope: RepScope, sellerId: string) {
  return scope.all || scope.sellerIds.includes(sellerId)
}
