import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { db } from '~/utils/db.server'
import { forbidden } from '~/utils/http.server'
import { todayIn } from '~/utils/calendar'

// Everyone who can see an initiative reads its delivery; the lead of the initiative and admins manage it.

export function canManageDelivery(user: AuthUser, initiative: { can_edit: boolean }) {
  return can(user.role, 'delivery:manage') && initiative.can_edit
}

export async function requireDeliveryInitiative(user: AuthUser, id: string | undefined) {
  const initiative = await requireInitiative(user, id)
  return { ...initiative, canManage: canManageDelivery(user, initiative) }
}

export async function requireDeliveryManager(user: AuthUser, id: string | undefined) {
  const initiative = await requireDeliveryInitiative(user, id)
  if (!initiative.canManage) forbidden()
  return initiative
}

/** Today in the program's reporting time zone: the day logged time and sprint events count on. */
export async function programToday(programId: string) {
  const row = await db
    .selectFrom('programs')
    .select(sql<string>`reporting_timezone`.as('tz'))
    .where('id', '=', programId)
    .executeTakeFirst()
  return todayIn(row?.tz ?? 'UTC')
}
