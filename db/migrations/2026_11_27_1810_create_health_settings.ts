import { sql, type Kysely } from 'kysely'

// Per-program overrides of the failure-mode health weights, thresholds and bands (the defaults live in
// app/models/sponsor/health-config.ts). `overrides` holds only what differs: { inputs: { key: rule }, bands }.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_settings')
    .addColumn('program_id', 'uuid', (col) => col.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('overrides', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('health_settings').execute()
}
