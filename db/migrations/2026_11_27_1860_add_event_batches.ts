import { sql, type Kysely } from 'kysely'

// Ingest no longer merges events into recommendation_states and the funnel rollups in its own
// statement (that took one lock for every request, so ingest ran one batch at a time). It stores the
// raw events and, in the same transaction, queues what the projection needs of the newly stored ones
// as one row of arrays per request. The projection (app/models/recommendations/projection.server.ts)
// drains the queue under its lock: after a request's commit (unless a drain is already running, which
// or the next one takes its batch along), and before any read of the states or rollups, so every read
// reflects every committed event. One row per request, deleted when projected, keeps the queue short.

/** Each column an array, one element per newly stored event. */
const COLUMNS = [
  ['event_ids', 'text[]'],
  ['types', 'text[]'],
  ['occurred_at', 'timestamptz[]'],
  ['recommendation_ids', 'text[]'],
  ['seller_ids', 'text[]'],
  ['recommendation_types', 'text[]'],
  ['model_versions', 'text[]'],
  ['has_explanation', 'boolean[]'],
  ['amounts', 'numeric[]'],
  ['currencies', 'text[]'],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('recommendation_event_batches')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
  for (const [column, type] of COLUMNS) table = table.addColumn(column, sql.raw(type), (col) => col.notNull())
  await table.execute()
  // Each array is out of line (TOAST) but not compressed: a row lives for milliseconds, and compressing
  // ~300 kB per request would cost ingest more than it saves.
  for (const [column] of COLUMNS)
    await sql`alter table recommendation_event_batches alter column ${sql.ref(column)} set storage external`.execute(
      db,
    )
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation_event_batches').execute()
}
