import { sql, type Kysely } from 'kysely'

// Rep-data privacy: raw recommendation events and per-rep activity days are kept for a program setting
// (months, default 25), then purged; the recommendation states and funnel rollups stay, so the funnel's
// aggregates do not change. Each purge is recorded in the audit log.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('programs')
    .addColumn('data_retention_months', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(25)
        .check(sql`data_retention_months between 1 and 120`),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programs').dropColumn('data_retention_months').execute()
}
