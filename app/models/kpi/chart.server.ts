import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { KpiCadence } from '~/models/kpi/tables'
import { actorOf, audit } from '../foundation/audit.server'
import { analyseDriverLink, type DriverAnalysis } from './driver'
import { coarserCadence, periodIndex } from './period'
import { lttb } from './series'
import { rollUp, statusAgainstTarget, targetAt, type TargetPoint } from './status'
import { getKpi, type KpiRow } from './kpi.server'
import { DomainError } from '~/utils/domain-error'

// Series for the KPI page and the driver-link analysis. Numbers are prepared here: rolled-up parents
// are combined from their children, long series are thinned (LTTB) to CHART_POINTS points.

export const CHART_POINTS = 400

export type SeriesPoint = { period_end: string; value: number }

/** A KPI's series: measured, or for a rolled-up parent the combination of its children per period. */
export async function kpiSeries(
  db: Executor,
  kpi: Pick<KpiRow, 'id' | 'rollup'>,
  depth = 0,
): Promise<SeriesPoint[]> {
  if (kpi.rollup === 'none' || depth > 10) {
    return db
      .selectFrom('kpi_measurements')
      .select(['period_end', 'value'])
      .where('kpi_id', '=', kpi.id)
      .orderBy('period_end')
      .execute()
  }
  const children = await db
    .selectFrom('kpis')
    .select(['id', 'rollup', 'rollup_weight'])
    .where('parent_id', '=', kpi.id)
    .where('archived_at', 'is', null)
    .execute()
  if (!children.length) return []
  const childSeries = await Promise.all(children.map((child) => kpiSeries(db, child, depth + 1)))
  const byPeriod = new Map<string, { value: number; weight: number }[]>()
  childSeries.forEach((series, index) => {
    for (const point of series) {
      const list = byPeriod.get(point.period_end) ?? []
      list.push({ value: point.value, weight: children[index]!.rollup_weight })
      byPeriod.set(point.period_end, list)
    }
  })
  // Only periods every child reported: a sum over some children would understate.
  return [...byPeriod.entries()]
    .filter(([, values]) => values.length === children.length)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period_end, values]) => ({ period_end, value: rollUp(kpi.rollup, values)! }))
}

/** Actual vs target trajectory, thinned for the chart, with each shown period's status. */
export function kpiChart(kpi: KpiRow, series: readonly SeriesPoint[], targets: readonly TargetPoint[]) {
  const points = series.map((point, index) => ({ x: index, y: point.value, period_end: point.period_end }))
  const shown = lttb(points, CHART_POINTS)
  const baseline = { value: kpi.baseline_value, date: kpi.baseline_date }
  const target = shown.map((point) => targetAt(targets, point.period_end, baseline))
  return {
    labels: shown.map((point) => point.period_end),
    actual: shown.map((point) => point.y),
    target: target.map((value) => (value === null ? null : Math.round(value * 1000) / 1000)),
    thinned: shown.length < points.length,
    total: points.length,
  }
}

/** The last `count` periods with their values, targets and statuses (the KPI page's table). */
export function recentPeriods(
  kpi: KpiRow,
  series: readonly SeriesPoint[],
  targets: readonly TargetPoint[],
  count = 12,
) {
  const baseline = { value: kpi.baseline_value, date: kpi.baseline_date }
  return series
    .slice(-count)
    .reverse()
    .map((point) => {
      const target = targetAt(targets, point.period_end, baseline)
      return {
        ...point,
        target,
        status: statusAgainstTarget(point.value, target, kpi.direction, kpi.tolerance_pct),
      }
    })
}

/** Mean per period of `cadence` (a daily series compared with a weekly one is averaged per week). */
export function indexSeries(series: readonly SeriesPoint[], cadence: KpiCadence) {
  const sums = new Map<number, { sum: number; count: number }>()
  for (const point of series) {
    const index = periodIndex(point.period_end, cadence)
    const bucket = sums.get(index) ?? { sum: 0, count: 0 }
    bucket.sum += point.value
    bucket.count++
    sums.set(index, bucket)
  }
  return new Map([...sums].map(([index, bucket]) => [index, bucket.sum / bucket.count]))
}

/** Driver links where this KPI leads or lags, with the KPI at the other end. */
export async function listDriverLinks(db: Executor, kpiId: string) {
  return db
    .selectFrom('kpi_driver_links as l')
    .innerJoin('kpis as lead', 'lead.id', 'l.leading_kpi_id')
    .innerJoin('kpis as lag', 'lag.id', 'l.lagging_kpi_id')
    .select([
      'l.id',
      'l.expected_lag',
      'l.leading_kpi_id',
      'l.lagging_kpi_id',
      'lead.key as leading_key',
      'lead.name_en as leading_name_en',
      'lead.name_zh_tw as leading_name_zh_tw',
      'lag.key as lagging_key',
      'lag.name_en as lagging_name_en',
      'lag.name_zh_tw as lagging_name_zh_tw',
    ])
    .where((eb) => eb.or([eb('l.leading_kpi_id', '=', kpiId), eb('l.lagging_kpi_id', '=', kpiId)]))
    .orderBy('l.created_at')
    .execute()
}

export type DriverLinkReport = {
  link: { id: string; expected_lag: number }
  leading: KpiRow
  lagging: KpiRow
  cadence: KpiCadence
  analysis: DriverAnalysis
  overlay: { labels: string[]; leading: (number | null)[]; lagging: (number | null)[] }
}

/** The lead-lag analysis of one link, if the user can see both KPIs. */
export async function analyseLink(
  db: Executor,
  user: AuthUser,
  linkId: string,
): Promise<DriverLinkReport | null> {
  const link = await db
    .selectFrom('kpi_driver_links')
    .select(['id', 'leading_kpi_id', 'lagging_kpi_id', 'expected_lag'])
    .where('id', '=', linkId)
    .executeTakeFirst()
  if (!link) return null
  const [leading, lagging] = await Promise.all([
    getKpi(db, user, link.leading_kpi_id),
    getKpi(db, user, link.lagging_kpi_id),
  ])
  if (!leading || !lagging) return null
  const cadence = coarserCadence(leading.cadence, lagging.cadence)
  const [leadSeries, lagSeries] = await Promise.all([kpiSeries(db, leading), kpiSeries(db, lagging)])
  const leadIndexed = indexSeries(leadSeries, cadence)
  const lagIndexed = indexSeries(lagSeries, cadence)
  const expectedSign = leading.direction === lagging.direction ? 1 : -1
  const analysis = analyseDriverLink(leadIndexed, lagIndexed, expectedSign)
  const lag = analysis.best?.lag ?? link.expected_lag
  // The overlay: each lagging period beside the leading value `lag` periods earlier (last 300 periods).
  const lagPeriods = [...lagIndexed.keys()].sort((a, b) => a - b).slice(-300)
  const labelOf = new Map(
    lagSeries.map((point) => [periodIndex(point.period_end, cadence), point.period_end]),
  )
  return {
    link: { id: link.id, expected_lag: link.expected_lag },
    leading,
    lagging,
    cadence,
    analysis,
    overlay: {
      labels: lagPeriods.map((index) => labelOf.get(index) ?? String(index)),
      lagging: lagPeriods.map((index) => lagIndexed.get(index) ?? null),
      leading: lagPeriods.map((index) => leadIndexed.get(index - lag) ?? null),
    },
  }
}

/** Links a leading KPI to the lagging KPI it should drive. Both must be editable by the user. */
export async function createDriverLink(
  db: Database,
  user: AuthUser,
  leading: KpiRow,
  input: { lagging_kpi_id: string; expected_lag: number },
) {
  const lagging = await getKpi(db, user, input.lagging_kpi_id)
  if (!lagging || leading.kind !== 'leading' || lagging.kind !== 'lagging')
    throw new DomainError('kpi.errors.linkKinds', { field: 'lagging_kpi_id' })
  if (lagging.program_id !== leading.program_id)
    throw new DomainError('kpi.errors.linkProgram', { field: 'lagging_kpi_id' })
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('kpi_driver_links')
      .values({
        leading_kpi_id: leading.id,
        lagging_kpi_id: lagging.id,
        expected_lag: input.expected_lag,
        created_by: user.id,
      })
      .onConflict((oc) => oc.columns(['leading_kpi_id', 'lagging_kpi_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!created) throw new DomainError('kpi.errors.linkExists', { field: 'lagging_kpi_id' })
    await audit(trx, {
      actor: actorOf(user),
      action: 'kpi.link.create',
      entityType: 'kpi',
      entityId: leading.id,
      after: {
        link_id: created.id,
        leading: leading.key,
        lagging: lagging.key,
        expected_lag: input.expected_lag,
      },
    })
    return created
  })
}

export async function deleteDriverLink(db: Database, user: AuthUser, leading: KpiRow, linkId: string) {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('kpi_driver_links')
      .where('id', '=', linkId)
      .where('leading_kpi_id', '=', leading.id)
      .returning(['id', 'lagging_kpi_id', 'expected_lag'])
      .executeTakeFirst()
    if (!removed) return false
    await audit(trx, {
      actor: actorOf(user),
      action: 'kpi.link.delete',
      entityType: 'kpi',
      entityId: leading.id,
      before: removed,
    })
    return true
  })
}

/** Everything the KPI page shows about a KPI's own numbers. */
export async function kpiNumbers(db: Executor, kpi: KpiRow) {
  const series = await kpiSeries(db, kpi)
  return {
    targets: kpi.targets,
    chart: kpiChart(kpi, series, kpi.targets),
    recent: recentPeriods(kpi, series, kpi.targets),
  }
}
