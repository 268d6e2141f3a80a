import { sql, type Kysely } from 'kysely'

// Each KPI's current state — its newest value (measured, or rolled up from its children), its status
// against the target at that value's period, and the last day before it turns stale — kept on `kpis`
// so that a 2,000-KPI program view reads one narrow row per KPI instead of recomputing every status
// from all target rows (docs/decisions/008-kpi-state-on-kpis.md).
//
// The state is computed by the app (app/models/kpi/state.server.ts, the same pure functions as the
// status rules) and invalidated here, by triggers, whenever one of its inputs changes: so no write
// path — form, CSV, API, seed, factory or hand-written SQL — can leave a stale state behind.
// `state_status` null means "recompute before use"; `state_epoch` grows with every invalidation, so a
// state computed from data that changed meanwhile is never written back over the newer invalidation.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('kpis')
    .addColumn('state_status', 'text')
    .addColumn('state_period_end', 'date')
    .addColumn('state_value', 'numeric')
    .addColumn('state_stale_after', 'date')
    .addColumn('state_epoch', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  await sql`create index kpis_state_missing_idx on kpis (program_id) where state_status is null`.execute(db)

  // A KPI's own inputs changed: its state goes (in the row being written, so no second update).
  await sql`
    create function kpis_invalidate_own_state() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        new.state_status := null;
        return new;
      end if;
      if (old.last_period_end, old.last_value, old.parent_id, old.rollup,
          old.rollup_weight, old.direction, old.cadence, old.tolerance_pct, old.grace_days,
          old.baseline_value, old.baseline_date, old.archived_at)
        is distinct from (new.last_period_end, new.last_value, new.parent_id, new.rollup,
          new.rollup_weight, new.direction, new.cadence, new.tolerance_pct, new.grace_days,
          new.baseline_value, new.baseline_date, new.archived_at) then
        new.state_status := null;
        new.state_epoch := old.state_epoch + 1;
      end if;
      return new;
    end $$`.execute(db)
  await sql`
    create trigger kpis_invalidate_own_state before insert or update on kpis
    for each row execute function kpis_invalidate_own_state()`.execute(db)

  // What rolls up from a KPI changed (its value, weight, membership): its parent's state and every
  // ancestor's go too. Statement-level, so a write locks the parents once, after all its own rows.
  await sql`
    create function kpis_invalidate_chains(start_ids uuid[]) returns void language sql as $$
      with recursive up(id) as (
        select id from kpis where id = any(start_ids)
        union
        select k.parent_id from kpis k join up on k.id = up.id where k.parent_id is not null
      )
      update kpis set state_status = null, state_epoch = state_epoch + 1
      where id in (select id from up)
    $$`.execute(db)
  await sql`
    create function kpis_invalidate_parents() returns trigger language plpgsql as $$
    begin
      if pg_trigger_depth() > 1 then
        return null;
      end if;
      if tg_op = 'INSERT' then
        perform kpis_invalidate_chains(array(select parent_id from new_rows where parent_id is not null));
      elsif tg_op = 'DELETE' then
        perform kpis_invalidate_chains(array(select parent_id from old_rows where parent_id is not null));
      else
        perform kpis_invalidate_chains(array(
          select unnest(array[o.parent_id, n.parent_id])
          from old_rows o join new_rows n on n.id = o.id
          where (o.last_period_end, o.last_value, o.parent_id, o.rollup, o.rollup_weight, o.archived_at)
            is distinct from (n.last_period_end, n.last_value, n.parent_id, n.rollup, n.rollup_weight,
              n.archived_at)));
      end if;
      return null;
    end $$`.execute(db)
  for (const [event, tables] of [
    ['insert', 'new table as new_rows'],
    ['update', 'old table as old_rows new table as new_rows'],
    ['delete', 'old table as old_rows'],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`kpis_invalidate_parents_${event}`)} after ${sql.raw(event)} on kpis
      referencing ${sql.raw(tables)}
      for each statement execute function kpis_invalidate_parents()`.execute(db)
  }

  // Targets feed only their own KPI's status.
  await sql`
    create function kpi_targets_invalidate_state() returns trigger language plpgsql as $$
    begin
      update kpis set state_status = null, state_epoch = state_epoch + 1
      where id in (select kpi_id from changed);
      return null;
    end $$`.execute(db)
  for (const [event, table] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`kpi_targets_invalidate_state_${event}`)} after ${sql.raw(event)} on kpi_targets
      referencing ${sql.raw(table)} table as changed
      for each statement execute function kpi_targets_invalidate_state()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) {
    await sql`drop trigger ${sql.raw(`kpi_targets_invalidate_state_${event}`)} on kpi_targets`.execute(db)
  }
  await sql`drop function kpi_targets_invalidate_state()`.execute(db)
  for (const event of ['insert', 'update', 'delete']) {
    await sql`drop trigger ${sql.raw(`kpis_invalidate_parents_${event}`)} on kpis`.execute(db)
  }
  await sql`drop function kpis_invalidate_parents()`.execute(db)
  await sql`drop function kpis_invalidate_chains(uuid[])`.execute(db)
  await sql`drop trigger kpis_invalidate_own_state on kpis`.execute(db)
  await sql`drop function kpis_invalidate_own_state()`.execute(db)
  await sql`drop index kpis_state_missing_idx`.execute(db)
  await db.schema
    .alterTable('kpis')
    .dropColumn('state_status')
    .dropColumn('state_period_end')
    .dropColumn('state_value')
    .dropColumn('state_stale_after')
    .dropColumn('state_epoch')
    .execute()
}
