import { z } from 'zod'
import type { Stage } from '~/utils/db.types'
import { fields } from '~/utils/forms'

// Stage gates: the criteria a sponsor reviews before an initiative moves to its next stage.
export const STAGE_ORDER = [
  'frame',
  'design',
  'pilot',
  'scale',
  'sustain',
] as const satisfies readonly Stage[]

export const GATE_CRITERIA = {
  frame: [],
  design: ['problemDefined', 'sponsorAssigned', 'teamFormed'],
  pilot: ['caseApproved', 'kpisDefined', 'eetRecruited', 'mvpReady'],
  scale: ['pilotKpisMet', 'adoptionTarget', 'pilotDecision', 'frontlineManagers', 'supportReady'],
  sustain: ['valueTracked', 'ownershipHandedOver', 'variablePayPlan', 'feedbackLoop'],
} as const satisfies Record<Stage, readonly string[]>
export type GateCriterionKey = (typeof GATE_CRITERIA)[Stage][number]

export function nextStage(stage: Stage): Stage | null {
  const index = STAGE_ORDER.indexOf(stage)
  return STAGE_ORDER[index + 1] ?? null
}

const asArray = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

export const GateRequestSchema = z.object({
  intent: z.literal('request'),
  criteria: z.preprocess(asArray, z.array(z.string().max(40)).max(10)),
  /** The note that attests each ticked criterion, by criterion key. */
  notes: z.record(z.string().max(40), fields.optionalText(1000)).default({}),
  request_note: fields.optionalText(2000),
})

export const GATE_DECISIONS = ['approved', 'changes_requested', 'rejected'] as const

export const GateDecisionSchema = z
  .object({
    intent: z.literal('decide'),
    gate_id: z.uuid(),
    decision: z.enum(GATE_DECISIONS, 'errors.invalidChoice'),
    decision_date: fields.isoDate(),
    decision_notes: fields.optionalText(2000),
    /** Approving although a criterion is unmet: the sponsor says why (checked against the data on the server). */
    override_reason: fields.optionalText(2000),
  })
  .refine((value) => value.decision === 'approved' || value.decision_notes.length > 0, {
    message: 'accountability.errors.commentRequired',
    path: ['decision_notes'],
  })
