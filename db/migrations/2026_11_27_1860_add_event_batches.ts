import { sql, type Kysely } from 'kysely'

// Ingest no longer merges events into recommendation_states and the funnel rollups in its own
// statement (that took one lock for every request, so ingest ran one batch at a time). It stores the
// raw events and, in the same transaction, queues what the projection needs of the newly stored ones
// as one row of arrays per request. The projection (app/models/recommendation-projection.server.ts)
// drains the queue under its lock: right after each request's commit, and before any read of the
// states or rollups, so every read reflects every committed event. One row per request, deleted when
// projected, keeps the queue a few pages long.

const COLUMNS = [
  'event_ids',
  'types',
  'occurred_at',
  'recommendation_ids',
  'seller_ids',
  'recommendation_types',
  'model_versions',
  'has_explanation',
  'amounts',
  'currencies',
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommendation_event_batches')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('event_ids', sql`text[]`, (col) => col.notNull())
    .addColumn('types', sql`text[]`, (col) => col.notNull())
    .addColumn('occurred_at', sql`timestamptz[]`, (col) => col.notNull())
    .addColumn('recommendation_ids', sql`text[]`, (col) => col.notNull())
    .addColumn('seller_ids', sql`text[]`, (col) => col.notNull())
    .addColumn('recommendation_types', sql`text[]`, (col) => col.notNull())
    .addColumn('model_versions', sql`text[]`, (col) => col.notNull())
    .addColumn('has_explanation', sql`boolean[]`, (col) => col.notNull())
    .addColumn('amounts', sql`numeric[]`, (col) => col.notNull())
    .addColumn('currencies', sql`text[]`, (col) => col.notNull())
    .execute()
  // Each array is out of line (TOAST) but not compressed: a row lives for milliseconds, and compressing
  // ~300 kB per request would cost ingest more than it saves.
  for (const column of COLUMNS)
    await sql`alter table recommendation_event_batches alter column ${sql.ref(column)} set storage external`.execute(
      db,
    )
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation_event_batches').execute()
}
