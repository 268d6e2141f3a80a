import { sql, type Kysely } from 'kysely'

// Adoption asks which reps were active on which reporting-zone days. It used to find out from the raw
// events through a partial index (every viewed/accepted/rejected/actioned event an entry), reading
// ~2.5M entries for 90 days of 20,000 reps. The projection now keeps one row per (day, rep) active
// (a drain adds the days of the events it takes), valid for one reporting zone
// (recommendation_activity_meta); when the zone changes, the next adoption read rebuilds it from the
// raw events. The raw events lose the index: nothing else reads them by time.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table recommendation_activity_days (
    day date not null,
    seller_id text collate "C" not null,
    primary key (day, seller_id)
  )`.execute(db)
  await db.schema
    .createTable('recommendation_activity_meta')
    .addColumn('id', 'boolean', (col) =>
      col
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('built_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`drop index recommendation_events_activity_idx`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index recommendation_events_activity_idx on recommendation_events (occurred_at)
    include (seller_id) where type in ('viewed', 'accepted', 'rejected', 'actioned')`.execute(db)
  await db.schema.dropTable('recommendation_activity_meta').execute()
  await db.schema.dropTable('recommendation_activity_days').execute()
}
