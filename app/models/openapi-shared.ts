import { z } from 'zod'
import type { oas31, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi'

// What every area's share of the OpenAPI document uses: the error envelope and the area's shape.

/** One area's share of the OpenAPI document: its operations (zod schemas inside) and tags. */
export type OpenApiArea = {
  tags?: oas31.TagObject[]
  paths: ZodOpenApiPathsObject
}

/** Every error answer (app/auth/api-key.server.ts apiError, and the routes' own). */
export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable and machine-readable, e.g. invalid_json.' }),
      message: z.string().meta({ description: 'English, for a person.' }),
      programs: z
        .array(z.uuid())
        .optional()
        .meta({ description: 'On 409 ambiguous_key: the programs that have this key.' }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'On 400 invalid_query: the problems by parameter.' }),
    }),
  })
  .meta({ id: 'Error' })

export const errorResponse = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema: ApiErrorSchema } },
})

/** The answers every operation can give before it reads its input (requireApiKey). */
export const authErrors = (scope: string) => ({
  '401': errorResponse('No valid API key (with WWW-Authenticate: Bearer).'),
  '403': errorResponse(`The key lacks the ${scope} scope.`),
})
