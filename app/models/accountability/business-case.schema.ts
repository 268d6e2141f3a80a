import { z } from 'zod'
import { fields } from '~/utils/forms'

// The business case form, shared by the browser (validation, constraints) and the action through
// conform. Nested lines travel as indexed names (benefits[0].assumptions[1].value), so field errors
// land on exactly the input that caused them.

export const CASE_STATUSES = ['draft', 'submitted', 'approved', 'changes_requested', 'rejected'] as const
/** A version that carries a sponsor's decision (and so a "decided by"). */
export function isDecided(status: (typeof CASE_STATUSES)[number]) {
  return status === 'approved' || status === 'changes_requested' || status === 'rejected'
}
export const COST_KINDS = ['one_off', 'recurring'] as const
export const MAX_HORIZON = 10

export const AssumptionSchema = z.object({
  name: fields.text(120),
  unit: fields.optionalText(40),
  value: fields.number({ min: -1e12, max: 1e12 }),
  source: fields.optionalText(500),
})

export const BenefitSchema = z.object({
  name: fields.text(120),
  start_year: fields.number({ min: 1, max: MAX_HORIZON, int: true }),
  kpi_id: z.uuid('errors.invalidChoice').optional(),
  /** Position (0-based) of the assumption the KPI measures. */
  proven_assumption: fields.number({ min: 0, max: 7, int: true }).optional(),
  assumptions: z.array(AssumptionSchema).min(1, 'accountability.errors.assumptionRequired').max(8),
})

export const CostSchema = z.object({
  name: fields.text(120),
  kind: z.enum(COST_KINDS, 'errors.invalidChoice'),
  year: fields.number({ min: 1, max: MAX_HORIZON, int: true }),
  amount: fields.number({ min: 0, max: 1e12 }),
})

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean)

export const BusinessCaseSchema = z
  .object({
    context: fields.text(4000),
    approach: fields.text(4000),
    customer_value: fields.text(4000),
    target_segments: z
      .string()
      .max(1000)
      .optional()
      .transform(list)
      .pipe(z.array(z.string().max(80)).max(20)),
    data_systems: z
      .string()
      .max(1000)
      .optional()
      .transform(list)
      .pipe(z.array(z.string().max(80)).max(20)),
    // Stored exactly (numeric(8, 6) as a fraction): more than four decimals of a percent is refused, not rounded.
    discount_rate_pct: fields
      .number({ min: 0, max: 100 })
      .refine(
        (pct) => Math.abs(pct * 1e4 - Math.round(pct * 1e4)) < 1e-6,
        'accountability.errors.discountDecimals',
      ),
    horizon_years: fields.number({ min: 1, max: MAX_HORIZON, int: true }),
    benefits: z.array(BenefitSchema).max(20).default([]),
    costs: z.array(CostSchema).max(40).default([]),
  })
  .superRefine(
    (value, ctx) => {
      // Runs even when other fields are invalid (see `when`), so read the parts defensively.
      const horizon = Number(value.horizon_years)
      if (!Number.isInteger(horizon)) return
      const check = (year: unknown, path: (string | number)[]) => {
        if (typeof year === 'number' && year > horizon)
          ctx.addIssue({ code: 'custom', message: 'accountability.errors.beyondHorizon', path })
      }
      if (Array.isArray(value.benefits))
        value.benefits.forEach((benefit, index) => {
          check(benefit?.start_year, ['benefits', index, 'start_year'])
          const proven = benefit?.proven_assumption
          if (
            typeof proven === 'number' &&
            Array.isArray(benefit?.assumptions) &&
            proven >= benefit.assumptions.length
          )
            ctx.addIssue({
              code: 'custom',
              message: 'errors.invalidChoice',
              path: ['benefits', index, 'proven_assumption'],
            })
        })
      if (Array.isArray(value.costs))
        value.costs.forEach((cost, index) => check(cost?.year, ['costs', index, 'year']))
    },
    {
      when: ({ value }) => {
        const horizon = Number((value as { horizon_years?: unknown } | undefined)?.horizon_years)
        return Number.isInteger(horizon) && horizon >= 1
      },
    },
  )
export type BusinessCaseInput = z.output<typeof BusinessCaseSchema>

/** Submitting the latest version for approval: a button, nothing typed. */
export const CaseSubmitSchema = z.object({ intent: z.literal('submit') })

/** Decision on a submitted case. */
export const CaseDecisionSchema = z
  .object({
    intent: z.literal('decide'),
    decision: z.enum(['approved', 'changes_requested', 'rejected'], 'errors.invalidChoice'),
    note: fields.optionalText(2000),
  })
  .refine((value) => value.decision === 'approved' || value.note.length > 0, {
    message: 'accountability.errors.commentRequired',
    path: ['note'],
  })

export const CaseCommentSchema = z.object({
  intent: z.literal('comment'),
  comment: fields.text(2000),
})
