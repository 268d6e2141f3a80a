import { sql, type Kysely } from 'kysely'

// A sprint start or a governance due date further than this many days from the program's today is
// most likely a typo (2020 for 2026, 1999): the form asks to confirm it. One year by default.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('programs')
    .addColumn('date_window_days', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(365)
        .check(sql`date_window_days between 1 and 3650`),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programs').dropColumn('date_window_days').execute()
}
