import { sql, type Kysely } from 'kysely'

// Roster imports become versions: a preview is stored as a pending import (the file it was made from
// and the hash of the diff it showed), so the confirm step can only write that file and that diff; an
// applied import keeps the before-image of every seller row it changed (the whole row as jsonb, so
// timestamps keep their microseconds) and the EET stints it ended, so that undo restores them exactly.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roster_imports')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'applied', 'undone')`),
    )
    .addColumn('actor_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('mode', 'text', (col) => col.notNull())
    .addColumn('full_roster', 'boolean', (col) => col.notNull())
    .addColumn('file_sha256', 'text', (col) => col.notNull())
    .addColumn('diff_sha256', 'text', (col) => col.notNull())
    // The file is kept only while the import is pending.
    .addColumn('file_text', 'text')
    .addColumn('summary', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('applied_at', 'timestamptz')
    .addColumn('undone_at', 'timestamptz')
    .addColumn('undone_by', 'text')
    .execute()
  await db.schema
    .createIndex('roster_imports_status_idx')
    .on('roster_imports')
    .columns(['status', 'created_at'])
    .execute()
  await db.schema
    .createTable('roster_import_sellers')
    .addColumn('import_id', 'uuid', (col) =>
      col.notNull().references('roster_imports.id').onDelete('cascade'),
    )
    .addColumn('seller_pk', 'uuid', (col) => col.notNull())
    .addColumn('change', 'text', (col) => col.notNull().check(sql`change in ('created', 'updated', 'left')`))
    // null for a rep the import created (undo removes the row).
    .addColumn('before', 'jsonb')
    .addPrimaryKeyConstraint('roster_import_sellers_pk', ['import_id', 'seller_pk'])
    .execute()
  await db.schema
    .createTable('roster_import_stints')
    .addColumn('import_id', 'uuid', (col) =>
      col.notNull().references('roster_imports.id').onDelete('cascade'),
    )
    .addColumn('eet_member_id', 'uuid', (col) => col.notNull())
    .addColumn('before', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('roster_import_stints_pk', ['import_id', 'eet_member_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roster_import_stints').execute()
  await db.schema.dropTable('roster_import_sellers').execute()
  await db.schema.dropTable('roster_imports').execute()
}
