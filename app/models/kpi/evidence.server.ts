import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { kpiSeries } from './chart.server'
import { kpiValuesIn } from './history.server'
import { kpiVisibleTo, listTargets } from './kpi.server'
import { ensureKpiStates } from './state.server'
import { statusOnDay, targetAt, type TargetPoint } from './status'
import type { KpiCadence } from './tables'

// What the other areas read of the KPIs: the KPIs a business case's benefit lines may name and how they
// stand against their targets, how many KPIs of each kind an initiative has (the checklist), and KPI
// keys and names (governance's overlap check). Callers scope the initiatives to the user's rights.

/** KPIs a benefit line may name: those of this initiative and its program's program-level ones. */
export function listKpiChoices(db: Executor, initiative: { id: string; program_id: string }) {
  return db
    .selectFrom('kpis')
    .select(['id', 'key', 'name_en', 'name_zh_tw', 'unit', 'kind'])
    .where('program_id', '=', initiative.program_id)
    .where((eb) => eb.or([eb('initiative_id', '=', initiative.id), eb('initiative_id', 'is', null)]))
    .where('archived_at', 'is', null)
    .orderBy('key')
    .execute()
}

/**
 * For each benefit line that names a KPI: the KPI's latest measurement and its planned value for that
 * period, on the same trajectory as the KPI page (`targetAt`: linear from the baseline through the
 * targets, flat after the last), so a period between two target dates is planned too.
 * With a viewer, only the KPIs the viewer may open: a line never shows (or links to) a KPI whose page
 * would answer 404 (the probe found a demo case showing another initiative's KPI).
 */
export async function benefitEvidence(db: Executor, kpiIds: string[], viewer?: AuthUser) {
  if (kpiIds.length === 0) return []
  let kpiQuery = db
    .selectFrom('kpis')
    // The visibility rule reads the KPI's initiative (kpiVisibleTo, as every KPI query does).
    .leftJoin('initiatives', 'initiatives.id', 'kpis.initiative_id')
    .select([
      'kpis.id',
      'kpis.name_en',
      'kpis.name_zh_tw',
      'kpis.unit',
      'kpis.last_period_end',
      'kpis.last_value',
      'kpis.baseline_value',
      'kpis.baseline_date',
    ])
    .where('kpis.id', 'in', kpiIds)
  if (viewer) kpiQuery = kpiQuery.where(kpiVisibleTo(viewer) as never)
  const [kpis, targets] = await Promise.all([
    kpiQuery.execute(),
    db
      .selectFrom('kpi_targets')
      .select(['kpi_id', 'period_end', 'value'])
      .where('kpi_id', 'in', kpiIds)
      .execute(),
  ])
  return kpis.map(({ baseline_value, baseline_date, ...kpi }) => {
    const own = targets.filter((target) => target.kpi_id === kpi.id)
    const target_value = kpi.last_period_end
      ? targetAt(own, kpi.last_period_end, { value: baseline_value, date: baseline_date })
      : null
    return { ...kpi, target_value }
  })
}

/**
 * What a business case's realisation needs of its benefit KPIs: cadence, baseline, targets and every
 * measured period (a rolled-up KPI's series is its children's per period, as on the KPI page).
 * Measured KPIs are read in one query whatever their number.
 */
export type BenefitKpiSeries = {
  id: string
  cadence: KpiCadence
  baseline: { value: number | null; date: string | null }
  targets: TargetPoint[]
  measurements: { period_end: string; value: number }[]
}
export async function benefitKpiSeriesFor(
  db: Executor,
  kpiIds: readonly string[],
): Promise<Map<string, BenefitKpiSeries>> {
  const ids = [...new Set(kpiIds)]
  if (!ids.length) return new Map()
  const [kpis, targets] = await Promise.all([
    db
      .selectFrom('kpis')
      .select(['id', 'cadence', 'rollup', 'baseline_value', 'baseline_date'])
      .where('id', 'in', ids)
      .execute(),
    listTargets(db, ids),
  ])
  const measured = await kpiValuesIn(
    db,
    kpis
      .filter((kpi) => kpi.rollup === 'none')
      .map((kpi) => ({ kpiId: kpi.id, from: '0001-01-01', to: '9999-12-31' })),
  )
  const entries = await Promise.all(
    kpis.map(async (kpi): Promise<[string, BenefitKpiSeries]> => [
      kpi.id,
      {
        id: kpi.id,
        cadence: kpi.cadence,
        baseline: { value: kpi.baseline_value, date: kpi.baseline_date },
        targets: targets.get(kpi.id) ?? [],
        measurements: kpi.rollup === 'none' ? measured.get(kpi.id)! : await kpiSeries(db, kpi),
      },
    ]),
  )
  return new Map(entries)
}

/** Active KPIs of these initiatives, counted by kind. */
export function countKpisByKind(db: Executor, initiativeIds: readonly string[]) {
  return db
    .selectFrom('kpis')
    .select(['initiative_id', 'kind', sql<number>`count(*)::int`.as('count')])
    .where('initiative_id', 'in', initiativeIds)
    .where('archived_at', 'is', null)
    .groupBy(['initiative_id', 'kind'])
    .execute()
}

/** Every KPI's id and key, to join to in a query that names KPIs by id. */
export function kpiKeys(db: Executor) {
  return db.selectFrom('kpis').select(['id', 'key'])
}

/** The active KPIs of active initiatives, with their English names. */
export function listActiveInitiativeKpiNames(db: Executor) {
  return db
    .selectFrom('kpis as k')
    .innerJoin('initiatives as i', 'i.id', 'k.initiative_id')
    .select(['i.id', 'i.name', 'k.name_en'])
    .where('k.archived_at', 'is', null)
    .where('i.archived_at', 'is', null)
    .execute()
}

/**
 * Where each active KPI of these initiatives stands today (the KPI area's stored state, staleness
 * decided for `today`), for the stage gates' "pilot KPIs on track".
 */
export async function kpiStatusesFor(
  db: Executor,
  programId: string,
  initiativeIds: readonly string[],
  today: string,
) {
  if (!initiativeIds.length) return []
  for (const initiativeId of initiativeIds) await ensureKpiStates(db, { programId, initiativeId })
  const rows = await db
    .selectFrom('kpis')
    .select(['id', 'initiative_id', 'key', 'kind', 'state_status', 'state_stale_after'])
    .where('initiative_id', 'in', initiativeIds)
    .where('archived_at', 'is', null)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    initiative_id: row.initiative_id!,
    key: row.key,
    kind: row.kind,
    status: statusOnDay({ status: row.state_status ?? 'no_data', staleAfter: row.state_stale_after }, today),
  }))
}
