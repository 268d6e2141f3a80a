import { sql, type Kysely } from 'kysely'

// The funnel rollups gain a weekly grain beside the daily one: a 90-day question by team (~500 keys)
// reads ~13 weekly rows and ≤ 12 edge days per key instead of 90 daily rows. `day` is the period's
// first day (a Monday, in the reporting zone, for 'week'). The tables are updated in place by every
// ingest batch, so they keep free space on each page (fillfactor) for HOT updates instead of bloating.
// The rollups are rebuilt on the next funnel query (the meta row goes).

const TABLES = [
  ['recommendation_funnel_daily', ['dimension', 'grain', 'day', 'key']],
  ['recommendation_funnel_daily_amounts', ['dimension', 'grain', 'day', 'key', 'currency']],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, key] of TABLES) {
    await sql`delete from ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.raw(`${table}_pk`)}`.execute(db)
    await sql`alter table ${sql.table(table)} add column grain text not null default 'day'
      check (grain in ('day', 'week'))`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_pk`)}
      primary key (${sql.join(key.map((column) => sql.ref(column)))})`.execute(db)
    await sql`alter table ${sql.table(table)} set (fillfactor = 50)`.execute(db)
  }
  await sql`delete from recommendation_rollup_meta`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, key] of TABLES) {
    await sql`delete from ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.raw(`${table}_pk`)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop column grain`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_pk`)}
      primary key (${sql.join(key.filter((column) => column !== 'grain').map((column) => sql.ref(column)))})`.execute(
      db,
    )
    await sql`alter table ${sql.table(table)} reset (fillfactor)`.execute(db)
  }
  await sql`delete from recommendation_rollup_meta`.execute(db)
}
