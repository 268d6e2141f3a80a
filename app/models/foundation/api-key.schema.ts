import { z } from 'zod'
import { fields } from '~/utils/forms'

export const API_SCOPES = [
  'measurements:write',
  'events:write',
  'metrics:read',
  'metrics:reps',
  'training:write',
] as const
export type ApiScope = (typeof API_SCOPES)[number]

export const CreateApiKeySchema = z.object({
  intent: z.literal('create'),
  name: fields.text(80),
  scopes: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(API_SCOPES)).min(1, 'errors.scopeRequired'),
  ),
})
