import type { LoaderFunctionArgs } from '@remix-run/node'
import { invalidQuery, requireApiKey } from '~/auth/api-key.server'
import { hasScope } from '~/models/foundation/api-key.server'
import { AdoptionQuerySchema } from '~/models/recommendations/metrics.schema'
import { recommendationAdoption } from '~/models/recommendations/adoption.server'
import { guardAdoption } from '~/models/recommendations/privacy.server'
import { db } from '~/utils/db.server'

// GET /api/v1/metrics/adoption?from&to&group_by — adoption of the tool by eligible reps (docs/api.md).

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, 'metrics:read')
  const privacy = hasScope(key, 'metrics:reps') ? 'full' : 'suppressed'
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = AdoptionQuerySchema.safeParse({ ...params, group_by: params.group_by || undefined })
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(guardAdoption(await recommendationAdoption(db, parsed.data), privacy))
}
