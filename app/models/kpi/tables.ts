import type { ColumnType, Generated, Selectable } from 'kysely'

// Tables of the KPI-trees capability (db/migrations/2026_11_27_1720_create_kpis.ts).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** A `date` column: 'YYYY-MM-DD' both ways. */
type DateString = string

export type KpiKind = 'leading' | 'lagging'
export type KpiCategory = 'adoption' | 'customer_value' | 'user_value' | 'financial' | 'delivery'
export type KpiDirection = 'higher' | 'lower'
export type KpiCadence = 'daily' | 'weekly' | 'monthly'
export type KpiRollup = 'none' | 'sum' | 'average' | 'weighted_average' | 'min' | 'max'
/** A KPI's status as stored: staleness is decided when read, from `state_stale_after`. */
export type KpiStateStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'no_data'
export type MeasurementSource = 'form' | 'csv' | 'api' | 'seed'

export interface KpisTable {
  id: Generated<string>
  program_id: string
  /** Null: a program-level KPI. */
  initiative_id: string | null
  parent_id: string | null
  /** Slug, unique in the program. */
  key: string
  name_en: string
  name_zh_tw: string
  description: Generated<string>
  kind: KpiKind
  category: KpiCategory
  unit: Generated<string>
  direction: KpiDirection
  cadence: KpiCadence
  owner_id: string | null
  baseline_value: number | null
  baseline_date: DateString | null
  /** The valid range of its values (migration 2026_12_04_1610); null: open on that side. */
  min_value: number | null
  max_value: number | null
  tolerance_pct: Generated<number>
  /** How this KPI's value is derived from its children; 'none' = measured directly. */
  rollup: Generated<KpiRollup>
  rollup_weight: Generated<number>
  grace_days: Generated<number>
  /** Cache of the newest measurement, maintained with every measurement write. */
  last_period_end: DateString | null
  last_value: number | null
  /**
   * The current state (app/models/kpi/state.server.ts): null status = invalidated by a trigger, to be
   * recomputed before use. Status here is without staleness, which `state_stale_after` decides.
   */
  state_status: KpiStateStatus | null
  state_period_end: DateString | null
  state_value: number | null
  state_stale_after: DateString | null
  state_epoch: Generated<number>
  created_by: string | null
  archived_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface KpiTargetsTable {
  kpi_id: string
  period_end: DateString
  value: number
}

export interface KpiDriverLinksTable {
  id: Generated<string>
  leading_kpi_id: string
  lagging_kpi_id: string
  /** Expected lag of the lagging KPI behind the leading one, in the lagging KPI's periods. */
  expected_lag: Generated<number>
  created_by: string | null
  created_at: CreatedAt
}

export interface KpiMeasurementsTable {
  kpi_id: string
  period_end: DateString
  value: number
  confidence: number | null
  note: Generated<string>
  source: MeasurementSource
  recorded_by: string | null
  api_key_id: string | null
  recorded_at: Timestamp
}

export interface KpiMeasurementRevisionsTable {
  id: Generated<number>
  kpi_id: string
  period_end: DateString
  /** Null when the period had no value before this write. */
  old_value: number | null
  new_value: number
  old_note: string | null
  new_note: Generated<string>
  confidence: number | null
  source: MeasurementSource
  changed_by: string | null
  changed_by_label: string
  api_key_id: string | null
  changed_at: CreatedAt
}

export interface KpiTables {
  kpis: KpisTable
  kpi_targets: KpiTargetsTable
  kpi_driver_links: KpiDriverLinksTable
  kpi_measurements: KpiMeasurementsTable
  kpi_measurement_revisions: KpiMeasurementRevisionsTable
}

export type Kpi = Selectable<KpisTable>
export type KpiMeasurement = Selectable<KpiMeasurementsTable>
