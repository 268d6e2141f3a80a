import { z } from 'zod'
import { ATTENTION_KINDS, DELIVERY_CHOICES } from './kinds'

// The notification centre's forms: read one, read all, open one; save the per-kind choices.

const choice = z.enum(DELIVERY_CHOICES).optional()
const hour = z.coerce.number().int().min(0).max(23)
/** An hour or '' (no quiet hours). */
const optionalHour = z.preprocess((value) => (value === '' ? null : value), hour.nullable().default(null))

export const NotificationsFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['read', 'open']), id: z.uuid() }),
  z.object({ intent: z.literal('read-all') }),
  z.object({
    intent: z.literal('preferences'),
    ...Object.fromEntries(ATTENTION_KINDS.map((kind) => [kind, choice])),
  }),
  z.object({
    intent: z.literal('schedule'),
    digest: z.enum(['off', 'daily', 'weekly']),
    digest_hour: hour,
    quiet_from: optionalHour,
    quiet_to: optionalHour,
  }),
  z.object({
    intent: z.literal('subscribe'),
    report: z.enum(['period_report', 'board_pack']),
    frequency: z.enum(['weekly', 'monthly']),
    program: z.uuid(),
  }),
  z.object({
    intent: z.literal('unsubscribe'),
    report: z.enum(['period_report', 'board_pack']),
    program: z.uuid(),
  }),
])

export const AcknowledgeSchema = z.object({ intent: z.literal('seen'), key: z.string().min(3).max(200) })
