import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, requireApiKey } from '~/auth/api-key.server'
import { apiActor } from '~/models/foundation/api-key.server'
import { TrainingReportSchema } from '~/models/recommendations/labelled.schema'
import { reportTraining } from '~/models/recommendations/labelled.server'
import { db } from '~/utils/db.server'

// POST /api/v1/recommendations/labelled/trainings — the tool reports which model version it trained on
// which labelled export (docs/api.md). Scope events:write: the tool's own key.

export async function action({ request }: ActionFunctionArgs) {
  const key = await requireApiKey(request, 'events:write')
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', { Allow: 'POST' })
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return apiError(400, 'invalid_json', 'The body is not JSON.')
  }
  const parsed = TrainingReportSchema.safeParse(body)
  if (!parsed.success)
    return apiError(400, 'invalid_body', 'Send { "model_version": "…", "export_id": "<uuid>" }.')
  const result = await reportTraining(db, apiActor(key), { ...parsed.data, apiKeyId: key.id })
  if (result.status === 'unknown_export')
    return apiError(404, 'unknown_export', 'No labelled export has this id.')
  return Response.json({ status: result.status })
}
