// The recommendation funnel's stages, in funnel order: what each recommendation's state counts, what the
// daily rollups store (one column each), and what the funnel page and table show. The one list; the
// rollup's columns, the figures' keys and the table's columns all derive from it.
export const FUNNEL_STAGES = [
  'generated',
  'shown',
  'viewed',
  'accepted',
  'rejected',
  'actioned',
  'opportunities',
  'won',
] as const
export type FunnelStage = (typeof FUNNEL_STAGES)[number]

/**
 * Which recommendations each stage counts, as a condition on a recommendation_states row (null: every
 * recommendation); the live funnel and the rollups both count by it.
 */
export const FUNNEL_STAGE_CONDITIONS: Record<FunnelStage, string | null> = {
  generated: null,
  shown: 'shown',
  viewed: 'viewed',
  accepted: "decision = 'accepted'",
  rejected: "decision = 'rejected'",
  actioned: 'actioned',
  opportunities: 'opportunity',
  won: 'won',
}
