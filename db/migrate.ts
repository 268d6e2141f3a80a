import type { Kysely } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import * as m20261127_1700 from './migrations/2026_11_27_1700_create_foundation'
import * as m20261127_1710 from './migrations/2026_11_27_1710_create_api_keys_and_sellers'
import * as m20261127_1720 from './migrations/2026_11_27_1720_create_kpis'
import * as m20261127_1730 from './migrations/2026_11_27_1730_create_accountability'
import * as m20261127_1740 from './migrations/2026_11_27_1740_create_eet_feedback'
import * as m20261127_1750 from './migrations/2026_11_27_1750_create_delivery'
import * as m20261127_1800 from './migrations/2026_11_27_1800_create_recommendation_events'
import * as m20261127_1810 from './migrations/2026_11_27_1810_create_health_settings'
import * as m20261127_1820 from './migrations/2026_11_27_1820_add_kpi_state'
import * as m20261127_1830 from './migrations/2026_11_27_1830_add_roster_version'
import * as m20261127_1840 from './migrations/2026_11_27_1840_drop_unused_event_indexes'
import * as m20261127_1850 from './migrations/2026_11_27_1850_add_weekly_funnel_rollups'
import * as m20261127_1860 from './migrations/2026_11_27_1860_add_event_batches'
import * as m20261127_1870 from './migrations/2026_11_27_1870_binary_collation_for_ids'
import * as m20261127_1880 from './migrations/2026_11_27_1880_add_activity_days'
import * as m20261204_1600 from './migrations/2026_12_04_1600_add_roster_versions'
import * as m20261204_1610 from './migrations/2026_12_04_1610_add_kpi_ranges'
import * as m20261204_1630 from './migrations/2026_12_04_1630_add_form_submissions'
import * as m20261204_1635 from './migrations/2026_12_04_1635_judge_gates_from_data'
import * as m20261204_1640 from './migrations/2026_12_04_1640_add_program_date_window'
import * as m20261204_1800 from './migrations/2026_12_04_1800_widen_discount_rate'
import * as m20261204_1900 from './migrations/2026_12_04_1900_create_attention'
import * as m20261204_2000 from './migrations/2026_12_04_2000_add_manager_role'
import * as m20261204_2010 from './migrations/2026_12_04_2010_add_data_retention'
import * as m20261204_2020 from './migrations/2026_12_04_2020_create_coaching'
import * as m20261205_1700 from './migrations/2026_12_05_1700_add_oidc_sign_in'
import * as m20261205_1750 from './migrations/2026_12_05_1750_hash_sessions_add_mfa'
import * as m20261205_1800 from './migrations/2026_12_05_1800_add_proven_assumption'
import * as m20261205_1810 from './migrations/2026_12_05_1810_create_labelled_exports'
import * as m20261205_1900 from './migrations/2026_12_05_1900_add_attention_schedule'
import * as m20261205_2000 from './migrations/2026_12_05_2000_create_training'
import * as m20261205_2050 from './migrations/2026_12_05_2050_create_pay_plans'

// Every migration is listed here by its file name (tests/unit/db/migrations.test.ts checks the list
// against the folder), so the same list works under tsx, Vitest and the bundled server.
export const migrations: Record<string, Migration> = {
  '2026_11_27_1700_create_foundation': m20261127_1700,
  '2026_11_27_1710_create_api_keys_and_sellers': m20261127_1710,
  '2026_11_27_1720_create_kpis': m20261127_1720,
  '2026_11_27_1730_create_accountability': m20261127_1730,
  '2026_11_27_1740_create_eet_feedback': m20261127_1740,
  '2026_11_27_1750_create_delivery': m20261127_1750,
  '2026_11_27_1800_create_recommendation_events': m20261127_1800,
  '2026_11_27_1810_create_health_settings': m20261127_1810,
  '2026_11_27_1820_add_kpi_state': m20261127_1820,
  '2026_11_27_1830_add_roster_version': m20261127_1830,
  '2026_11_27_1840_drop_unused_event_indexes': m20261127_1840,
  '2026_11_27_1850_add_weekly_funnel_rollups': m20261127_1850,
  '2026_11_27_1860_add_event_batches': m20261127_1860,
  '2026_11_27_1870_binary_collation_for_ids': m20261127_1870,
  '2026_11_27_1880_add_activity_days': m20261127_1880,
  '2026_12_04_1600_add_roster_versions': m20261204_1600,
  '2026_12_04_1610_add_kpi_ranges': m20261204_1610,
  '2026_12_04_1630_add_form_submissions': m20261204_1630,
  '2026_12_04_1635_judge_gates_from_data': m20261204_1635,
  '2026_12_04_1640_add_program_date_window': m20261204_1640,
  '2026_12_04_1800_widen_discount_rate': m20261204_1800,
  '2026_12_04_1900_create_attention': m20261204_1900,
  '2026_12_04_2000_add_manager_role': m20261204_2000,
  '2026_12_04_2010_add_data_retention': m20261204_2010,
  '2026_12_04_2020_create_coaching': m20261204_2020,
  '2026_12_05_1700_add_oidc_sign_in': m20261205_1700,
  '2026_12_05_1750_hash_sessions_add_mfa': m20261205_1750,
  '2026_12_05_1800_add_proven_assumption': m20261205_1800,
  '2026_12_05_1810_create_labelled_exports': m20261205_1810,
  '2026_12_05_1900_add_attention_schedule': m20261205_1900,
  '2026_12_05_2000_create_training': m20261205_2000,
  '2026_12_05_2050_create_pay_plans': m20261205_2050,
}

function migrator(db: Kysely<any>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

export async function migrateToLatest(db: Kysely<any>) {
  const { error, results } = await migrator(db).migrateToLatest()
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
  return results ?? []
}

export async function pendingMigrations(db: Kysely<any>) {
  const all = await migrator(db).getMigrations()
  return all.filter((migration) => !migration.executedAt).map((migration) => migration.name)
}
