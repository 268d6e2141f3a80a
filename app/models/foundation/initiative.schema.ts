import { z } from 'zod'
import type { InitiativeStatus, Stage } from '~/utils/db.types'
import { fields } from '~/utils/forms'

export const STAGES = ['frame', 'design', 'pilot', 'scale', 'sustain'] as const satisfies readonly Stage[]
export const STATUSES = [
  'proposed',
  'active',
  'paused',
  'completed',
  'stopped',
] as const satisfies readonly InitiativeStatus[]

export const InitiativeSchema = z
  .object({
    program_id: z.uuid('errors.invalidChoice'),
    name: fields.text(120),
    objective: fields.optionalText(2000),
    lead_id: z.uuid('errors.invalidChoice').optional(),
    sponsor_id: z.uuid('errors.invalidChoice').optional(),
    stage: z.enum(STAGES, 'errors.invalidChoice'),
    status: z.enum(STATUSES, 'errors.invalidChoice'),
    start_date: fields.optionalIsoDate(),
    target_date: fields.optionalIsoDate(),
  })
  .refine((value) => !value.start_date || !value.target_date || value.start_date <= value.target_date, {
    message: 'errors.dateOrder',
    path: ['target_date'],
    // Check the dates even when other fields are invalid, so the user sees every problem at once.
    when: ({ value }) => {
      const { start_date, target_date } = (value ?? {}) as Record<string, unknown>
      return [start_date, target_date].every(
        (date) => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date),
      )
    },
  })
export type InitiativeInput = z.output<typeof InitiativeSchema>
