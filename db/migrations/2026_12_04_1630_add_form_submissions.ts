import { sql, type Kysely } from 'kysely'

// A double-posted form saves once: each rendered form carries a random key, and the first post with a
// key claims it here (unique per user, key and form) before writing; a second post with the same key
// finds the claim and answers the first post's result (where it sent the browser) without writing.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('form_submissions')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('form', 'text', (col) => col.notNull())
    .addColumn('form_key', 'uuid', (col) => col.notNull())
    // Null while the first post is still being saved.
    .addColumn('location', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('form_submissions_pkey', ['user_id', 'form', 'form_key'])
    .execute()
  await db.schema
    .createIndex('form_submissions_created_idx')
    .on('form_submissions')
    .column('created_at')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_submissions').execute()
}
