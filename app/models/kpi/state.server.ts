import { sql, type Selectable } from 'kysely'
import type { Executor } from '~/utils/db.server'
import type { KpiStateStatus, KpisTable } from '~/models/kpi/tables'
import { kpiState, rollUp, type TargetPoint } from './status'

// Each KPI's current state — newest value (measured, or rolled up from its children), status at that
// value's period, last day before it is stale — is stored on `kpis` (migration 1820). Triggers null it
// when an input changes; `ensureKpiStates` recomputes what is missing before a read uses it. Trees
// never cross an initiative, so one initiative's tree (or the program-level tree) is recomputed at once.

type Kpi = Pick<
  Selectable<KpisTable>,
  | 'id'
  | 'parent_id'
  | 'rollup'
  | 'rollup_weight'
  | 'last_period_end'
  | 'last_value'
  | 'direction'
  | 'cadence'
  | 'tolerance_pct'
  | 'grace_days'
  | 'baseline_value'
  | 'baseline_date'
>
export type KpiLatest = { period_end: string; value: number } | null

/**
 * The newest value of every KPI of a tree (pure). A rolled-up parent takes its children's newest values,
 * combined as configured and dated by the oldest of them (so one late child makes the parent stale);
 * it has no value until every child has one.
 */
export function resolveLatest(kpis: readonly Kpi[]) {
  const children = new Map<string, Kpi[]>()
  for (const kpi of kpis) {
    if (!kpi.parent_id) continue
    const list = children.get(kpi.parent_id)
    if (list) list.push(kpi)
    else children.set(kpi.parent_id, [kpi])
  }
  const latest = new Map<string, KpiLatest>()
  const resolve = (kpi: Kpi, depth = 0): KpiLatest => {
    if (latest.has(kpi.id)) return latest.get(kpi.id)!
    let value: KpiLatest = null
    const kids = children.get(kpi.id) ?? []
    if (kpi.rollup !== 'none' && kids.length && depth < 20) {
      const parts = kids.map((kid) => ({ kid, latest: resolve(kid, depth + 1) }))
      const measured = parts.filter((part) => part.latest !== null)
      const rolled = rollUp(
        kpi.rollup,
        measured.map((part) => ({ value: part.latest!.value, weight: part.kid.rollup_weight })),
      )
      if (rolled !== null && measured.length === parts.length) {
        const oldest = measured.map((part) => part.latest!.period_end).sort()[0]!
        value = { period_end: oldest, value: rolled }
      }
    } else if (kpi.last_period_end && kpi.last_value !== null) {
      value = { period_end: kpi.last_period_end, value: kpi.last_value }
    }
    latest.set(kpi.id, value)
    return value
  }
  for (const kpi of kpis) resolve(kpi)
  return latest
}

/** Recomputes the missing states of a program's KPIs (or of one tree of it). Cheap when none is missing. */
export async function ensureKpiStates(
  db: Executor,
  scope: { programId: string; initiativeId?: string | null },
) {
  let missing = db
    .selectFrom('kpis')
    .select('initiative_id')
    .distinct()
    .where('program_id', '=', scope.programId)
    .where('state_status', 'is', null)
  if (scope.initiativeId !== undefined)
    missing =
      scope.initiativeId === null
        ? missing.where('initiative_id', 'is', null)
        : missing.where('initiative_id', '=', scope.initiativeId)
  const trees = (await missing.execute()).map((row) => row.initiative_id)
  if (trees.length) await refreshTrees(db, scope.programId, trees)
}

async function refreshTrees(db: Executor, programId: string, trees: readonly (string | null)[]) {
  const ids = trees.filter((id): id is string => id !== null)
  const scoped = db
    .selectFrom('kpis')
    .where('kpis.program_id', '=', programId)
    .where('kpis.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('kpis.initiative_id', 'in', ids)] : []),
        ...(trees.includes(null) ? [eb('kpis.initiative_id', 'is', null)] : []),
      ]),
    )
  // KPIs first, then targets: a change committed in between has already moved the epoch read here, so
  // the write below skips that KPI rather than storing a state from the older inputs.
  const kpis = await scoped
    .select([
      'kpis.id',
      'kpis.parent_id',
      'kpis.rollup',
      'kpis.rollup_weight',
      'kpis.last_period_end',
      'kpis.last_value',
      'kpis.direction',
      'kpis.cadence',
      'kpis.tolerance_pct',
      'kpis.grace_days',
      'kpis.baseline_value',
      'kpis.baseline_date',
      'kpis.state_status',
      'kpis.state_epoch',
    ])
    .execute()
  const targetRows = await scoped
    .innerJoin('kpi_targets as t', 't.kpi_id', 'kpis.id')
    .where('kpis.state_status', 'is', null)
    .select(['t.kpi_id', 't.period_end', 't.value'])
    .execute()
  const targets = new Map<string, TargetPoint[]>()
  for (const row of targetRows) {
    const point = { period_end: row.period_end, value: row.value }
    const list = targets.get(row.kpi_id)
    if (list) list.push(point)
    else targets.set(row.kpi_id, [point])
  }
  const latest = resolveLatest(kpis)
  const stale = kpis.filter((kpi) => kpi.state_status === null)
  if (!stale.length) return
  const states = stale.map((kpi) => {
    const value = latest.get(kpi.id) ?? null
    return { kpi, value, ...kpiState(kpi, value, targets.get(kpi.id) ?? []) }
  })
  // Rows another transaction holds are skipped (they are being invalidated): no waiting, no deadlock.
  await sql`
    update kpis set
      state_status = v.status,
      state_period_end = v.period_end,
      state_value = v.value,
      state_stale_after = v.stale_after
    from unnest(
      ${sql.val(states.map((s) => s.kpi.id))}::uuid[],
      ${sql.val(states.map((s) => s.kpi.state_epoch))}::int[],
      ${sql.val(states.map((s) => s.status satisfies KpiStateStatus))}::text[],
      ${sql.val(states.map((s) => s.value?.period_end ?? null))}::date[],
      ${sql.val(states.map((s) => (s.value === null ? null : String(s.value.value))))}::numeric[],
      ${sql.val(states.map((s) => s.staleAfter))}::date[]
    ) as v(id, epoch, status, period_end, value, stale_after)
    where kpis.id = v.id
      and kpis.state_epoch = v.epoch
      and kpis.id in (
        select id from kpis where id = any(${sql.val(states.map((s) => s.kpi.id))}::uuid[])
        for update skip locked
      )`.execute(db)
}
