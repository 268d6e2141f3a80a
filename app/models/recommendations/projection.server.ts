import { sql } from 'kysely'
import type { Database, Executor } from '~/utils/db.server'
import { rollupDeltaSql, rollupValidSql, rosterFingerprint } from './rollup.server'
import { ACTIVITY_TYPES } from './event.schema'
import { reportingProgramQuery } from '../foundation/reporting-program.server'

// The projection of raw recommendation events into one state row per recommendation
// (recommendation_states) and the funnel rollups. Ingest stores raw events without any lock and
// queues the newly stored ones (recommendation_event_batches, in the same transaction); the projection
// drains the queue, one drain at a time under PROJECTION_LOCK, so that each touched state row's
// "before" (the rollups add the difference between before and after) is the latest committed one.
// Each ingest request drains after storing, unless a drain is in progress (that one or the next takes
// its batch; see `project`), and every reader of states or rollups drains first (catchUp), so what is
// read always reflects every committed event — also those of a server that died between storing a
// batch and projecting it.
//
// The merge is commutative: flags are OR'ed, the earliest `generated` and the latest decision win by
// (occurred_at, event_id), won amounts are summed from each event once (it is queued once: the raw
// primary key admits it once). So events may arrive in any order, in any batch, more than once.

/** Projection and rollup rebuilds take this transaction-scoped lock; raw ingest and reads do not. */
export const PROJECTION_LOCK = 7_201_807

const ACTIVITY = sql.join(ACTIVITY_TYPES.map((type) => sql.lit(type)))

// `(a_at, a_id) < (b_at, b_id)`: the order that decides which generated/decision event wins.
const earlier = (at: string, id: string, otherAt: string, otherId: string) =>
  `(${at}, ${id}) < (${otherAt}, ${otherId})`
const generatedWins = `(s.generated_at is null or (excluded.generated_at is not null and ${earlier('excluded.generated_at', 'excluded.generated_event_id', 's.generated_at', 's.generated_event_id')}))`
const decisionWins = `(excluded.decision is not null and (s.decision is null or ${earlier('s.decision_at', 's.decision_event_id', 'excluded.decision_at', 'excluded.decision_event_id')}))`
const takeIf = (condition: string, column: string) =>
  `${column} = case when ${condition} then excluded.${column} else s.${column} end`
const mergeSet = sql.raw(
  [
    `seller_id = case when excluded.generated_at is not null and ${generatedWins} then excluded.seller_id else s.seller_id end`,
    ...['generated_event_id', 'recommendation_type', 'model_version', 'has_explanation'].map((c) =>
      takeIf(generatedWins, c),
    ),
    takeIf(generatedWins, 'generated_at'),
    ...['decision', 'decision_at', 'decision_event_id'].map((c) => takeIf(decisionWins, c)),
    ...['shown', 'viewed', 'actioned', 'opportunity', 'won'].map((c) => `${c} = s.${c} or excluded.${c}`),
  ].join(',\n        '),
)

/** Brings states and rollups up to date with every committed event; cheap when nothing waits. For callers
 * that do not know the reporting zone (tests, the bench); the app's reads use readyToRead. */
export async function catchUp(db: Executor) {
  if ((await projectionStatus(db)).pending) await project(db)
}

/**
 * In one round trip: whether events wait for the projection, the reporting zone (the reporting
 * program's, unless given), and whether the rollups are valid for that zone and the current roster.
 */
async function projectionStatus(db: Executor, timezone?: string) {
  const zone =
    timezone === undefined
      ? sql`coalesce((${reportingProgramQuery(db).select('reporting_timezone')}), 'UTC')`
      : sql`${timezone}::text`
  const result = await sql<{
    pending: boolean
    timezone: string
    rollup_valid: boolean
    activity_valid: boolean
  }>`
    select exists (select 1 from recommendation_event_batches) as pending, z.timezone,
      ${rollupValidSql(sql`z.timezone`)} as rollup_valid,
      exists (select 1 from recommendation_activity_meta m where m.timezone = z.timezone) as activity_valid
    from (select ${zone} as timezone) as z`.execute(db)
  const row = result.rows[0]!
  return {
    pending: row.pending,
    timezone: row.timezone,
    rollupValid: row.rollup_valid,
    activityValid: row.activity_valid,
  }
}

/**
 * Makes states, rollups (`rollup`) and activity days (`activity`) ready to read for `timezone`: drains
 * what waits, then rebuilds the derived tables asked for when they were built for another zone or
 * roster (or never).
 */
export async function readyToRead(
  db: Executor,
  timezone: string,
  { rollup = false, activity = false }: { rollup?: boolean; activity?: boolean },
) {
  let status = await projectionStatus(db, timezone)
  if (status.pending) {
    await project(db)
    status = await projectionStatus(db, timezone)
  }
  const rebuild = async (trx: Executor) => {
    if (rollup && !status.rollupValid) await rebuildRollup(trx, timezone)
    if (activity && !status.activityValid) await rebuildActivity(trx, timezone)
  }
  if ((rollup && !status.rollupValid) || (activity && !status.activityValid))
    await (db.isTransaction ? rebuild(db) : db.transaction().execute(rebuild))
  return status
}

/** Requests queued beyond which an ingest request waits for the drain in progress (backpressure). */
export const MAX_BACKLOG_BATCHES = 16

/**
 * Drains the queue into the state rows and, while they are valid for this zone and roster, the
 * rollups. `wait` (readers, catch-up): wait for a drain in progress, then drain what is left. Without
 * it (ingest): when another drain is in progress, leave this caller's batch to the next drain — unless
 * more than MAX_BACKLOG_BATCHES requests wait, then wait too. So under load one drain follows another,
 * each taking everything queued meanwhile (the cost of a drain is mostly per drain, not per event), and
 * a client cannot outrun the projection by more than the backlog. Returns how many events it projected.
 */
export async function project(db: Executor, { wait = true } = {}): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => project(trx, { wait }))
  // JIT off: the planner cannot estimate the grouping sets and guesses a cost high enough for JIT
  // compilation, which takes longer (~140 ms) than the whole statement does without it.
  // Asynchronous commit: this transaction only derives data, and removes its queue rows in the same
  // transaction, so if a crash loses it the queue is still there and the next drain redoes it.
  const settings = sql`set_config('jit', 'off', true), set_config('synchronous_commit', 'off', true)`
  if (wait) await sql`select pg_advisory_xact_lock(${PROJECTION_LOCK}), ${settings}`.execute(db)
  else {
    const attempt = await sql<{ locked: boolean; backlog: number }>`
      select pg_try_advisory_xact_lock(${PROJECTION_LOCK}) as locked, ${settings},
        (select count(*) from (select 1 from recommendation_event_batches
          limit ${MAX_BACKLOG_BATCHES + 1}) as queued)::int as backlog`.execute(db)
    const { locked, backlog } = attempt.rows[0]!
    if (!locked) {
      if (backlog <= MAX_BACKLOG_BATCHES) return 0
      await sql`select pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(db)
    }
  }
  // After the lock, so this and the statement below see every batch committed before.
  const status = await projectionStatus(db)
  if (!status.pending) return 0
  // Derived tables built for another zone or roster are left to the next read's rebuild; their meta row
  // goes now, so that a zone changed back does not make them look valid with this drain missing.
  if (!status.rollupValid) await db.deleteFrom('recommendation_rollup_meta').execute()
  if (!status.activityValid) await db.deleteFrom('recommendation_activity_meta').execute()
  const result = await projectionSql(status.timezone, status).execute(db)
  return result.rows[0]?.events ?? 0
}

/** Drained events after which the queue is vacuumed (see vacuumQueueNowAndThen). */
export const VACUUM_QUEUE_EVERY = 100_000
let drainedSinceVacuum = 0

/**
 * Drains leave dead queue rows and their out-of-line arrays (~60 bytes an event) behind. PostgreSQL's
 * autovacuum reclaims them; the embedded engine runs no autovacuum, so every VACUUM_QUEUE_EVERY drained
 * events (counted in this process) the queue is vacuumed here: cheap, as its live rows are few. Not
 * inside a transaction.
 */
export async function vacuumQueueNowAndThen(db: Database, drained: number) {
  drainedSinceVacuum += drained
  if (drainedSinceVacuum < VACUUM_QUEUE_EVERY) return
  drainedSinceVacuum = 0
  await sql`vacuum recommendation_event_batches`.execute(db)
}

/** One statement: drain the queue, merge into the state rows and (when valid) the rollups and activity days. */
function projectionSql(
  timezone: string,
  { rollupValid, activityValid }: { rollupValid: boolean; activityValid: boolean },
) {
  return sql<{ events: number }>`
    with batches as (
      delete from recommendation_event_batches returning *
    ), events as (
      select e.* from batches b cross join lateral unnest(b.event_ids, b.types, b.occurred_at,
        b.recommendation_ids, b.seller_ids, b.recommendation_types, b.model_versions, b.has_explanation,
        b.amounts, b.currencies) as e(event_id, type, occurred_at, recommendation_id, seller_id,
          recommendation_type, model_version, has_explanation, amount, currency)
    ), generated as (
      select distinct on (recommendation_id) recommendation_id, occurred_at, event_id, seller_id,
        recommendation_type, model_version, has_explanation
      from events where type = 'generated'
      order by recommendation_id, occurred_at, event_id
    ), decided as (
      select distinct on (recommendation_id) recommendation_id, type, occurred_at, event_id
      from events where type in ('accepted', 'rejected')
      order by recommendation_id, occurred_at desc, event_id desc
    ), won as (
      select recommendation_id, jsonb_object_agg(currency, total) as amounts
      from (select recommendation_id, currency, sum(amount) as total from events
            where type = 'opportunity_won' group by recommendation_id, currency) w
      group by recommendation_id
    ), delta as (
      select recommendation_id, min(seller_id) as any_seller,
        bool_or(type = 'shown') as shown, bool_or(type = 'viewed') as viewed,
        bool_or(type = 'actioned') as actioned, bool_or(type = 'opportunity_created') as opportunity,
        bool_or(type = 'opportunity_won') as won
      from events group by recommendation_id
    ), merged as (
      insert into recommendation_states as s (recommendation_id, seller_id, generated_at, generated_event_id,
        recommendation_type, model_version, has_explanation, shown, viewed, actioned, opportunity, won,
        decision, decision_at, decision_event_id, won_amounts)
      select d.recommendation_id, coalesce(g.seller_id, d.any_seller), g.occurred_at, g.event_id,
        g.recommendation_type, g.model_version, coalesce(g.has_explanation, false), d.shown, d.viewed,
        d.actioned, d.opportunity, d.won, c.type, c.occurred_at, c.event_id, coalesce(w.amounts, '{}'::jsonb)
      from delta d
      left join generated g on g.recommendation_id = d.recommendation_id
      left join decided c on c.recommendation_id = d.recommendation_id
      left join won w on w.recommendation_id = d.recommendation_id
      order by d.recommendation_id
      on conflict (recommendation_id) do update set
        ${mergeSet},
        won_amounts = case when excluded.won_amounts = '{}'::jsonb then s.won_amounts else (
          select jsonb_object_agg(currency, total) from (
            select currency, sum(value::numeric) as total
            from (select * from jsonb_each_text(s.won_amounts) union all
                  select * from jsonb_each_text(excluded.won_amounts)) as amounts(currency, value)
            group by currency) as summed) end
      returning s.*
    )${
      activityValid
        ? sql`, active as (
      insert into recommendation_activity_days (day, seller_id)
      select distinct (occurred_at at time zone ${timezone})::date, seller_id from events
      where type in (${ACTIVITY})
      order by 1, 2
      on conflict do nothing
      returning 1
    )`
        : sql``
    }${
      rollupValid
        ? sql`, old as (
      -- The rows as they were before this statement (its snapshot). An array, not IN (subquery): the
      -- planner guesses 200 rows for the CTE and would hash-join the whole states table; = any(array)
      -- probes the primary key once per touched recommendation.
      select * from recommendation_states where recommendation_id = any(array(select recommendation_id from delta))
    ), ${rollupDeltaSql(sql`merged`, sql`old`, timezone)}`
        : sql``
    }
    select (select count(*) from events)::int as events, (select count(*) from merged)::int as merged
  `
}

/** Rebuilds the rollups from every state row for this zone and the current roster. */
export async function rebuildRollup(trx: Executor, timezone: string) {
  await sql`select pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(trx)
  // A page reads several figures at once: the first rebuild serves them all.
  if ((await projectionStatus(trx, timezone)).rollupValid) return
  await sql`delete from recommendation_funnel_daily`.execute(trx)
  await sql`delete from recommendation_funnel_daily_amounts`.execute(trx)
  await sql`
    with ${rollupDeltaSql(sql`recommendation_states`, null, timezone)}
    select (select count(*) from rolled) as rolled, (select count(*) from rolled_amounts) as amounts`.execute(
    trx,
  )
  const roster = await rosterFingerprint(trx)
  await trx.deleteFrom('recommendation_rollup_meta').execute()
  await trx.insertInto('recommendation_rollup_meta').values({ id: true, timezone, roster }).execute()
}

/** Rebuilds the activity days from every raw activity event for this zone. */
export async function rebuildActivity(trx: Executor, timezone: string) {
  await sql`select pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(trx)
  if ((await projectionStatus(trx, timezone)).activityValid) return
  await sql`delete from recommendation_activity_days`.execute(trx)
  await sql`
    insert into recommendation_activity_days (day, seller_id)
    select distinct (occurred_at at time zone ${timezone})::date, seller_id from recommendation_events
    where type in (${ACTIVITY})`.execute(trx)
  await trx.deleteFrom('recommendation_activity_meta').execute()
  await trx.insertInto('recommendation_activity_meta').values({ id: true, timezone }).execute()
}
