import { authErrors, errorResponse, type OpenApiArea } from '../openapi-shared'
import { CompletionItemSchema, CompletionReportSchema, MAX_COMPLETIONS_PER_REQUEST } from './training.schema'

// The change-management area of the OpenAPI document: training completions.

export const changeApi: OpenApiArea = {
  tags: [{ name: 'Training', description: 'Reps’ completions of an initiative’s training modules.' }],
  paths: {
    '/api/v1/training-completions': {
      post: {
        operationId: 'sendTrainingCompletions',
        tags: ['Training'],
        summary: 'Send training completions',
        description:
          'At most 5,000 completions and 2 MiB per request (413 beyond). A completion is stored once per module and rep: a resend is counted as a duplicate. Valid completions are stored even when others are rejected.',
        security: [{ bearerAuth: ['training:write'] }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: CompletionItemSchema.array().max(MAX_COMPLETIONS_PER_REQUEST) },
          },
        },
        responses: {
          '200': {
            description: 'Per-completion report.',
            content: { 'application/json': { schema: CompletionReportSchema } },
          },
          '400': errorResponse('Not JSON, or not an array; nothing was stored.'),
          ...authErrors('training:write'),
          '413': errorResponse('More than 5,000 completions or 2 MiB.'),
          '415': errorResponse('Not application/json.'),
        },
      },
    },
  },
}
