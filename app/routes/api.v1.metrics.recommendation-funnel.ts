import type { LoaderFunctionArgs } from '@remix-run/node'
import { invalidQuery, requireApiKey } from '~/auth/api-key.server'
import { hasScope } from '~/models/foundation/api-key.server'
import { FunnelQuerySchema } from '~/models/recommendations/metrics.schema'
import { recommendationFunnel } from '~/models/recommendations/funnel.server'
import { guardFunnel } from '~/models/recommendations/privacy.server'
import { db } from '~/utils/db.server'

// GET /api/v1/metrics/recommendation-funnel?from&to&group_by — the conversion funnel (docs/api.md).

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, 'metrics:read')
  const privacy = hasScope(key, 'metrics:reps') ? 'full' : 'suppressed'
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = FunnelQuerySchema.safeParse({ ...params, group_by: params.group_by || undefined })
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await guardFunnel(db, await recommendationFunnel(db, parsed.data), privacy))
}
