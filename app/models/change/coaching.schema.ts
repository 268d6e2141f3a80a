import { z } from 'zod'
import { fields } from '~/utils/forms'

// The form a manager logs a coaching action with. Browser-safe.

export const COACHING_KINDS = ['conversation', 'ride_along', 'training_assigned'] as const

export const CoachingActionSchema = z.object({
  seller_id: fields.text(64),
  kind: z.enum(COACHING_KINDS, 'errors.invalidChoice'),
  done_on: fields.isoDate(),
  note: fields.optionalText(2000),
})
export type CoachingActionInput = z.output<typeof CoachingActionSchema>
