import type { OpenApiArea } from '../openapi-types'

// The KPI area of the OpenAPI document: POST /api/v1/kpis/{key}/measurements.

const error = { $ref: '#/components/schemas/Error' }

export const kpiApi: OpenApiArea = {
  tags: [{ name: 'KPIs', description: 'Measurements of KPIs (leading and lagging indicators).' }],
  schemas: {
    MeasurementInput: {
      type: 'object',
      required: ['period_end', 'value'],
      additionalProperties: false,
      properties: {
        period_end: {
          type: 'string',
          format: 'date',
          description:
            "The period's last day: any day for daily KPIs, a Sunday for weekly ones, the month's last day for monthly ones. Not in a future period.",
        },
        value: { type: 'number', description: 'The value for the period, in the KPI’s unit.' },
        note: {
          type: 'string',
          maxLength: 500,
          description: 'Optional; when omitted the existing note is kept.',
        },
      },
    },
    MeasurementResult: {
      type: 'object',
      required: ['index', 'status'],
      properties: {
        index: { type: 'integer', description: 'Position of the item in the request array (from 0).' },
        status: { type: 'string', enum: ['created', 'updated', 'unchanged', 'error'] },
        period_end: { type: 'string', format: 'date' },
        error: {
          type: 'object',
          properties: {
            code: {
              type: 'string',
              enum: [
                'badItem',
                'badDate',
                'notPeriodEnd',
                'future',
                'badValue',
                'rolledUp',
                'duplicate',
                'noteTooLong',
              ],
            },
            message: { type: 'string' },
          },
        },
      },
    },
    MeasurementResponse: {
      type: 'object',
      required: ['kpi', 'written', 'counts', 'results'],
      properties: {
        kpi: {
          type: 'object',
          properties: { key: { type: 'string' }, program_id: { type: 'string', format: 'uuid' } },
        },
        written: { type: 'boolean', description: 'Whether any value was written.' },
        counts: {
          type: 'object',
          properties: {
            created: { type: 'integer' },
            updated: { type: 'integer' },
            unchanged: { type: 'integer' },
            error: { type: 'integer' },
          },
        },
        results: { type: 'array', items: { $ref: '#/components/schemas/MeasurementResult' } },
      },
    },
  },
  paths: {
    '/api/v1/kpis/{key}/measurements': {
      post: {
        tags: ['KPIs'],
        summary: 'Record values of one KPI',
        description:
          'One value per period: a value for a period that already has one replaces it (the old value is kept in the revision history); the same value again is reported as unchanged. Valid items are written and invalid ones reported by index, unless atomic=true.',
        security: [{ bearerAuth: ['measurements:write'] }],
        parameters: [
          {
            name: 'key',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
          },
          {
            name: 'program',
            in: 'query',
            required: false,
            schema: { type: 'string', format: 'uuid' },
            description: 'The program, needed only when the key exists in several programs (otherwise 409).',
          },
          {
            name: 'atomic',
            in: 'query',
            required: false,
            schema: { type: 'boolean', default: false },
            description: 'true: write nothing when any item is invalid (422).',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'array',
                minItems: 1,
                maxItems: 5000,
                items: { $ref: '#/components/schemas/MeasurementInput' },
              },
              example: [
                { period_end: '2026-10-31', value: 412 },
                { period_end: '2026-11-30', value: 455.5, note: 'EET wave 2 joined' },
              ],
            },
          },
        },
        responses: {
          '200': {
            description: 'Per item: created, updated, unchanged, or an error with its index.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/MeasurementResponse' } } },
          },
          '400': {
            description: 'The body is not a JSON array of 1–5000 items.',
            content: { 'application/json': { schema: error } },
          },
          '401': { description: 'No valid API key.', content: { 'application/json': { schema: error } } },
          '403': {
            description: 'The key lacks the measurements:write scope.',
            content: { 'application/json': { schema: error } },
          },
          '404': { description: 'No KPI with this key.', content: { 'application/json': { schema: error } } },
          '409': {
            description:
              'The key exists in several programs: repeat with ?program=<id> (error.programs lists them).',
            content: { 'application/json': { schema: error } },
          },
          '413': {
            description: 'The body is larger than 2 MiB.',
            content: { 'application/json': { schema: error } },
          },
          '415': {
            description: 'The body is not application/json.',
            content: { 'application/json': { schema: error } },
          },
          '422': {
            description: 'Every item was invalid, or atomic=true and at least one was: nothing was written.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/MeasurementResponse' } } },
          },
        },
      },
    },
  },
}
