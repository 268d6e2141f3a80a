import { kpiApi } from './kpi/openapi'
import { recommendationsApi } from './recommendations/openapi'
import type { OpenApiArea } from './openapi-types'

// The OpenAPI 3.1 document served at /api/v1/openapi.json, assembled from one object per area.
// To add an area: write app/models/<area>/openapi.ts exporting an OpenApiArea, import it here and add
// it to AREAS — that one edit is all (e.g. `recommendationsApi` from './recommendations/openapi').
const AREAS: readonly OpenApiArea[] = [kpiApi, recommendationsApi]

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, unknown> = {}
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  }
  const tags: { name: string; description: string }[] = []
  for (const area of AREAS) {
    for (const [path, item] of Object.entries(area.paths)) {
      if (path in paths) throw new Error(`OpenAPI path ${path} is defined twice`)
      paths[path] = item
    }
    Object.assign(schemas, area.schemas)
    tags.push(...(area.tags ?? []))
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tenfold API',
      version: '1',
      description:
        'Machine access to Tenfold. Every request carries an API key created by an administrator: `Authorization: Bearer <key>`. Each key has scopes; errors are `{ "error": { "code", "message" } }`. See docs/api.md.',
    },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from Admin → API keys; shown once when created, stored hashed.',
        },
      },
      schemas,
    },
  }
}
