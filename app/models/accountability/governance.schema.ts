import { z } from 'zod'
import type { GovernanceAction, OverlapKind } from '~/models/accountability/tables'
import { fields } from '~/utils/forms'

export const OVERLAP_KINDS = [
  'kpi',
  'segment',
  'system',
  'person',
  'other',
] as const satisfies readonly OverlapKind[]
export const GOVERNANCE_ACTIONS = [
  'share',
  'merge',
  'sequence',
  'none',
] as const satisfies readonly GovernanceAction[]

const asArray = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

export const ReviewSchema = z.object({
  intent: z.literal('review'),
  overlap_kind: z.enum(OVERLAP_KINDS, 'errors.invalidChoice'),
  subject: fields.text(200),
  initiative_ids: z.preprocess(asArray, z.array(z.uuid('errors.invalidChoice')).max(50)),
  action: z.enum(GOVERNANCE_ACTIONS, 'errors.invalidChoice'),
  decision: fields.text(2000),
  owner_id: z.uuid('errors.invalidChoice'),
  due_date: fields.isoDate(),
  /** Checked to keep a due date outside the program's date window. */
  confirm_far_date: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()).optional(),
})
export type ReviewInput = z.output<typeof ReviewSchema>

export const ReviewDoneSchema = z.object({ intent: z.literal('done'), review_id: z.uuid() })
