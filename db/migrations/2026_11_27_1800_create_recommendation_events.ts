import { sql, type Kysely } from 'kysely'

// The recommendation tool's events. `recommendation_events` is the raw, append-only log (one row per
// event_id; a retry is ignored by the primary key). `recommendation_states` is one row per
// recommendation, merged at ingest in the same transaction as the events it summarises, so the funnel
// reads one row per recommendation instead of every event. The merge is commutative (flags OR'ed, the
// earliest `generated` and the latest decision win by (occurred_at, event_id), won amounts summed from
// newly stored events only), so events may arrive in any order, concurrently, and more than once.

const EVENT_TYPES = [
  'generated',
  'shown',
  'viewed',
  'accepted',
  'rejected',
  'actioned',
  'opportunity_created',
  'opportunity_won',
  'opportunity_lost',
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommendation_events')
    .addColumn('event_id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) =>
      col.notNull().check(sql`type in (${sql.join(EVENT_TYPES.map((t) => sql.lit(t)))})`),
    )
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('recommendation_id', 'text', (col) => col.notNull())
    .addColumn('seller_id', 'text', (col) => col.notNull())
    .addColumn('recommendation_type', 'text')
    .addColumn('model_version', 'text')
    .addColumn('explanation', 'text')
    .addColumn('account_id', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('reason_text', 'text')
    .addColumn('amount', 'numeric')
    .addColumn('currency', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('recommendation_events_recommendation_idx')
    .on('recommendation_events')
    .column('recommendation_id')
    .execute()
  // Adoption reads rep activity by time; a partial covering index keeps it off the other event types.
  await sql`create index recommendation_events_activity_idx on recommendation_events (occurred_at)
    include (seller_id) where type in ('viewed', 'accepted', 'rejected', 'actioned')`.execute(db)
  await sql`create index recommendation_events_rejected_idx on recommendation_events (occurred_at)
    where type = 'rejected'`.execute(db)

  await db.schema
    .createTable('recommendation_states')
    .addColumn('recommendation_id', 'text', (col) => col.primaryKey())
    .addColumn('seller_id', 'text', (col) => col.notNull())
    .addColumn('generated_at', 'timestamptz')
    .addColumn('generated_event_id', 'text')
    .addColumn('recommendation_type', 'text')
    .addColumn('model_version', 'text')
    .addColumn('has_explanation', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('shown', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('viewed', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('actioned', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('opportunity', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('won', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('decision', 'text', (col) => col.check(sql`decision in ('accepted', 'rejected')`))
    .addColumn('decision_at', 'timestamptz')
    .addColumn('decision_event_id', 'text')
    .addColumn('won_amounts', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  // The funnel's cohort is a range of generated_at; the included columns let it run from the index.
  await sql`create index recommendation_states_generated_idx on recommendation_states (generated_at)
    include (seller_id, recommendation_type, model_version, has_explanation, shown, viewed, actioned,
      opportunity, won, decision) where generated_at is not null`.execute(db)

  // Daily rollups of the state rows for the funnel: one row per (dimension, reporting-zone day, key),
  // kept in step at ingest. Valid only for the zone and roster recorded in recommendation_rollup_meta;
  // otherwise the funnel reads the state rows and the rollup is rebuilt (app/models/recommendations/rollup.server.ts).
  await db.schema
    .createTable('recommendation_funnel_daily')
    .addColumn('dimension', 'text', (col) => col.notNull())
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('generated', 'integer', (col) => col.notNull())
    .addColumn('shown', 'integer', (col) => col.notNull())
    .addColumn('viewed', 'integer', (col) => col.notNull())
    .addColumn('accepted', 'integer', (col) => col.notNull())
    .addColumn('rejected', 'integer', (col) => col.notNull())
    .addColumn('actioned', 'integer', (col) => col.notNull())
    .addColumn('opportunities', 'integer', (col) => col.notNull())
    .addColumn('won', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('recommendation_funnel_daily_pk', ['dimension', 'day', 'key'])
    .execute()
  await db.schema
    .createTable('recommendation_funnel_daily_amounts')
    .addColumn('dimension', 'text', (col) => col.notNull())
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('amount', 'numeric', (col) => col.notNull())
    .addPrimaryKeyConstraint('recommendation_funnel_daily_amounts_pk', [
      'dimension',
      'day',
      'key',
      'currency',
    ])
    .execute()
  await db.schema
    .createTable('recommendation_rollup_meta')
    .addColumn('id', 'boolean', (col) =>
      col
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('roster', 'text', (col) => col.notNull())
    .addColumn('built_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation_rollup_meta').execute()
  await db.schema.dropTable('recommendation_funnel_daily_amounts').execute()
  await db.schema.dropTable('recommendation_funnel_daily').execute()
  await db.schema.dropTable('recommendation_states').execute()
  await db.schema.dropTable('recommendation_events').execute()
}
