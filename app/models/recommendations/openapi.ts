import { authErrors, errorResponse, type OpenApiArea } from '../openapi-shared'
import { IngestReportSchema, MAX_EVENTS_PER_REQUEST, RecommendationEventSchema } from './event.schema'
import {
  AdoptionQuerySchema,
  AdoptionResponseSchema,
  FunnelQuerySchema,
  FunnelResponseSchema,
} from './metrics.schema'
import {
  LabelledPageSchema,
  LabelledQuerySchema,
  TrainingReportSchema,
  TrainingResultSchema,
} from './labelled.schema'

// The recommendation area of the OpenAPI document: event ingest, the funnel and adoption metrics.
// The metrics' queries are the schemas their routes parse with; ingest is validated by the
// hand-written validateEvent, which RecommendationEventSchema is tested to match.

const badQuery = errorResponse('Invalid from, to or group_by (error.fields says which).')

export const recommendationsApi: OpenApiArea = {
  tags: [
    {
      name: 'Recommendations',
      description: 'The recommendation tool’s events, its conversion funnel and its adoption.',
    },
  ],
  paths: {
    '/api/v1/recommendation-events': {
      post: {
        operationId: 'sendRecommendationEvents',
        tags: ['Recommendations'],
        summary: 'Send recommendation events',
        description:
          'At most 5,000 events and 5 MiB per request (413 beyond). Valid events are stored even when others are rejected; a body that cannot be parsed at all gets 400 and stores nothing. Events may arrive in any order and more than once.',
        security: [{ bearerAuth: ['events:write'] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: RecommendationEventSchema.array().max(MAX_EVENTS_PER_REQUEST),
            },
            'application/x-ndjson': {
              schema: { type: 'string', description: 'One event (JSON object) per line.' },
            },
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  'A header row of the field names (event_id, type, occurred_at, recommendation_id and seller_id at least), then one event per row; an empty cell is an absent field.',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Per-event report.',
            content: { 'application/json': { schema: IngestReportSchema } },
          },
          '400': errorResponse('The body cannot be parsed at all; nothing was stored.'),
          ...authErrors('events:write'),
          '413': errorResponse('More than 5,000 events or 5 MiB.'),
          '415': errorResponse('Not application/json, application/x-ndjson or text/csv.'),
        },
      },
    },
    '/api/v1/metrics/recommendation-funnel': {
      get: {
        operationId: 'getRecommendationFunnel',
        tags: ['Recommendations'],
        summary: 'The conversion funnel of the recommendations generated in a range',
        security: [{ bearerAuth: ['metrics:read'] }],
        requestParams: { query: FunnelQuerySchema },
        responses: {
          '200': {
            description: 'Totals and, with group_by, one entry per key.',
            content: { 'application/json': { schema: FunnelResponseSchema } },
          },
          '400': badQuery,
          ...authErrors('metrics:read'),
        },
      },
    },
    '/api/v1/metrics/adoption': {
      get: {
        operationId: 'getRecommendationAdoption',
        tags: ['Recommendations'],
        summary: 'Adoption of the recommendation tool by eligible reps',
        security: [{ bearerAuth: ['metrics:read'] }],
        requestParams: { query: AdoptionQuerySchema },
        responses: {
          '200': {
            description: 'Totals and, with group_by, one entry per roster key.',
            content: { 'application/json': { schema: AdoptionResponseSchema } },
          },
          '400': badQuery,
          ...authErrors('metrics:read'),
        },
      },
    },
    '/api/v1/recommendations/labelled': {
      get: {
        operationId: 'getLabelledRecommendations',
        tags: ['Recommendations'],
        summary: 'Decided recommendations with their outcomes and features, for retraining',
        description:
          'Every recommendation generated in [from, to) whose latest decision is accepted or rejected, oldest first, in pages. The first page (no cursor) records an export and answers its export_id; pass next_cursor to continue it. Without metrics:reps the rep, team and manager are null, and region, segment and tech affinity are null where that combination has fewer than 5 reps.',
        security: [{ bearerAuth: ['metrics:read'] }],
        requestParams: { query: LabelledQuerySchema },
        responses: {
          '200': {
            description: 'One page of the export.',
            content: { 'application/json': { schema: LabelledPageSchema } },
          },
          '400': errorResponse('Invalid from, to or limit, or a cursor of another export or range.'),
          ...authErrors('metrics:read'),
        },
      },
    },
    '/api/v1/recommendations/labelled/trainings': {
      post: {
        operationId: 'reportModelTraining',
        tags: ['Recommendations'],
        summary: 'Report that a model version was trained on a labelled export',
        security: [{ bearerAuth: ['events:write'] }],
        requestBody: { required: true, content: { 'application/json': { schema: TrainingReportSchema } } },
        responses: {
          '200': {
            description: 'Recorded, or already reported (nothing changed).',
            content: { 'application/json': { schema: TrainingResultSchema } },
          },
          '400': errorResponse('Not JSON, or model_version / export_id missing or malformed.'),
          ...authErrors('events:write'),
          '404': errorResponse('No labelled export has this id.'),
        },
      },
    },
  },
}
