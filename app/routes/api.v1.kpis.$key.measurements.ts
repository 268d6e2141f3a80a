import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, requireApiKey } from '~/auth/api-key.server'
import { MeasurementsQuerySchema } from '~/models/kpi/api.schema'
import { API_MAX_ITEMS, resolveKpiKey, writeApiMeasurements } from '~/models/kpi/api.server'
import { db } from '~/utils/db.server'

// POST /api/v1/kpis/{key}/measurements — values for one KPI (docs/api.md, /api/v1/openapi.json).

const MAX_BODY_BYTES = 2 * 1024 * 1024

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireApiKey(request, 'measurements:write')
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', { Allow: 'POST' })
  if (!(request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('application/json'))
    return apiError(415, 'unsupported_media_type', 'Send application/json: an array of measurements.')
  const url = new URL(request.url)
  const program = url.searchParams.get('program')
  if (program !== null && !MeasurementsQuerySchema.shape.program.safeParse(program).success)
    return apiError(400, 'invalid_program', 'program must be a program id (uuid).')
  const text = await request.text()
  if (text.length > MAX_BODY_BYTES) return apiError(413, 'too_large', 'The body is larger than 2 MiB.')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return apiError(400, 'invalid_json', 'The body is not valid JSON.')
  }
  if (!Array.isArray(body) || body.length === 0 || body.length > API_MAX_ITEMS)
    return apiError(400, 'invalid_body', `Send a JSON array of 1 to ${API_MAX_ITEMS} measurements.`)
  const resolved = await resolveKpiKey(db, params.key ?? '', program)
  if (!resolved.ok) {
    return apiError(resolved.status, resolved.code, resolved.message, undefined, {
      programs: resolved.programs,
    })
  }
  const atomic = url.searchParams.get('atomic') === 'true'
  const outcome = await writeApiMeasurements(db, principal, resolved.kpi, body, atomic)
  const status = outcome.counts.error > 0 && (atomic || outcome.counts.error === body.length) ? 422 : 200
  return Response.json(
    {
      kpi: { key: resolved.kpi.key, program_id: resolved.kpi.program_id },
      written: outcome.written,
      counts: outcome.counts,
      results: outcome.results,
    },
    { status },
  )
}
