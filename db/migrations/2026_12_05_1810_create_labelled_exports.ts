import { sql, type Kysely } from 'kysely'

// The labelled data for retraining: each export of decided recommendations gets an id (its range, when
// it was taken, how many rows it had), and the recommendation tool reports which model version it
// trained on which export, so the evidence page can say what each model learned from.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('labelled_exports')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('range_from', 'date', (col) => col.notNull())
    .addColumn('range_to', 'date', (col) => col.notNull())
    .addColumn('rows', 'integer', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('api', 'csv')`))
    .addColumn('api_key_id', 'uuid', (col) => col.references('api_keys.id').onDelete('set null'))
    .addColumn('user_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createTable('model_trainings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('model_version', 'text', (col) =>
      col.notNull().check(sql`length(model_version) between 1 and 120`),
    )
    .addColumn('export_id', 'uuid', (col) =>
      col.notNull().references('labelled_exports.id').onDelete('cascade'),
    )
    .addColumn('api_key_id', 'uuid', (col) => col.references('api_keys.id').onDelete('set null'))
    .addColumn('reported_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('model_trainings_version_export_key', ['model_version', 'export_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('model_trainings').execute()
  await db.schema.dropTable('labelled_exports').execute()
}
