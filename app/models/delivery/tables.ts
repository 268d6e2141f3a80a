import type { ColumnType, Generated } from 'kysely'

// Tables of the delivery area (migration 2026_11_27_1750_create_delivery).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateString = string

export type DeliveryPhase = 'frame' | 'design' | 'pilot'
export type PilotDecision = 'scale' | 'iterate' | 'stop'
export type SprintStatus = 'planning' | 'active' | 'closed'
export type BacklogItemType = 'story' | 'bug' | 'experiment' | 'chore'
export type BacklogItemStatus = 'todo' | 'done' | 'cancelled'
export type PlanChange = 'added' | 'removed' | 'carried'

export interface DeliverySettingsTable {
  program_id: string
  frame_hours: Generated<number>
  design_working_days: Generated<number>
  pilot_weeks: Generated<number>
  sprint_length_days: Generated<number>
  updated_by: string | null
  updated_at: Timestamp
}

export interface DeliveryCyclesTable {
  id: Generated<string>
  initiative_id: string
  number: number
  started_on: DateString
  closed_on: DateString | null
  created_at: CreatedAt
}

export interface DeliveryPhasesTable {
  id: Generated<string>
  cycle_id: string
  phase: DeliveryPhase
  budget: number
  started_on: DateString
  closed_on: DateString | null
  outcome: string | null
  decision: PilotDecision | null
}

export interface DeliveryTimeEntriesTable {
  id: Generated<string>
  phase_id: string
  worked_on: DateString
  hours: number
  note: Generated<string>
  created_by: string | null
  created_at: CreatedAt
}

export interface DeliveryPausesTable {
  id: Generated<string>
  phase_id: string
  from_date: DateString
  to_date: DateString | null
  reason: string
  created_by: string | null
  created_at: CreatedAt
}

/** The frozen figures of a closed sprint (see app/models/delivery/burndown.ts). */
export type SprintSnapshot = {
  figures: {
    committed: number
    added: number
    removed: number
    cancelled: number
    completed: number
    completedCommitted: number
    cancelledCommitted: number
    carried: number
    carriedItems: string[]
    velocity: number
    predictability: number | null
  }
  burndown: {
    days: string[]
    ideal: number[]
    remaining: (number | null)[]
    scope: number[]
    scopeChanges: {
      date: string
      itemId: string
      title?: string
      kind: 'added' | 'removed' | 'cancelled'
      points: number
    }[]
  }
  carriedTo: 'next' | 'backlog' | null
}

export interface SprintsTable {
  id: Generated<string>
  initiative_id: string
  number: number
  goal: Generated<string>
  start_date: DateString
  end_date: DateString
  status: Generated<SprintStatus>
  started_at: Date | null
  closed_at: Date | null
  snapshot: ColumnType<SprintSnapshot | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface BacklogItemsTable {
  id: Generated<string>
  initiative_id: string
  title: string
  type: BacklogItemType
  estimate: number
  status: Generated<BacklogItemStatus>
  sprint_id: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface BacklogItemFeedbackTable {
  backlog_item_id: string
  feedback_id: string
  created_at: CreatedAt
}

export interface SprintItemsTable {
  sprint_id: string
  backlog_item_id: string
  points: number
  committed: boolean
  added_on: DateString | null
  done_on: DateString | null
  removed_on: DateString | null
  cancelled_on: DateString | null
  change_reason: string | null
  carried_over: Generated<boolean>
}

export interface SprintPlanChangesTable {
  id: Generated<string>
  sprint_id: string
  backlog_item_id: string
  change: PlanChange
  reason: Generated<string>
  feedback_id: string | null
  created_by: string | null
  created_at: CreatedAt
}

export interface DeliveryTables {
  delivery_settings: DeliverySettingsTable
  delivery_cycles: DeliveryCyclesTable
  delivery_phases: DeliveryPhasesTable
  delivery_time_entries: DeliveryTimeEntriesTable
  delivery_pauses: DeliveryPausesTable
  sprints: SprintsTable
  backlog_items: BacklogItemsTable
  backlog_item_feedback: BacklogItemFeedbackTable
  sprint_items: SprintItemsTable
  sprint_plan_changes: SprintPlanChangesTable
}
