import type { ColumnType } from 'kysely'
import type { HealthOverrides } from '~/models/sponsor/health-config'

// Tables of the sponsor's view (migration 2026_11_27_1810_create_health_settings).

export interface HealthSettingsTable {
  program_id: string
  /** jsonb: insert JSON.stringify(value). */
  overrides: ColumnType<HealthOverrides, string | undefined, string>
  updated_by: string | null
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface SponsorTables {
  health_settings: HealthSettingsTable
}
