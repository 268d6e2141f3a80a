import { z } from 'zod'
import { fields } from '~/utils/forms'

// The article's five key actions, as the items of the sales-digitalization checklist.
export const CHECKLIST = [
  { action: 'leader', items: ['spanner', 'sponsor'] },
  { action: 'accountability', items: ['businessCase', 'kpis', 'governance'] },
  { action: 'team', items: ['teamCoverage'] },
  { action: 'agile', items: ['cadence'] },
  { action: 'change', items: ['eet', 'frontlineManagers', 'variablePay', 'training'] },
] as const
export type ChecklistAction = (typeof CHECKLIST)[number]['action']
export type ChecklistItemKey = (typeof CHECKLIST)[number]['items'][number]

/**
 * Items the data cannot tell: a person attests them, with a note and a link to the evidence. The
 * change-management items judged from data have their judge in app/models/change/checklist-*.server.ts.
 */
export const MANUAL_ITEMS = ['variablePay'] as const satisfies readonly ChecklistItemKey[]

const evidenceUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => /^https?:\/\/\S+$/i.test(value) || /^\/(?!\/)\S*$/.test(value),
    'accountability.errors.evidenceUrl',
  )
  .optional()

export const AttestationSchema = z.object({
  intent: z.literal('attest'),
  item: z.enum(MANUAL_ITEMS, 'errors.invalidChoice'),
  met: fields.checkbox(),
  note: fields.text(1000),
  evidence_url: evidenceUrl,
})
export type AttestationInput = z.output<typeof AttestationSchema>
