import { z } from 'zod'
import type { AuthUser } from '~/auth/session.server'
import { db } from '~/utils/db.server'
import { forbidden, notFound } from '~/utils/http.server'
import { getInitiative } from './initiative.server'

/** The initiative if this user may see it; 404 otherwise (we do not reveal that it exists). */
export async function requireInitiative(user: AuthUser, id: string | undefined) {
  const initiative = z.uuid().safeParse(id).success ? await getInitiative(db, user, id!) : null
  if (!initiative) notFound()
  return initiative
}

/** The initiative if this user may edit it: 404 when invisible, 403 when visible but read-only. */
export async function requireEditableInitiative(user: AuthUser, id: string | undefined) {
  const initiative = await requireInitiative(user, id)
  if (!initiative.can_edit) forbidden()
  return initiative
}
