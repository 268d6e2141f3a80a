import { sql, type Kysely } from 'kysely'

// The attention area: what needs whom is computed from each area's data (nothing stored), except what
// only a person can say — that they have seen an informational item (acknowledgements) and how they
// want to hear about each kind (preferences). The outbox holds every message to deliver, written in the
// transaction of the change that causes it, keyed so a message is enqueued and delivered once.
// The existing `notifications` table (the in-app history) moves to this area unchanged.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attention_acknowledgements')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attention_acknowledgements_pkey', ['user_id', 'item_key'])
    .execute()
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) =>
      col.notNull().check(sql`channel in ('in_app', 'email', 'chat', 'digest', 'off')`),
    )
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['user_id', 'kind'])
    .execute()
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'teams', 'slack')`))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('program_id', 'uuid', (col) => col.references('programs.id').onDelete('cascade'))
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('payload', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'sent', 'kept', 'dead')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('outbox_messages_due_idx')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute()
  await db.schema
    .createTable('program_webhooks')
    .addColumn('program_id', 'uuid', (col) => col.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('teams_url', 'text')
    .addColumn('slack_url', 'text')
    .addColumn('updated_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_webhooks').execute()
  await db.schema.dropTable('outbox_messages').execute()
  await db.schema.dropTable('notification_preferences').execute()
  await db.schema.dropTable('attention_acknowledgements').execute()
}
