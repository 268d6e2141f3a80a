import { sql, type Kysely } from 'kysely'

// A counter of roster changes, bumped by a statement trigger on every write to `sellers`. The daily
// funnel rollups record the version they were built with (recommendation_rollup_meta.roster) and are
// rebuilt when it moves; reading one row replaces aggregating the whole sales force on every ingest
// batch and funnel request.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('roster_version')
    .addColumn('id', 'boolean', (col) =>
      col
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('version', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute()
  await sql`insert into roster_version (id, version) values (true, 0)`.execute(db)
  await sql`
    create function bump_roster_version() returns trigger language plpgsql as $$
    begin
      update roster_version set version = version + 1;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger sellers_bump_roster_version after insert or update or delete or truncate on sellers
    for each statement execute function bump_roster_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger sellers_bump_roster_version on sellers`.execute(db)
  await sql`drop function bump_roster_version()`.execute(db)
  await db.schema.dropTable('roster_version').execute()
}
