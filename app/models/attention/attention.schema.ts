import { z } from 'zod'
import { ATTENTION_KINDS, DELIVERY_CHOICES } from './kinds'

// The notification centre's forms: read one, read all, open one; save the per-kind choices.

const choice = z.enum(DELIVERY_CHOICES).optional()

export const NotificationsFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['read', 'open']), id: z.uuid() }),
  z.object({ intent: z.literal('read-all') }),
  z.object({
    intent: z.literal('preferences'),
    ...Object.fromEntries(ATTENTION_KINDS.map((kind) => [kind, choice])),
  }),
])

export const AcknowledgeSchema = z.object({ intent: z.literal('seen'), key: z.string().min(3).max(200) })
