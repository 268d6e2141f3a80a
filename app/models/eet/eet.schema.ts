import { z } from 'zod'
import { fields } from '~/utils/forms'
import { TECH_AFFINITIES } from './roster.schema'

// Forms of the EET page (members, releases) and of pilot feedback (submit, triage, merge).

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item))

export const EetAddSchema = z.object({
  intent: z.literal('add'),
  seller_ids: oneOrMany(z.uuid('errors.invalidChoice')).pipe(
    z.array(z.string()).min(1, 'eet.members.pickOne').max(200),
  ),
  joined_on: fields.isoDate(),
})

export const EetLeaveSchema = z.object({
  intent: z.literal('leave'),
  member_id: z.uuid('errors.invalidChoice'),
  left_on: fields.isoDate(),
})

/** The toast's undo of an ended membership: the same stint, open again. */
export const EetReinstateSchema = z.object({
  intent: z.literal('reinstate'),
  member_id: z.uuid('errors.invalidChoice'),
})

export const ReleaseSchema = z.object({
  intent: z.literal('release'),
  version: fields.text(40),
  released_on: fields.isoDate(),
  notes: fields.optionalText(500),
})
export type ReleaseInput = Omit<z.output<typeof ReleaseSchema>, 'intent'>

export const EetCandidateFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  region: z.string().trim().max(80).optional().catch(undefined),
  segment: z.string().trim().max(80).optional().catch(undefined),
  affinity: z.enum(TECH_AFFINITIES).optional().catch(undefined),
})
export type EetCandidateFilter = z.output<typeof EetCandidateFilterSchema>

export const FEEDBACK_KINDS = ['bug', 'idea', 'usability', 'recommendation_quality', 'training_need'] as const
export const FEEDBACK_STATUSES = ['new', 'under_review', 'planned', 'shipped', 'declined'] as const
export type FeedbackStatusName = (typeof FEEDBACK_STATUSES)[number]

/** Which status may follow which: the triage flow of the issue (declining is possible until shipped). */
export const NEXT_STATUSES: Record<FeedbackStatusName, readonly FeedbackStatusName[]> = {
  new: ['under_review', 'planned', 'declined'],
  under_review: ['planned', 'declined'],
  planned: ['shipped', 'under_review', 'declined'],
  shipped: [],
  declined: ['under_review'],
}

const score = (min: number, max: number) =>
  z.coerce
    .number('errors.required')
    .int('errors.invalid')
    .min(min, 'errors.tooSmall')
    .max(max, 'errors.tooBig')

export const FeedbackSchema = z.object({
  release: fields.text(40),
  kind: z.enum(FEEDBACK_KINDS, 'errors.invalidChoice'),
  usefulness: score(1, 5),
  ease: score(1, 5),
  recommend: score(0, 10),
  title: fields.text(140),
  body: fields.optionalText(4000),
})
export type FeedbackInput = z.output<typeof FeedbackSchema>

export const TriageSchema = z
  .object({
    intent: z.literal('status'),
    status: z.enum(FEEDBACK_STATUSES, 'errors.invalidChoice'),
    decline_reason: fields.optionalText(1000),
    note: fields.optionalText(1000),
    /** When planned: the backlog item (agile delivery) that will carry it. */
    backlog_item_id: z.uuid('errors.invalidChoice').optional(),
  })
  .refine((value) => value.status !== 'declined' || value.decline_reason.length > 0, {
    message: 'eet.feedback.reasonRequired',
    path: ['decline_reason'],
  })
export type TriageInput = z.output<typeof TriageSchema>

export const MergeSchema = z.object({
  intent: z.literal('merge'),
  target_id: z.uuid('errors.invalidChoice'),
})

/** The vote button: it carries its intent only. */
export const VoteSchema = z.object({ intent: z.enum(['vote', 'unvote']) })

export const FeedbackFilterSchema = z.object({
  status: z.enum(FEEDBACK_STATUSES).optional().catch(undefined),
  kind: z.enum(FEEDBACK_KINDS).optional().catch(undefined),
  release: z.string().trim().max(40).optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
})
export type FeedbackFilter = z.output<typeof FeedbackFilterSchema>
/** The orders the feedback list offers (app/models/eet/feedback.server.ts sorts by them in SQL). */
export const FEEDBACK_SORTS = ['created', 'votes', 'usefulness', 'title', 'status', 'kind'] as const

export function isFeedbackStatus(value: unknown): value is FeedbackStatusName {
  return typeof value === 'string' && (FEEDBACK_STATUSES as readonly string[]).includes(value)
}

export function isFeedbackKind(value: unknown): value is (typeof FEEDBACK_KINDS)[number] {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value)
}
