import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError, invalidQuery, requireApiKey } from '~/auth/api-key.server'
import { apiActor, hasScope } from '~/models/foundation/api-key.server'
import { LabelledQuerySchema } from '~/models/recommendations/labelled.schema'
import { decodeCursor, labelledPage } from '~/models/recommendations/labelled.server'
import { db } from '~/utils/db.server'

// GET /api/v1/recommendations/labelled?from&to&limit&cursor — decided recommendations with their
// outcomes and features, for retraining (docs/api.md). The first page records an export and its id.

export async function loader({ request }: LoaderFunctionArgs) {
  const key = await requireApiKey(request, 'metrics:read')
  const privacy = hasScope(key, 'metrics:reps') ? 'full' : 'suppressed'
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = LabelledQuerySchema.safeParse(params)
  if (!parsed.success) return invalidQuery(parsed.error)
  const cursor = parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null
  if (parsed.data.cursor && !cursor)
    return apiError(400, 'invalid_cursor', 'The cursor is not one this API gave.')
  const page = await labelledPage(
    db,
    apiActor(key),
    { from: parsed.data.from, to: parsed.data.to, limit: parsed.data.limit, cursor, apiKeyId: key.id },
    privacy,
  )
  if (!page) return apiError(400, 'invalid_cursor', 'The cursor belongs to another export or range.')
  return Response.json(page)
}
