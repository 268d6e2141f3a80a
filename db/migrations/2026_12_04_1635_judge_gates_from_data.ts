import { sql, type Kysely } from 'kysely'

// Stage gates judged from data: the criteria as evaluated when the sponsor decided, the reason given
// when approving with an unmet criterion (an override), when the decision was recorded, and a third
// outcome — changes requested — that closes the request so the lead can ask again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('stage_gates')
    .addColumn('decided_criteria', 'jsonb')
    .addColumn('override_reason', 'text')
    .addColumn('decided_at', 'timestamptz')
    .execute()
  await sql`alter table stage_gates drop constraint stage_gates_status_check`.execute(db)
  await sql`alter table stage_gates add constraint stage_gates_status_check
    check (status in ('pending', 'approved', 'rejected', 'changes_requested'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update stage_gates set status = 'rejected' where status = 'changes_requested'`.execute(db)
  await sql`alter table stage_gates drop constraint stage_gates_status_check`.execute(db)
  await sql`alter table stage_gates add constraint stage_gates_status_check
    check (status in ('pending', 'approved', 'rejected'))`.execute(db)
  await db.schema
    .alterTable('stage_gates')
    .dropColumn('decided_criteria')
    .dropColumn('override_reason')
    .dropColumn('decided_at')
    .execute()
}
