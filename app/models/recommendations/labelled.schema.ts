import { z } from 'zod'
import { daysBetween } from '~/utils/calendar'
import { MAX_RANGE_DAYS } from './metrics.schema'

// The labelled-data API's query and answers (for the OpenAPI document). Browser-safe.

export const LABELLED_PAGE_MAX = 1000
export const LABELLED_PAGE_DEFAULT = 500

const isoDay = z.iso.date('errors.invalidDate')

export const LabelledQuerySchema = z
  .object({
    from: isoDay.meta({ description: 'First day of generation (reporting time zone).' }),
    to: isoDay.meta({ description: 'Day after the last (exclusive); at most 1,100 days after from.' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LABELLED_PAGE_MAX)
      .default(LABELLED_PAGE_DEFAULT)
      .meta({ description: `Rows per page (1–${LABELLED_PAGE_MAX}, default ${LABELLED_PAGE_DEFAULT}).` }),
    cursor: z.string().max(400).optional().meta({ description: 'next_cursor of the previous page.' }),
  })
  .refine((range) => daysBetween(range.from, range.to) > 0, {
    message: 'recommendations.errors.rangeOrder',
    path: ['to'],
  })
  .refine((range) => daysBetween(range.from, range.to) <= MAX_RANGE_DAYS, {
    message: 'recommendations.errors.rangeTooLong',
    path: ['to'],
  })

const nullableText = z.string().nullable()
export const LabelledRowSchema = z.object({
  recommendation_id: z.string(),
  generated_at: z.string().meta({ description: 'ISO 8601 instant' }),
  recommendation_type: nullableText,
  model_version: nullableText,
  explanation_shown: z.boolean(),
  explanation: nullableText.meta({ description: 'The explanation text of the generated event' }),
  account_id: nullableText,
  decision: z.enum(['accepted', 'rejected']),
  decided_at: nullableText,
  reason_code: nullableText.meta({ description: 'Rejections only' }),
  reason_text: nullableText,
  actioned: z.boolean(),
  opportunity: z.boolean(),
  won: z.boolean(),
  seller_id: nullableText.meta({ description: 'null without metrics:reps' }),
  region: nullableText,
  segment: nullableText,
  tech_affinity: nullableText,
  team: nullableText.meta({ description: 'null without metrics:reps' }),
  manager_id: nullableText.meta({ description: 'null without metrics:reps' }),
  seller_attributes_suppressed: z.boolean().meta({
    description: 'true when region × segment × tech affinity holds fewer than 5 reps (without metrics:reps)',
  }),
})

export const LabelledPageSchema = z.object({
  export_id: z
    .uuid()
    .meta({ description: 'The export this page belongs to; name it when reporting a training' }),
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  rows: z.int().meta({ description: 'Rows of the whole export when it was recorded' }),
  items: z.array(LabelledRowSchema),
  next_cursor: z.string().nullable(),
})

export const TrainingReportSchema = z.object({
  model_version: z.string().trim().min(1).max(120),
  export_id: z.uuid(),
})

export const TrainingResultSchema = z.object({
  status: z.enum(['recorded', 'duplicate']).meta({
    description: 'duplicate: this model version was already reported on this export (nothing changed)',
  }),
})
