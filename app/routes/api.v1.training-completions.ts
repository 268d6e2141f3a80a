import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, requireApiKey } from '~/auth/api-key.server'
import { MAX_COMPLETIONS_PER_REQUEST } from '~/models/change/training.schema'
import { apiReport, recordCompletions } from '~/models/change/training.server'
import { apiActor } from '~/models/foundation/api-key.server'
import { db } from '~/utils/db.server'

// POST /api/v1/training-completions — reps' completions of training modules (docs/api.md): the events
// API's contract (a JSON array, per-item report, a resend counted as duplicates).

const MAX_BODY_BYTES = 2 * 1024 * 1024

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireApiKey(request, 'training:write')
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', { Allow: 'POST' })
  if (!(request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('application/json'))
    return apiError(415, 'unsupported_media_type', 'Send application/json: an array of completions.')
  const text = await request.text()
  if (text.length > MAX_BODY_BYTES) return apiError(413, 'too_large', 'The body is larger than 2 MiB.')
  let body: unknown
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return apiError(400, 'invalid_json', 'The body is not valid JSON.')
  }
  if (!Array.isArray(body))
    return apiError(400, 'invalid_body', 'The body must be a JSON array of completions.')
  if (body.length > MAX_COMPLETIONS_PER_REQUEST)
    return apiError(
      413,
      'too_large',
      `At most ${MAX_COMPLETIONS_PER_REQUEST} completions per request (this one has ${body.length}).`,
    )
  const report = await recordCompletions(
    db,
    apiActor(principal),
    body.map((raw, index) => ({ index, raw })),
    'api',
  )
  return Response.json(apiReport(report))
}
