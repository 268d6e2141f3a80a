import type { Executor } from '~/utils/db.server'
import type { Role } from '~/utils/db.types'
import { audit, type Actor } from '../foundation/audit.server'
import { writeSellerRow } from '../foundation/seller.server'
import { syncSellerLink } from './eet.server'

// A portal user created by single sign-on meets the sales-force roster by email. The rule is the roster
// page's: only an EET member's account is linked to a rep's row (sellers.user_id), and only a row no
// other account holds; a manager's team is found by email already (app/models/foundation/team.server.ts).

/** The current roster row with this email (case-insensitive), if there is exactly one. */
export async function rosterRowByEmail(db: Executor, email: string) {
  const rows = await db
    .selectFrom('sellers')
    .select(['id', 'seller_id', 'name', 'user_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('left_at', 'is', null)
    .limit(2)
    .execute()
  return rows.length === 1 ? rows[0]! : undefined
}

/** Links a new EET member's account to their roster row (and so to the EETs the rep is in), audited. */
export async function linkNewUserToRoster(
  trx: Executor,
  actor: Actor,
  user: { id: string; email: string; role: Role },
) {
  const row = await rosterRowByEmail(trx, user.email)
  if (!row || row.user_id || user.role !== 'eet_member')
    return row ? { sellerId: row.seller_id, linked: false } : null
  await writeSellerRow(trx, row.id, { user_id: user.id })
  await syncSellerLink(trx, row.id, [user.id])
  await audit(trx, {
    actor,
    action: 'seller.update',
    entityType: 'seller',
    entityId: row.id,
    before: { user_id: null },
    after: { user_id: user.id },
  })
  return { sellerId: row.seller_id, linked: true }
}
