import { sql, type Kysely } from 'kysely'

// No query reads raw events by recommendation or rejected events by time (the funnel, the rejection
// pages and the export start from recommendation_states and reach the deciding event by its primary
// key), yet every ingested event paid for both indexes. Adoption's activity index stays.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index recommendation_events_recommendation_idx`.execute(db)
  await sql`drop index recommendation_events_rejected_idx`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index recommendation_events_recommendation_idx on recommendation_events (recommendation_id)`.execute(
    db,
  )
  await sql`create index recommendation_events_rejected_idx on recommendation_events (occurred_at)
    where type = 'rejected'`.execute(db)
}
