import { z } from 'zod'
import { fields } from '~/utils/forms'

// A decision taken from a row of the approvals inbox (a business case or a stage gate).
export const ApprovalDecisionSchema = z
  .object({
    intent: z.enum(['decide-case', 'decide-gate']),
    initiativeId: z.uuid(),
    rowId: z.uuid(),
    decision: z.enum(['approved', 'changes_requested', 'rejected'], 'errors.invalidChoice'),
    note: fields.optionalText(2000),
    override_reason: fields.optionalText(2000),
  })
  .refine((value) => value.decision === 'approved' || value.note.length > 0, {
    message: 'accountability.errors.commentRequired',
    path: ['note'],
  })
