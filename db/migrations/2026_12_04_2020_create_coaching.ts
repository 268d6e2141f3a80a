import { sql, type Kysely } from 'kysely'

// Frontline managers as change allies: the coaching actions a manager logs for a rep, and the days each
// user opened the coaching view (the checklist's frontline-manager item counts managers who use it).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coaching_actions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seller_id', 'text', (col) => col.notNull())
    .addColumn('manager_user_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('conversation', 'ride_along', 'training_assigned')`),
    )
    .addColumn('done_on', 'date', (col) => col.notNull())
    .addColumn('note', 'text', (col) =>
      col
        .notNull()
        .defaultTo('')
        .check(sql`length(note) <= 2000`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('coaching_actions_seller_idx')
    .on('coaching_actions')
    .columns(['seller_id', 'done_on'])
    .execute()
  await db.schema
    .createTable('coaching_view_visits')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'date', (col) => col.notNull())
    .addPrimaryKeyConstraint('coaching_view_visits_pkey', ['user_id', 'day'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coaching_view_visits').execute()
  await db.schema.dropTable('coaching_actions').execute()
}
