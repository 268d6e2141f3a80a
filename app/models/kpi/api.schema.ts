import { z } from 'zod'
import { ApiMeasurementSchema, KPI_KEY_PATTERN } from './kpi.schema'

// The measurements API's contract beyond one item (ApiMeasurementSchema, in kpi.schema.ts): the path,
// the query, the body and the response. The route and api.server.ts parse with these; the OpenAPI
// document (kpi/openapi.ts) and the docs/api.md examples test are generated and checked from them.

export const API_MAX_ITEMS = 5000

/** The item error codes the API can answer (the CSV import's unknownKey etc. cannot occur here). */
export const API_ITEM_ERROR_CODES = [
  'badItem',
  'badDate',
  'notPeriodEnd',
  'future',
  'badValue',
  'rolledUp',
  'duplicate',
  'noteTooLong',
] as const

export const MeasurementsPathSchema = z.object({
  key: z.string().regex(KPI_KEY_PATTERN).meta({ description: 'The KPI’s key, e.g. new-customers-won.' }),
})

export const MeasurementsQuerySchema = z.object({
  program: z.uuid().optional().meta({
    description: 'The program, needed only when the key exists in several programs (otherwise 409).',
  }),
  // A query boolean (sent as true/false); the route takes atomic=true as true and anything else as false.
  atomic: z
    .enum(['true', 'false'])
    .optional()
    .meta({
      description: 'true: write nothing when any item is invalid (422).',
      override: ({ jsonSchema }) => {
        delete jsonSchema.enum
        Object.assign(jsonSchema, { type: 'boolean', default: false })
      },
    }),
})

export const MeasurementsBodySchema = z.array(ApiMeasurementSchema).min(1).max(API_MAX_ITEMS)

const MeasurementWritten = z.object({
  index: z.int().min(0).meta({ description: 'Position of the item in the request array (from 0).' }),
  status: z.enum(['created', 'updated', 'unchanged']),
  period_end: z.iso.date(),
})
const MeasurementRefused = z.object({
  index: z.int().min(0).meta({ description: 'Position of the item in the request array (from 0).' }),
  status: z.literal('error'),
  error: z.object({ code: z.enum(API_ITEM_ERROR_CODES), message: z.string() }),
})
export const MeasurementResultSchema = z
  .discriminatedUnion('status', [MeasurementWritten, MeasurementRefused])
  .meta({ id: 'MeasurementResult' })

export const MeasurementResponseSchema = z
  .object({
    kpi: z.object({ key: z.string(), program_id: z.uuid() }),
    written: z.boolean().meta({ description: 'Whether any value was written.' }),
    counts: z.object({
      created: z.int().min(0),
      updated: z.int().min(0),
      unchanged: z.int().min(0),
      error: z.int().min(0),
    }),
    results: z.array(MeasurementResultSchema),
  })
  .meta({ id: 'MeasurementResponse' })
export type MeasurementResponse = z.output<typeof MeasurementResponseSchema>
