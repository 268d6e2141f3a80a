import { EVENT_TYPES, REASON_CODES } from './event.schema'
import { FUNNEL_GROUPS, ROSTER_GROUPS } from './metrics.schema'
import type { OpenApiArea } from '../openapi-types'

// The recommendation area of the OpenAPI document: event ingest, the funnel and adoption metrics.

const error = { $ref: '#/components/schemas/Error' }
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: error } },
})
const rate = { type: ['number', 'null'], description: 'null when the denominator is 0' }
const range = [
  {
    name: 'from',
    in: 'query',
    required: true,
    schema: { type: 'string', format: 'date' },
    description: 'First day (reporting time zone).',
  },
  {
    name: 'to',
    in: 'query',
    required: true,
    schema: { type: 'string', format: 'date' },
    description: 'Day after the last (exclusive); at most 1,100 days after from.',
  },
]

export const recommendationsApi: OpenApiArea = {
  tags: [
    {
      name: 'Recommendations',
      description: 'The recommendation tool’s events, its conversion funnel and its adoption.',
    },
  ],
  schemas: {
    RecommendationEvent: {
      type: 'object',
      required: ['event_id', 'type', 'occurred_at', 'recommendation_id', 'seller_id'],
      description:
        'Unknown fields are ignored. In CSV, an empty cell is an absent field. No string may contain the NUL character (U+0000).',
      properties: {
        event_id: {
          type: 'string',
          minLength: 1,
          maxLength: 128,
          description: 'Stored once; a retry is counted as a duplicate.',
        },
        type: { type: 'string', enum: [...EVENT_TYPES] },
        occurred_at: { type: 'string', format: 'date-time', description: 'RFC 3339 with an offset.' },
        recommendation_id: { type: 'string', minLength: 1, maxLength: 128 },
        seller_id: { type: 'string', minLength: 1, maxLength: 128, description: 'The roster’s seller_id.' },
        recommendation_type: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          description: 'Required on generated.',
        },
        model_version: { type: 'string', maxLength: 64 },
        explanation: {
          type: 'string',
          maxLength: 2000,
          description: 'On generated: present means the rep saw an explanation.',
        },
        account_id: { type: 'string', maxLength: 128 },
        reason_code: { type: 'string', enum: [...REASON_CODES], description: 'Required on rejected.' },
        reason_text: { type: 'string', maxLength: 2000 },
        amount: {
          type: 'number',
          minimum: 0,
          description: 'Required on opportunity_created and opportunity_won.',
        },
        currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217; required with amount.' },
      },
    },
    IngestReport: {
      type: 'object',
      required: ['accepted', 'duplicates', 'rejected'],
      properties: {
        accepted: { type: 'integer', description: 'Events newly stored (committed before this response).' },
        duplicates: {
          type: 'integer',
          description: 'Valid events already stored (or repeated in the request).',
        },
        rejected: {
          type: 'array',
          items: {
            type: 'object',
            required: ['index', 'event_id', 'errors'],
            properties: {
              index: { type: 'integer', description: 'The event’s 0-based position in the request.' },
              event_id: { type: ['string', 'null'] },
              errors: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
    FunnelFigures: {
      type: 'object',
      properties: {
        generated: { type: 'integer' },
        shown: { type: 'integer' },
        viewed: { type: 'integer' },
        accepted: { type: 'integer' },
        rejected: { type: 'integer' },
        actioned: { type: 'integer' },
        opportunities: { type: 'integer' },
        won: { type: 'integer' },
        won_amount: { type: 'object', additionalProperties: { type: 'number' }, description: 'By currency.' },
        shown_rate: rate,
        view_rate: rate,
        acceptance_rate: rate,
        conversion_rate: { ...rate, description: 'opportunities ÷ shown; null when shown is 0' },
        win_rate: rate,
      },
    },
    AdoptionFigures: {
      type: 'object',
      properties: {
        eligible: { type: 'integer' },
        active: { type: 'integer' },
        adoption_rate: rate,
        avg_daily_active: { type: 'number' },
        avg_weekly_active: { type: 'number' },
        stickiness: rate,
      },
    },
  },
  paths: {
    '/api/v1/recommendation-events': {
      post: {
        tags: ['Recommendations'],
        summary: 'Send recommendation events',
        description:
          'At most 5,000 events and 5 MiB per request (413 beyond). Valid events are stored even when others are rejected; a body that cannot be parsed at all gets 400 and stores nothing. Events may arrive in any order and more than once.',
        security: [{ bearerAuth: ['events:write'] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'array',
                maxItems: 5000,
                items: { $ref: '#/components/schemas/RecommendationEvent' },
              },
            },
            'application/x-ndjson': {
              schema: { type: 'string', description: 'One event (JSON object) per line.' },
            },
            'text/csv': {
              schema: {
                type: 'string',
                description: 'A header row of the field names, then one event per row.',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Per-event report.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestReport' } } },
          },
          '400': errorResponse('The body cannot be parsed at all; nothing was stored.'),
          '401': errorResponse('No valid API key.'),
          '403': errorResponse('The key lacks the events:write scope.'),
          '413': errorResponse('More than 5,000 events or 5 MiB.'),
          '415': errorResponse('Not application/json, application/x-ndjson or text/csv.'),
        },
      },
    },
    '/api/v1/metrics/recommendation-funnel': {
      get: {
        tags: ['Recommendations'],
        summary: 'The conversion funnel of the recommendations generated in a range',
        security: [{ bearerAuth: ['metrics:read'] }],
        parameters: [
          ...range,
          {
            name: 'group_by',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: [...FUNNEL_GROUPS] },
          },
        ],
        responses: {
          '200': {
            description: 'Totals and, with group_by, one entry per key.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    from: { type: 'string', format: 'date' },
                    to: { type: 'string', format: 'date' },
                    timezone: { type: 'string' },
                    group_by: { type: ['string', 'null'] },
                    total: { $ref: '#/components/schemas/FunnelFigures' },
                    groups: {
                      type: 'array',
                      items: {
                        allOf: [
                          { type: 'object', properties: { key: { type: 'string' } } },
                          { $ref: '#/components/schemas/FunnelFigures' },
                        ],
                      },
                    },
                  },
                },
              },
            },
          },
          '400': errorResponse('Invalid from, to or group_by.'),
          '401': errorResponse('No valid API key.'),
          '403': errorResponse('The key lacks the metrics:read scope.'),
        },
      },
    },
    '/api/v1/metrics/adoption': {
      get: {
        tags: ['Recommendations'],
        summary: 'Adoption of the recommendation tool by eligible reps',
        security: [{ bearerAuth: ['metrics:read'] }],
        parameters: [
          ...range,
          {
            name: 'group_by',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: [...ROSTER_GROUPS] },
          },
        ],
        responses: {
          '200': {
            description: 'Totals and, with group_by, one entry per roster key.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    from: { type: 'string', format: 'date' },
                    to: { type: 'string', format: 'date' },
                    timezone: { type: 'string' },
                    group_by: { type: ['string', 'null'] },
                    total: { $ref: '#/components/schemas/AdoptionFigures' },
                    groups: {
                      type: 'array',
                      items: {
                        allOf: [
                          { type: 'object', properties: { key: { type: 'string' } } },
                          { $ref: '#/components/schemas/AdoptionFigures' },
                        ],
                      },
                    },
                  },
                },
              },
            },
          },
          '400': errorResponse('Invalid from, to or group_by.'),
          '401': errorResponse('No valid API key.'),
          '403': errorResponse('The key lacks the metrics:read scope.'),
        },
      },
    },
  },
}
