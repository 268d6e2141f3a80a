import { sql, type Kysely } from 'kysely'

// A KPI may declare the range its values can take (min_value, max_value; either may be open). Values
// outside it are refused by every channel (check-in, CSV, API). A KPI whose unit is a percentage and
// which declares no range is checked against 0–100 (app/models/kpi/range.ts), so nothing is stored here
// for it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('kpis')
    .addColumn('min_value', 'numeric')
    .addColumn('max_value', 'numeric')
    .execute()
  await sql`alter table kpis add constraint kpis_range check (min_value is null or max_value is null or min_value <= max_value)`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table kpis drop constraint kpis_range`.execute(db)
  await db.schema.alterTable('kpis').dropColumn('min_value').dropColumn('max_value').execute()
}
