// The kinds of things that need a person (browser-safe: the pages render them). Each kind has a
// message (attention.kind.<kind>), what ends it (attention.until.<kind>) and how urgent it is.

export const ATTENTION_KINDS = [
  'case.submitted',
  'case.changes_requested',
  'case.decided',
  'gate.requested',
  'gate.decided',
  'kpi.stale',
  'kpi.off_track',
  'kpi.checkin_due',
  'cycle.phase_warning',
  'cycle.phase_overrun',
  'sprint.ending',
  'sprint.slipped',
  'feedback.untriaged',
  'feedback.status',
  'eet.inactive',
  'initiative.failure_mode',
  'governance.review_due',
] as const
export type AttentionKind = (typeof ATTENTION_KINDS)[number]

/** How a person hears about a kind (notification_preferences.channel). */
export const DELIVERY_CHOICES = ['in_app', 'email', 'chat', 'digest', 'off'] as const

/** Overdue first, then due now, due soon, and things to know. */
export const URGENCIES = ['overdue', 'due', 'soon', 'info'] as const
export type Urgency = (typeof URGENCIES)[number]

/**
 * Informational kinds hold until the person marks them seen (or INFO_DAYS pass); the others hold until
 * the situation changes (a case decided, a KPI measured…), so acting on them is what removes them.
 */
export const ACKNOWLEDGED_KINDS: ReadonlySet<AttentionKind> = new Set([
  'case.decided',
  'gate.decided',
  'sprint.slipped',
  'feedback.status',
  'eet.inactive',
])
export const INFO_DAYS = 14
/** Feedback still new after this many days needs triage. */
export const TRIAGE_DAYS = 5
/** An EET member with no feedback or vote in this many days is inactive. */
export const INACTIVE_DAYS = 14
/** A governance review shows this many days before it is due. */
export const REVIEW_LEAD_DAYS = 7
/** A decision waiting longer than this many days is overdue. */
export const DECISION_DAYS = 7

export type AttentionVars = Record<string, string | number>

export type AttentionItem = {
  /** Stable: the same condition keeps its key while it holds. */
  key: string
  kind: AttentionKind
  userId: string
  programId: string | null
  initiativeId: string | null
  urgency: Urgency
  /** When the condition became true. */
  since: Date
  /** The day it is due (in the program's zone), when it has one. */
  dueOn: string | null
  /** The page where the action is: one click away. */
  link: string
  vars: AttentionVars
}

export function acknowledgeable(kind: AttentionKind) {
  return ACKNOWLEDGED_KINDS.has(kind)
}

export function byUrgency(a: AttentionItem, b: AttentionItem) {
  const rank = URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency)
  if (rank) return rank
  if (a.dueOn !== b.dueOn) return (a.dueOn ?? '9999') < (b.dueOn ?? '9999') ? -1 : 1
  return a.since.getTime() - b.since.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}
