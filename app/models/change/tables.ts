import type { ColumnType, Generated } from 'kysely'

// Tables of the change-management area (migration 2026_12_04_2020_create_coaching): frontline managers'
// coaching of their reps.

export type CoachingKind = 'conversation' | 'ride_along' | 'training_assigned'

export interface CoachingActionsTable {
  id: Generated<string>
  /** The roster's seller_id (the CSV key), as recommendation events carry it. */
  seller_id: string
  manager_user_id: string | null
  kind: CoachingKind
  done_on: string
  note: Generated<string>
  created_at: ColumnType<Date, Date | string | undefined, never>
}

export interface CoachingViewVisitsTable {
  user_id: string
  day: string
}

/** A variable-pay component: its weight in the target variable pay (%) and its monthly quota. */
export type PayComponent = {
  name: string
  weight_before: number
  weight_after: number
  quota_before: number
  quota_after: number
}
/** A roster segment's monthly pay assumptions: base, target variable pay, expected volume per component. */
export type PaySegment = { segment: string; base_pay: number; target_variable: number; volumes: number[] }
export type PayPlanStatus = 'draft' | 'submitted' | 'approved' | 'changes_requested' | 'rejected'
export type TransitionKind = 'guarantee' | 'blend'

// Migration 2026_12_05_2050_create_pay_plans.
export interface PayPlansTable {
  id: Generated<string>
  initiative_id: string
  effective_from: string
  transition_kind: TransitionKind
  transition_months: number
  loss_threshold_pct: number
  components: ColumnType<PayComponent[], string, string>
  segments: ColumnType<PaySegment[], string, string>
  status: Generated<PayPlanStatus>
  version: Generated<number>
  author_id: string | null
  submitted_at: Date | null
  decided_by: string | null
  decided_at: Date | null
  decision_note: Generated<string>
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export type TrainingKind = 'course' | 'microlearning'
export type CompletionSource = 'csv' | 'api' | 'manual'

/** Migration 2026_12_05_2000_create_training: an initiative's training modules. */
export interface TrainingModulesTable {
  id: Generated<string>
  initiative_id: string
  /** Unique across the portal: the CSV and the API name a module by it. */
  key: string
  title: string
  kind: TrainingKind
  created_at: ColumnType<Date, Date | string | undefined, never>
}

export interface TrainingCompletionsTable {
  module_id: string
  seller_id: string
  completed_on: string
  source: CompletionSource
  created_at: ColumnType<Date, Date | string | undefined, never>
}

/** Per program: the thresholds (whole percent) the training and frontline-manager items are judged by. */
export interface ChangeSettingsTable {
  program_id: string
  training_threshold_pct: Generated<number>
  managers_threshold_pct: Generated<number>
  updated_at: Generated<Date>
}

export interface ChangeTables {
  coaching_actions: CoachingActionsTable
  coaching_view_visits: CoachingViewVisitsTable
  pay_plans: PayPlansTable
  training_modules: TrainingModulesTable
  training_completions: TrainingCompletionsTable
  change_settings: ChangeSettingsTable
}
