import type { ColumnType, Generated } from 'kysely'

// Tables of the EET area (migration 2026_11_27_1740_create_eet_feedback).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateString = string

export type FeedbackKind = 'bug' | 'idea' | 'usability' | 'recommendation_quality' | 'training_need'
export type FeedbackStatus = 'new' | 'under_review' | 'planned' | 'shipped' | 'declined'

export interface EetMembersTable {
  id: Generated<string>
  initiative_id: string
  /** sellers.id (the roster row), not the CSV's seller_id. */
  seller_id: string
  joined_on: DateString
  left_on: DateString | null
  added_by: string | null
  created_at: CreatedAt
}

export interface PilotReleasesTable {
  id: Generated<string>
  initiative_id: string
  version: string
  released_on: DateString
  notes: Generated<string>
  created_at: CreatedAt
}

export interface PilotFeedbackTable {
  id: Generated<string>
  initiative_id: string
  submitter_id: string | null
  release: string
  kind: FeedbackKind
  usefulness: number
  ease: number
  recommend: number
  title: string
  body: Generated<string>
  status: Generated<FeedbackStatus>
  decline_reason: string | null
  merged_into: string | null
  first_response_at: Date | null
  closed_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface PilotFeedbackVotesTable {
  feedback_id: string
  user_id: string
  created_at: CreatedAt
}

export interface PilotFeedbackEventsTable {
  id: Generated<number>
  feedback_id: string
  actor_id: string | null
  from_status: FeedbackStatus | null
  to_status: FeedbackStatus
  note: Generated<string>
  at: CreatedAt
}

export type RosterImportStatus = 'pending' | 'applied' | 'undone'

/** Migration 2026_12_04_1600_add_roster_versions: an import's preview, then its version (for undo). */
export interface RosterImportsTable {
  id: Generated<string>
  status: RosterImportStatus
  actor_id: string | null
  actor_label: string
  mode: string
  full_roster: boolean
  file_sha256: string
  diff_sha256: string
  file_text: string | null
  /** jsonb: insert JSON.stringify(value). */
  summary: ColumnType<Record<string, unknown>, string, string>
  created_at: CreatedAt
  applied_at: Date | null
  undone_at: Date | null
  undone_by: string | null
}

export interface RosterImportSellersTable {
  import_id: string
  seller_pk: string
  change: 'created' | 'updated' | 'left'
  /** The whole sellers row before the import (to_jsonb), null for a rep it created. */
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>
}

export interface RosterImportStintsTable {
  import_id: string
  eet_member_id: string
  before: ColumnType<Record<string, unknown>, string, string>
}

export interface EetTables {
  eet_members: EetMembersTable
  pilot_releases: PilotReleasesTable
  pilot_feedback: PilotFeedbackTable
  pilot_feedback_votes: PilotFeedbackVotesTable
  pilot_feedback_events: PilotFeedbackEventsTable
  roster_imports: RosterImportsTable
  roster_import_sellers: RosterImportSellersTable
  roster_import_stints: RosterImportStintsTable
}
