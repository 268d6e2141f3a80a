import { sql, type ExpressionBuilder } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import type { DB } from '~/utils/db.types'

// Rights in the query: which initiatives a user may see, edit and decide on, as Kysely expressions that
// every model adds to its WHERE clause. Admins, sponsors and viewers read all; a lead reads the initiatives
// they lead or work on; an EET member only those they pilot.

type InitiativeScope = ExpressionBuilder<DB, 'initiatives'>

export function initiativeVisibleTo(user: AuthUser) {
  return (eb: InitiativeScope) => {
    if (can(user.role, 'initiative:read-all') || can(user.role, 'initiative:edit-any'))
      return sql<boolean>`true`
    const member = eb
      .selectFrom('initiative_members as m')
      .select('m.initiative_id')
      .whereRef('m.initiative_id', '=', 'initiatives.id')
      .where('m.user_id', '=', user.id)
    if (user.role === 'lead') {
      return eb.or([
        eb('initiatives.lead_id', '=', user.id),
        eb('initiatives.sponsor_id', '=', user.id),
        eb.exists(member),
      ])
    }
    return eb.exists(member.where('m.kind', '=', 'eet'))
  }
}

export function initiativeEditableBy(user: AuthUser) {
  return (eb: InitiativeScope) => {
    if (can(user.role, 'initiative:edit-any')) return sql<boolean>`true`
    if (can(user.role, 'initiative:edit-own')) return eb('initiatives.lead_id', '=', user.id)
    return sql<boolean>`false`
  }
}

/**
 * Initiatives whose submitted business cases and requested stage gates wait for this user's decision:
 * every one for an admin, those they sponsor for anyone else who may decide, none otherwise.
 */
export function initiativeDecidableBy(user: AuthUser) {
  return (eb: InitiativeScope) => {
    if (!can(user.role, 'business-case:decide') && !can(user.role, 'gate:decide')) return sql<boolean>`false`
    if (user.role === 'admin') return sql<boolean>`true`
    return eb('initiatives.sponsor_id', '=', user.id)
  }
}
