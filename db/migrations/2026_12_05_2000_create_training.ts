import { sql, type Kysely } from 'kysely'

// Training tracked against adoption: an initiative's training modules (courses and microlearning items
// delivered in the workflow), each rep's completion of a module (once: a resend is a duplicate), and
// the thresholds a program judges its change-management checklist items by.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_modules')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (col) =>
      col
        .notNull()
        .unique()
        .check(sql`key ~ '^[a-z0-9][a-z0-9-]{0,63}$'`),
    )
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('course', 'microlearning')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createTable('training_completions')
    .addColumn('module_id', 'uuid', (col) =>
      col.notNull().references('training_modules.id').onDelete('cascade'),
    )
    /** The roster's seller_id (the CSV key), as recommendation events carry it. */
    .addColumn('seller_id', 'text', (col) => col.notNull())
    .addColumn('completed_on', 'date', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('csv', 'api', 'manual')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('training_completions_pkey', ['module_id', 'seller_id'])
    .execute()
  await db.schema
    .createTable('change_settings')
    .addColumn('program_id', 'uuid', (col) => col.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('training_threshold_pct', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(80)
        .check(sql`training_threshold_pct between 0 and 100`),
    )
    .addColumn('managers_threshold_pct', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(80)
        .check(sql`managers_threshold_pct between 0 and 100`),
    )
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_settings').execute()
  await db.schema.dropTable('training_completions').execute()
  await db.schema.dropTable('training_modules').execute()
}
