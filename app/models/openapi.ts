import { createDocument } from 'zod-openapi'
import { changeApi } from './change/openapi'
import { kpiApi } from './kpi/openapi'
import type { OpenApiArea } from './openapi-shared'
import { recommendationsApi } from './recommendations/openapi'

// The OpenAPI 3.1 document served at /api/v1/openapi.json, generated (zod-openapi) from the zod
// schemas the API parses and answers with, one share per area. To add an area: write
// app/models/<area>/openapi.ts exporting an OpenApiArea, import it here and add it to AREAS.
export const AREAS: readonly OpenApiArea[] = [kpiApi, recommendationsApi, changeApi]

export function openApiDocument(serverUrl: string) {
  const paths: OpenApiArea['paths'] = {}
  for (const area of AREAS) {
    for (const [path, item] of Object.entries(area.paths)) {
      if (path in paths) throw new Error(`OpenAPI path ${path} is defined twice`)
      paths[path] = item
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tenfold API',
      version: '1',
      description:
        'Machine access to Tenfold. Every request carries an API key created by an administrator: `Authorization: Bearer <key>`. Each key has scopes; errors are `{ "error": { "code", "message" } }`. See docs/api.md.',
    },
    servers: [{ url: serverUrl }],
    tags: AREAS.flatMap((area) => area.tags ?? []),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from Admin → API keys; shown once when created, stored hashed.',
        },
      },
    },
  })
}
