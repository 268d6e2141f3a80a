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

export type MeasuredSeries = ReadonlyMap<string, readonly { period_end: string; value: number }[]>

/**
 * The newest value of every KPI of a tree (pure). A rolled-up parent's series has a value for each period
 * that every child reported (as on the KPI page, chart.server's kpiSeries), and its newest value is the
 * last of them: children's values of the same period, never one child's newest beside another's older
 * one (so one late child makes the parent stale). `measured` holds the series of the measured KPIs under
 * a roll-up (`measuredUnderRollups` says which); other measured KPIs use their cached newest value.
 */
export function resolveLatest(kpis: readonly Kpi[], measured: MeasuredSeries = new Map()) {
  const children = new Map<string, Kpi[]>()
  for (const kpi of kpis) {
    if (!kpi.parent_id) continue
    const list = children.get(kpi.parent_id)
    if (list) list.push(kpi)
    else children.set(kpi.parent_id, [kpi])
  }
  const seriesOf = new Map<string, Map<string, number>>()
  const series = (kpi: Kpi, depth: number): Map<string, number> => {
    const known = seriesOf.get(kpi.id)
    if (known) return known
    const kids = children.get(kpi.id) ?? []
    let result = new Map<string, number>()
    if (kpi.rollup !== 'none' && kids.length && depth < 20) {
      const parts = kids.map((kid) => ({ kid, values: series(kid, depth + 1) }))
      for (const period of parts[0]!.values.keys()) {
        if (!parts.every((part) => part.values.has(period))) continue
        const rolled = rollUp(
          kpi.rollup,
          parts.map((part) => ({ value: part.values.get(period)!, weight: part.kid.rollup_weight })),
        )
        if (rolled !== null) result.set(period, rolled)
      }
    } else if (kpi.rollup === 'none') {
      result = new Map((measured.get(kpi.id) ?? []).map((point) => [point.period_end, point.value]))
    }
    seriesOf.set(kpi.id, result)
    return result
  }
  const latest = new Map<string, KpiLatest>()
  for (const kpi of kpis) {
    let value: KpiLatest = null
    if (kpi.rollup !== 'none' && children.has(kpi.id)) {
      const periods = [...series(kpi, 0)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      const last = periods.at(-1)
      value = last ? { period_end: last[0], value: last[1] } : null
    } else if (kpi.last_period_end && kpi.last_value !== null) {
      value = { period_end: kpi.last_period_end, value: kpi.last_value }
    }
    latest.set(kpi.id, value)
  }
  return latest
}

/** The measured KPIs whose series a roll-up needs (those below a rolled-up parent, at any depth). */
export function measuredUnderRollups(kpis: readonly Pick<Kpi, 'id' | 'parent_id' | 'rollup'>[]) {
  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]))
  return kpis
    .filter((kpi) => kpi.rollup === 'none' && kpi.parent_id && byId.get(kpi.parent_id)?.rollup !== 'none')
    .filter((kpi) => byId.has(kpi.parent_id!))
    .map((kpi) => kpi.id)
}

/** The series of these measured KPIs, for `resolveLatest`. */
export async function measuredSeries(db: Executor, kpiIds: readonly string[]): Promise<MeasuredSeries> {
  const result = new Map<string, { period_end: string; value: number }[]>()
  if (!kpiIds.length) return result
  const rows = await db
    .selectFrom('kpi_measurements')
    .select(['kpi_id', 'period_end', 'value'])
    .where('kpi_id', 'in', [...kpiIds])
    .execute()
  for (const row of rows) {
    const list = result.get(row.kpi_id) ?? []
    list.push({ period_end: row.period_end, value: Number(row.value) })
    result.set(row.kpi_id, list)
  }
  return result
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
  const latest = resolveLatest(kpis, await measuredSeries(db, measuredUnderRollups(kpis)))
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
