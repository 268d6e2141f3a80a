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

export interface ChangeTables {
  coaching_actions: CoachingActionsTable
  coaching_view_visits: CoachingViewVisitsTable
}
