import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, requireApiKey } from '~/auth/api-key.server'
import { apiActor } from '~/models/foundation/api-key.server'
import { MAX_BODY_BYTES } from '~/models/recommendations/event.schema'
import {
  bodyFormatOf,
  ingestRequest,
  parseBody,
  projectAfterIngest,
  readBodyText,
} from '~/models/recommendations/ingest.server'
import { db } from '~/utils/db.server'

// POST /api/v1/recommendation-events — the recommendation tool's ingest (docs/api.md).

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireApiKey(request, 'events:write')
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', { Allow: 'POST' })
  const format = bodyFormatOf(request.headers.get('Content-Type'))
  if (!format)
    return apiError(
      415,
      'unsupported_media_type',
      'Send application/json (an array), application/x-ndjson or text/csv.',
    )
  const text = await readBodyText(request)
  if (text === null)
    return apiError(413, 'too_large', `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`)
  const parsed = parseBody(text, format)
  if (!parsed.ok) return apiError(parsed.status, parsed.code, parsed.message)
  const { accepted, duplicates, rejected } = await ingestRequest(db, apiActor(principal), parsed.items)
  if (accepted) await projectAfterIngest(db)
  return Response.json({ accepted, duplicates, rejected })
}
