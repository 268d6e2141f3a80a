import type { Executor } from '~/utils/db.server'
import { addDays, todayIn } from '~/utils/calendar'
import { FunnelQuerySchema, type FunnelGroup } from './metrics.schema'
import { reportingProgram } from '../foundation/reporting-program.server'

// The analytics pages' shared range: from/to/group_by in the URL (a GET form), defaulting to the last
// 90 days up to and including today in the reporting zone.

export async function pageRange(db: Executor, request: Request, defaultGroup: FunnelGroup | null = null) {
  const { timezone } = await reportingProgram(db)
  const to = addDays(todayIn(timezone), 1)
  const fallback = { from: addDays(to, -90), to, group_by: defaultGroup ?? undefined }
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const asked = Object.keys(params).some((name) => ['from', 'to', 'group_by'].includes(name))
  const parsed = FunnelQuerySchema.safeParse({
    from: params.from || fallback.from,
    to: params.to || fallback.to,
    group_by: params.group_by || fallback.group_by,
  })
  return {
    timezone,
    range: parsed.success ? parsed.data : fallback,
    invalid: asked && !parsed.success,
  }
}

/** Roster names for seller ids shown as group keys (managers, reps); ids without an entry stay ids. */
export async function sellerNames(db: Executor, ids: readonly string[]) {
  if (!ids.length) return {}
  const rows = await db
    .selectFrom('sellers')
    .select(['seller_id', 'name'])
    .where('seller_id', 'in', [...ids])
    .execute()
  return Object.fromEntries(rows.map((row) => [row.seller_id, row.name])) as Record<string, string>
}
