import { z } from 'zod'
import { fields } from '~/utils/forms'

// The variable-pay transition plan's forms. Browser-safe. The plan form has COMPONENT_ROWS component
// rows (a row without a name is unused) and one row per roster segment, whose expected volumes line up
// with the component rows.

export const COMPONENT_ROWS = 4
export const TRANSITION_KINDS = ['guarantee', 'blend'] as const

const amount = () => fields.number({ min: 0, max: 1e9 })
const share = () => fields.number({ min: 0, max: 100 })
const optionalNumber = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number('errors.invalidNumber').min(0, 'errors.tooSmall').max(1e9, 'errors.tooBig').optional(),
)

const ComponentRow = z.object({
  name: fields.optionalText(80),
  weight_before: optionalNumber,
  weight_after: optionalNumber,
  quota_before: optionalNumber,
  quota_after: optionalNumber,
})

const SegmentRow = z.object({
  segment: fields.text(80),
  base_pay: amount(),
  target_variable: amount(),
  volumes: z.array(optionalNumber).max(COMPONENT_ROWS).optional(),
})

const NUMBERS = ['weight_before', 'weight_after', 'quota_before', 'quota_after'] as const

/** The plan form's fields and checks (the browser runs them too); PayPlanSchema adds the stored shape. */
export const PayPlanFields = z
  .object({
    intent: z.literal('save'),
    effective_from: fields.isoDate(),
    transition_kind: z.enum(TRANSITION_KINDS, 'errors.invalidChoice'),
    transition_months: fields.number({ min: 1, max: 36, int: true }),
    loss_threshold_pct: share(),
    components: z.array(ComponentRow).max(COMPONENT_ROWS),
    segments: z.array(SegmentRow).min(1, 'change.pay.errors.noSegments').max(200),
  })
  .superRefine((plan, ctx) => {
    const used = plan.components.flatMap((row, index) => (row.name ? [index] : []))
    if (!used.length)
      ctx.addIssue({ code: 'custom', message: 'change.pay.errors.noComponents', path: ['components'] })
    for (const index of used) {
      const row = plan.components[index]!
      for (const key of NUMBERS)
        if (row[key] === undefined)
          ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['components', index, key] })
      if (row.weight_before !== undefined && row.weight_before > 100)
        ctx.addIssue({
          code: 'custom',
          message: 'change.pay.errors.weight',
          path: ['components', index, 'weight_before'],
        })
      if (row.weight_after !== undefined && row.weight_after > 100)
        ctx.addIssue({
          code: 'custom',
          message: 'change.pay.errors.weight',
          path: ['components', index, 'weight_after'],
        })
      // A quota divides the volume: a component that counts (weight above 0) needs one above 0.
      if (row.quota_before === 0 && (row.weight_before ?? 0) > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'change.pay.errors.quota',
          path: ['components', index, 'quota_before'],
        })
      if (row.quota_after === 0 && (row.weight_after ?? 0) > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'change.pay.errors.quota',
          path: ['components', index, 'quota_after'],
        })
    }
    for (const side of ['weight_before', 'weight_after'] as const) {
      const sum = used.reduce((total, index) => total + (plan.components[index]![side] ?? 0), 0)
      if (used.length && Math.abs(sum - 100) > 1e-6)
        ctx.addIssue({ code: 'custom', message: 'change.pay.errors.weights', path: ['components'] })
    }
    plan.segments.forEach((segment, s) => {
      for (const index of used)
        if (segment.volumes?.[index] === undefined)
          ctx.addIssue({
            code: 'custom',
            message: 'errors.required',
            path: ['segments', s, 'volumes', index],
          })
    })
  })

export const PayPlanSchema = PayPlanFields.transform((plan) => {
  const used = plan.components.flatMap((row, index) => (row.name ? [index] : []))
  return {
    effective_from: plan.effective_from,
    transition_kind: plan.transition_kind,
    transition_months: plan.transition_months,
    loss_threshold_pct: plan.loss_threshold_pct,
    components: used.map((index) => {
      const row = plan.components[index]!
      return {
        name: row.name,
        weight_before: row.weight_before ?? 0,
        weight_after: row.weight_after ?? 0,
        quota_before: row.quota_before ?? 0,
        quota_after: row.quota_after ?? 0,
      }
    }),
    segments: plan.segments.map((segment) => ({
      segment: segment.segment,
      base_pay: segment.base_pay,
      target_variable: segment.target_variable,
      volumes: used.map((index) => segment.volumes?.[index] ?? 0),
    })),
  }
})
export type PayPlanInput = z.output<typeof PayPlanSchema>

export const PaySubmitSchema = z.object({ intent: z.literal('submit') })

export const PayDecisionSchema = z
  .object({
    intent: z.literal('decide'),
    decision: z.enum(['approved', 'changes_requested', 'rejected'], 'errors.invalidChoice'),
    note: fields.optionalText(2000),
  })
  .refine((value) => value.decision === 'approved' || value.note.length > 0, {
    message: 'accountability.errors.commentRequired',
    path: ['note'],
  })
export type PayDecisionInput = z.output<typeof PayDecisionSchema>
