import { z } from 'zod'
import type { AuthUser } from '~/auth/session.server'
import { db } from '~/utils/db.server'
import { forbidden, notFound } from '~/utils/http.server'
import { getKpi } from './kpi.server'

/** The KPI if this user may see it; 404 otherwise (we do not reveal that it exists). */
export async function requireKpi(user: AuthUser, id: string | undefined) {
  const kpi = z.uuid().safeParse(id).success ? await getKpi(db, user, id!) : null
  if (!kpi) notFound()
  return kpi
}

/** The KPI if this user may edit and measure it: 404 when invisible, 403 when read-only. */
export async function requireEditableKpi(user: AuthUser, id: string | undefined) {
  const kpi = await requireKpi(user, id)
  if (!kpi.can_edit) forbidden()
  return kpi
}
