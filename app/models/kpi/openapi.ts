import { authErrors, errorResponse, type OpenApiArea } from '../openapi-shared'
import {
  MeasurementResponseSchema,
  MeasurementsBodySchema,
  MeasurementsPathSchema,
  MeasurementsQuerySchema,
} from './api.schema'

// The KPI area of the OpenAPI document: POST /api/v1/kpis/{key}/measurements. The schemas are the
// ones the route parses with (api.schema.ts); this file adds what only a reader needs.

const measurementsResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: MeasurementResponseSchema } },
})

export const kpiApi: OpenApiArea = {
  tags: [{ name: 'KPIs', description: 'Measurements of KPIs (leading and lagging indicators).' }],
  paths: {
    '/api/v1/kpis/{key}/measurements': {
      post: {
        operationId: 'recordKpiMeasurements',
        tags: ['KPIs'],
        summary: 'Record values of one KPI',
        description:
          'One value per period: a value for a period that already has one replaces it (the old value is kept in the revision history); the same value again is reported as unchanged. Valid items are written and invalid ones reported by index, unless atomic=true.',
        security: [{ bearerAuth: ['measurements:write'] }],
        requestParams: { path: MeasurementsPathSchema, query: MeasurementsQuerySchema },
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: MeasurementsBodySchema,
              example: [
                { period_end: '2026-10-31', value: 412 },
                { period_end: '2026-11-30', value: 455.5, note: 'EET wave 2 joined' },
              ],
            },
          },
        },
        responses: {
          '200': measurementsResponse('Per item: created, updated, unchanged, or an error with its index.'),
          '400': errorResponse('The body is not a JSON array of 1–5000 items, or program is not a uuid.'),
          ...authErrors('measurements:write'),
          '404': errorResponse('No KPI with this key.'),
          '409': errorResponse(
            'The key exists in several programs: repeat with ?program=<id> (error.programs lists them).',
          ),
          '413': errorResponse('The body is larger than 2 MiB.'),
          '415': errorResponse('The body is not application/json.'),
          '422': measurementsResponse(
            'Every item was invalid, or atomic=true and at least one was: nothing was written.',
          ),
        },
      },
    },
  },
}
