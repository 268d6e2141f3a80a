import type { ColumnType, Generated } from 'kysely'
import type { FunnelStage } from './funnel-stages'

// Tables of the recommendation analytics (migration 2026_11_27_1800_create_recommendation_events).

export type RecommendationEventType =
  | 'generated'
  | 'shown'
  | 'viewed'
  | 'accepted'
  | 'rejected'
  | 'actioned'
  | 'opportunity_created'
  | 'opportunity_won'
  | 'opportunity_lost'

export interface RecommendationEventsTable {
  event_id: string
  type: RecommendationEventType
  occurred_at: ColumnType<Date, Date | string, Date | string>
  recommendation_id: string
  seller_id: string
  recommendation_type: string | null
  model_version: string | null
  explanation: string | null
  account_id: string | null
  reason_code: string | null
  reason_text: string | null
  amount: ColumnType<number | null, number | string | null, number | string | null>
  currency: string | null
  received_at: Generated<Date>
}

export interface RecommendationStatesTable {
  recommendation_id: string
  seller_id: string
  generated_at: Date | null
  generated_event_id: string | null
  recommendation_type: string | null
  model_version: string | null
  has_explanation: Generated<boolean>
  shown: Generated<boolean>
  viewed: Generated<boolean>
  actioned: Generated<boolean>
  opportunity: Generated<boolean>
  won: Generated<boolean>
  decision: 'accepted' | 'rejected' | null
  decision_at: Date | null
  decision_event_id: string | null
  won_amounts: ColumnType<Record<string, number>, string | undefined, string>
}

type Counts = Record<FunnelStage, number>

/** 'day', or 'week' (day = the Monday it starts on, in the reporting zone). */
export type RollupGrain = 'day' | 'week'

export interface RecommendationFunnelDailyTable extends Counts {
  dimension: string
  grain: Generated<RollupGrain>
  day: string
  key: string
}

export interface RecommendationFunnelDailyAmountsTable {
  dimension: string
  grain: Generated<RollupGrain>
  day: string
  key: string
  currency: string
  amount: number
}

export interface RecommendationRollupMetaTable {
  id: Generated<boolean>
  timezone: string
  roster: string
  built_at: Generated<Date>
}

/** One row: bumped by a trigger on every write to `sellers` (migration 1830). */
export interface RosterVersionTable {
  id: Generated<boolean>
  version: Generated<number>
}

/** Newly stored events waiting for the projection, one row per ingest statement (migration 1860). */
export interface RecommendationEventBatchesTable {
  /** bigint identity: a number, as db.server.ts parses int8. */
  id: Generated<number>
  event_ids: string[]
  types: string[]
  occurred_at: Date[]
  recommendation_ids: string[]
  seller_ids: string[]
  recommendation_types: (string | null)[]
  model_versions: (string | null)[]
  has_explanation: boolean[]
  amounts: (number | null)[]
  currencies: (string | null)[]
}

/** One row per (reporting-zone day, rep) with activity; valid for the zone in the meta row (migration 1880). */
export interface RecommendationActivityDaysTable {
  day: string
  seller_id: string
}

export interface RecommendationActivityMetaTable {
  id: Generated<boolean>
  timezone: string
  built_at: Generated<Date>
}

/** One export of the labelled data for retraining (migration 2026_12_05_1810). */
export interface LabelledExportsTable {
  id: Generated<string>
  range_from: string
  range_to: string
  rows: number
  channel: 'api' | 'csv'
  api_key_id: string | null
  user_id: string | null
  created_at: Generated<Date>
}

/** The tool's report: model version X was trained on export Y. */
export interface ModelTrainingsTable {
  id: Generated<string>
  model_version: string
  export_id: string
  api_key_id: string | null
  reported_at: Generated<Date>
}

export interface RecommendationTables {
  labelled_exports: LabelledExportsTable
  model_trainings: ModelTrainingsTable
  recommendation_events: RecommendationEventsTable
  recommendation_states: RecommendationStatesTable
  recommendation_event_batches: RecommendationEventBatchesTable
  recommendation_activity_days: RecommendationActivityDaysTable
  recommendation_activity_meta: RecommendationActivityMetaTable
  recommendation_funnel_daily: RecommendationFunnelDailyTable
  recommendation_funnel_daily_amounts: RecommendationFunnelDailyAmountsTable
  recommendation_rollup_meta: RecommendationRollupMetaTable
  roster_version: RosterVersionTable
}
