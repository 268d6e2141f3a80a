import { sql, type Kysely } from 'kysely'

// The attention scheduler's memory. Conditions are still derived, never stored; what is stored is what
// the scheduler did about them, so that a restart or a second app server does it once: which items it
// has announced (sightings), which reminder stages it has sent (reminders), each person's digest and
// quiet hours (notification_settings) and the sponsors' report subscriptions. An outbox message may
// carry an attachment to render when it is sent (a report as PDF), not when it is queued.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attention_sightings')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('first_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attention_sightings_pkey', ['user_id', 'item_key'])
    .execute()
  await db.schema
    .createTable('attention_reminders')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull().check(sql`stage in ('7d', '1d', 'due', 'overdue')`))
    .addColumn('sent_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attention_reminders_pkey', ['user_id', 'item_key', 'stage'])
    .execute()
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'uuid', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('digest', 'text', (col) =>
      col
        .notNull()
        .defaultTo('weekly')
        .check(sql`digest in ('off', 'daily', 'weekly')`),
    )
    .addColumn('digest_hour', 'smallint', (col) =>
      col
        .notNull()
        .defaultTo(8)
        .check(sql`digest_hour between 0 and 23`),
    )
    .addColumn('quiet_from', 'smallint', (col) => col.check(sql`quiet_from between 0 and 23`))
    .addColumn('quiet_to', 'smallint', (col) => col.check(sql`quiet_to between 0 and 23`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createTable('report_subscriptions')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('report', 'text', (col) => col.notNull().check(sql`report in ('period_report', 'board_pack')`))
    .addColumn('frequency', 'text', (col) => col.notNull().check(sql`frequency in ('weekly', 'monthly')`))
    .addColumn('program_id', 'uuid', (col) => col.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_subscriptions_pkey', ['user_id', 'report', 'program_id'])
    .execute()
  await db.schema.alterTable('outbox_messages').addColumn('attachment', 'jsonb').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').dropColumn('attachment').execute()
  await db.schema.dropTable('report_subscriptions').execute()
  await db.schema.dropTable('notification_settings').execute()
  await db.schema.dropTable('attention_reminders').execute()
  await db.schema.dropTable('attention_sightings').execute()
}
