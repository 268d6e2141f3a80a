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
  training_modules: TrainingModulesTable
  training_completions: TrainingCompletionsTable
  change_settings: ChangeSettingsTable
}
