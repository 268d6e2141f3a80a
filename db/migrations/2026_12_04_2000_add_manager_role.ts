import { sql, type Kysely } from 'kysely'

// Frontline sales managers get their own role: they see their team's figures (the reps whose roster row
// reports to theirs, recursively), not the whole company's as a viewer does.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check
    check (role in ('admin', 'lead', 'sponsor', 'eet_member', 'viewer', 'manager'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check
    check (role in ('admin', 'lead', 'sponsor', 'eet_member', 'viewer'))`.execute(db)
}
