import { z } from 'zod'
import { fields } from '~/utils/forms'

// Training modules and completions: the forms (browser-safe) and the item the CSV import and the API
// take (POST /api/v1/training-completions, docs/api.md).

export const TRAINING_KINDS = ['course', 'microlearning'] as const
export const MODULE_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/
export const MAX_COMPLETIONS_PER_REQUEST = 5000

export const ModuleSchema = z.object({
  intent: z.literal('module'),
  key: z.string().trim().toLowerCase().regex(MODULE_KEY, 'change.training.errors.key'),
  title: fields.text(200),
  kind: z.enum(TRAINING_KINDS, 'errors.invalidChoice'),
})
export type ModuleInput = z.output<typeof ModuleSchema>

export const ManualCompletionSchema = z.object({
  intent: z.literal('completion'),
  module_key: fields.text(64),
  seller_id: fields.text(64),
  completed_on: fields.isoDate(),
})

export const ThresholdsSchema = z.object({
  intent: z.literal('thresholds'),
  training_threshold_pct: fields.number({ min: 0, max: 100, int: true }),
  managers_threshold_pct: fields.number({ min: 0, max: 100, int: true }),
})
export type ThresholdsInput = z.output<typeof ThresholdsSchema>

/** One completion as the CSV and the API send it (unknown fields ignored). */
export const CompletionItemSchema = z
  .object({
    module_key: z.string().min(1).max(64),
    seller_id: z.string().min(1).max(64),
    completed_on: z.iso.date(),
  })
  .meta({
    id: 'TrainingCompletion',
    description:
      'A rep completed a training module: the module’s key (shown on the initiative’s training page), the roster’s seller_id, the day (YYYY-MM-DD, not in the future).',
  })
export type CompletionItem = z.output<typeof CompletionItemSchema>

export const CompletionReportSchema = z
  .object({
    accepted: z.number().int().meta({ description: 'Completions newly stored.' }),
    duplicates: z
      .number()
      .int()
      .meta({ description: 'Valid completions already stored (or repeated in the request).' }),
    rejected: z.array(
      z.object({
        index: z.number().int().meta({ description: '0-based position in the request.' }),
        errors: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'TrainingCompletionReport' })
export type CompletionReport = z.output<typeof CompletionReportSchema>
