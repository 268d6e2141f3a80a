import { sql, type Kysely } from 'kysely'

// The early experience team (EET) per initiative, its pilot releases, pilot feedback with votes and a
// status history, and in-app notifications. Table and column names are relied on by other areas
// (delivery links backlog items to pilot_feedback.id; the sponsor's view reads feedback figures).

export async function up(db: Kysely<any>): Promise<void> {
  // Reps chosen from the roster for an initiative's EET. A rep may leave and rejoin: one row per stint.
  await db.schema
    .createTable('eet_members')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('seller_id', 'uuid', (col) => col.notNull().references('sellers.id'))
    .addColumn('joined_on', 'date', (col) => col.notNull())
    .addColumn('left_on', 'date')
    .addColumn('added_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('eet_members_dates', sql`left_on is null or left_on >= joined_on`)
    .execute()
  await db.schema
    .createIndex('eet_members_active_key')
    .on('eet_members')
    .columns(['initiative_id', 'seller_id'])
    .unique()
    .where(sql.ref('left_on'), 'is', null)
    .execute()
  await db.schema.createIndex('eet_members_seller_idx').on('eet_members').column('seller_id').execute()

  // The releases (versions) an EET pilots; the newest by released_on is the current one.
  await db.schema
    .createTable('pilot_releases')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('released_on', 'date', (col) => col.notNull())
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('pilot_releases_version_key', ['initiative_id', 'version'])
    .execute()

  await db.schema
    .createTable('pilot_feedback')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (col) =>
      col.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('submitter_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('release', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(sql`kind in ('bug', 'idea', 'usability', 'recommendation_quality', 'training_need')`),
    )
    .addColumn('usefulness', 'smallint', (col) => col.notNull().check(sql`usefulness between 1 and 5`))
    .addColumn('ease', 'smallint', (col) => col.notNull().check(sql`ease between 1 and 5`))
    .addColumn('recommend', 'smallint', (col) => col.notNull().check(sql`recommend between 0 and 10`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'under_review', 'planned', 'shipped', 'declined')`),
    )
    .addColumn('decline_reason', 'text')
    .addColumn('merged_into', 'uuid', (col) => col.references('pilot_feedback.id').onDelete('set null'))
    .addColumn('first_response_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'pilot_feedback_decline_reason',
      sql`status <> 'declined' or merged_into is not null or coalesce(decline_reason, '') <> ''`,
    )
    .execute()
  await db.schema
    .createIndex('pilot_feedback_initiative_idx')
    .on('pilot_feedback')
    .columns(['initiative_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('pilot_feedback_submitter_idx')
    .on('pilot_feedback')
    .column('submitter_id')
    .execute()
  await db.schema
    .createIndex('pilot_feedback_merged_idx')
    .on('pilot_feedback')
    .column('merged_into')
    .execute()

  await db.schema
    .createTable('pilot_feedback_votes')
    .addColumn('feedback_id', 'uuid', (col) =>
      col.notNull().references('pilot_feedback.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('pilot_feedback_votes_pkey', ['feedback_id', 'user_id'])
    .execute()

  // What happened to each item, in order: the submitter's view of the loop.
  await db.schema
    .createTable('pilot_feedback_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('feedback_id', 'uuid', (col) =>
      col.notNull().references('pilot_feedback.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('pilot_feedback_events_feedback_idx')
    .on('pilot_feedback_events')
    .column('feedback_id')
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'pilot_feedback_events',
    'pilot_feedback_votes',
    'pilot_feedback',
    'pilot_releases',
    'eet_members',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
