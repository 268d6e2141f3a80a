import { z } from 'zod'
import { fields } from '~/utils/forms'

// Forms of the delivery area, shared by browser (constraints) and server (parsing).

export const ITEM_TYPES = ['story', 'bug', 'experiment', 'chore'] as const
export const DECISIONS = ['scale', 'iterate', 'stop'] as const

const reason = () => fields.text(500)
const optionalUuid = () => z.uuid('errors.invalidChoice').optional()

/** A button that posts nothing but its intent (start a cycle, start a sprint). */
export const IntentOnlySchema = z.object({})

export const DeliverySettingsSchema = z.object({
  program_id: z.uuid('errors.invalidChoice'),
  frame_hours: fields.number({ min: 0.5, max: 200 }),
  design_working_days: fields.number({ min: 1, max: 100, int: true }),
  pilot_weeks: fields.number({ min: 1, max: 52, int: true }),
  sprint_length_days: fields.number({ min: 1, max: 56, int: true }),
})
export type DeliverySettingsInput = z.output<typeof DeliverySettingsSchema>

export const LogHoursSchema = z.object({
  worked_on: fields.isoDate(),
  hours: fields.number({ min: 0.25, max: 24 }),
  note: fields.optionalText(500),
})
export type LogHoursInput = z.output<typeof LogHoursSchema>

export const PauseSchema = z
  .object({
    from_date: fields.isoDate(),
    to_date: fields.optionalIsoDate(),
    reason: reason(),
  })
  .refine((value) => !value.to_date || value.from_date <= value.to_date, {
    message: 'errors.dateOrder',
    path: ['to_date'],
  })
export type PauseInput = z.output<typeof PauseSchema>

export const EndPauseSchema = z.object({
  pause_id: z.uuid('errors.invalidChoice'),
  to_date: fields.isoDate(),
})

export const ClosePhaseSchema = z.object({
  outcome: fields.text(4000),
  decision: z.enum(DECISIONS, 'errors.invalidChoice').optional(),
  effective_on: fields.optionalIsoDate(),
})
export type ClosePhaseInput = z.output<typeof ClosePhaseSchema>

export const BacklogItemSchema = z.object({
  title: fields.text(200),
  type: z.enum(ITEM_TYPES, 'errors.invalidChoice'),
  estimate: fields.number({ min: 0, max: 100 }),
  feedback_id: z
    .union([z.uuid('errors.invalidChoice'), z.array(z.uuid('errors.invalidChoice'))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
})
export type BacklogItemInput = z.output<typeof BacklogItemSchema>

export const PlanSprintSchema = z.object({
  start_date: fields.isoDate(),
  goal: fields.optionalText(500),
  /** Checked to keep a start date outside the program's date window. */
  confirm_far_date: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()).optional(),
})
export type PlanSprintInput = z.output<typeof PlanSprintSchema>

/** Putting an item into, or taking it out of, the plan of a sprint not started yet. */
export const PlanChangeSchema = z.object({
  item_id: z.uuid('errors.invalidChoice'),
  reason: fields.optionalText(500),
  feedback_id: optionalUuid(),
})
export type PlanChangeInput = z.output<typeof PlanChangeSchema>

/** A change to a running sprint's frozen scope: a reason is required. */
export const ScopeChangeSchema = z.object({
  item_id: z.uuid('errors.invalidChoice'),
  reason: reason(),
  /** The day it happened when recorded later (today by default). */
  effective_on: fields.optionalIsoDate(),
})
export type ScopeChangeInput = z.output<typeof ScopeChangeSchema>

export const ItemSchema = z.object({
  item_id: z.uuid('errors.invalidChoice'),
  effective_on: fields.optionalIsoDate(),
})

export const CloseSprintSchema = z.object({
  carry_to: z.enum(['next', 'backlog'], 'errors.invalidChoice'),
  effective_on: fields.optionalIsoDate(),
})

/** Starting a 10/10/10 cycle, on the day it began when recorded later. */
export const StartCycleSchema = z.object({ effective_on: fields.optionalIsoDate() })
