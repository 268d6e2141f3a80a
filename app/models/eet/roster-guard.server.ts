import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { forbidden } from '~/utils/http.server'

/** The roster is read by whoever manages it (admins) or chooses EETs from it (leads). */
export async function requireRosterReader(request: Request) {
  const user = await requireUser(request)
  if (!can(user.role, 'roster:manage') && !can(user.role, 'eet:manage')) forbidden()
  return user
}
