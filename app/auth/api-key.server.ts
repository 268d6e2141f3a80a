import { hasScope, verifyApiKey, type ApiKeyPrincipal } from '~/models/foundation/api-key.server'
import type { ApiScope } from '~/models/foundation/api-key.schema'
import type { z } from 'zod'
import { translate } from '~/i18n/translate'
import { db } from '~/utils/db.server'
import { zodErrors } from '~/utils/forms'

/** A JSON error body for API clients: `{ "error": { "code", "message", ...detail } }`. */
export function apiError(
  status: number,
  code: string,
  message: string,
  headers?: HeadersInit,
  detail?: Record<string, unknown>,
) {
  return Response.json({ error: { code, message, ...detail } }, { status, headers })
}

/** 400 invalid_query: the query parameters the schema refused, each with its problems (in English). */
export function invalidQuery(error: z.ZodError) {
  return apiError(400, 'invalid_query', translate('en', 'errors.form'), undefined, {
    fields: zodErrors('en', error),
  })
}

/** Every API route starts here: 401 without a valid key, 403 when the key lacks the scope. */
export async function requireApiKey(request: Request, scope: ApiScope): Promise<ApiKeyPrincipal> {
  const header = request.headers.get('Authorization') ?? ''
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : ''
  const principal = presented ? await verifyApiKey(db, presented) : null
  if (!principal) {
    throw apiError(401, 'unauthorized', 'A valid API key is required: Authorization: Bearer <key>.', {
      'WWW-Authenticate': 'Bearer realm="tenfold"',
    })
  }
  if (!hasScope(principal, scope))
    throw apiError(403, 'forbidden', `This API key lacks the scope "${scope}".`)
  return principal
}
