import type { LoaderFunctionArgs } from '@remix-run/node'
import { openApiDocument } from '~/models/openapi'
import { publicOrigin } from '~/utils/http.server'

// GET /api/v1/openapi.json — public: it is documentation, and every operation it describes needs a key.
export function loader({ request }: LoaderFunctionArgs) {
  return Response.json(openApiDocument(publicOrigin(request)), {
    headers: { 'Cache-Control': 'public, max-age=300' },
  })
}
