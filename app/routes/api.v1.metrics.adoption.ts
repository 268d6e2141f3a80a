import type { LoaderFunctionArgs } from '@remix-run/node'
import { invalidQuery, requireApiKey } from '~/auth/api-key.server'
import { AdoptionQuerySchema } from '~/models/recommendations/metrics.schema'
import { recommendationAdoption } from '~/models/recommendations/adoption.server'
import { db } from '~/utils/db.server'

// GET /api/v1/metrics/adoption?from&to&group_by — adoption of the tool by eligible reps (docs/api.md).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiKey(request, 'metrics:read')
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = AdoptionQuerySchema.safeParse({ ...params, group_by: params.group_by || undefined })
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await recommendationAdoption(db, parsed.data))
}
