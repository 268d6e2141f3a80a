import type { Executor } from '~/utils/db.server'
import { groupBy } from '~/utils/group-by'

// Measured values of many KPIs in one read, for pages that look at a whole portfolio's history (the
// sponsor's view, the period report) or of one KPI. KPIs that share a date range share one condition,
// so a portfolio costs one query however many KPIs it has.

export type MeasuredValue = { period_end: string; value: number }

/** Each KPI's measured values in its own [from, to] (inclusive), oldest first; every KPI gets an entry. */
export async function kpiValuesIn(
  db: Executor,
  ranges: readonly { kpiId: string; from: string; to: string }[],
): Promise<Map<string, MeasuredValue[]>> {
  if (!ranges.length) return new Map()
  const rows = await db
    .selectFrom('kpi_measurements')
    .select(['kpi_id', 'period_end', 'value'])
    .where((eb) =>
      eb.or(
        [...groupBy(ranges, (range) => `${range.from}/${range.to}`).values()].map((group) =>
          eb.and([
            eb(
              'kpi_id',
              'in',
              group.map((range) => range.kpiId),
            ),
            eb('period_end', '>=', group[0]!.from),
            eb('period_end', '<=', group[0]!.to),
          ]),
        ),
      ),
    )
    .orderBy('kpi_id')
    .orderBy('period_end')
    .execute()
  const valuesOf = groupBy(rows, (row) => row.kpi_id)
  return new Map(
    ranges.map(({ kpiId }) => [
      kpiId,
      (valuesOf.get(kpiId) ?? []).map(({ period_end, value }) => ({ period_end, value })),
    ]),
  )
}

/** Each KPI's newest measured value on or before its own day (null when there is none). */
export async function kpiValuesAsOf(
  db: Executor,
  days: readonly { kpiId: string; day: string }[],
): Promise<Map<string, MeasuredValue | null>> {
  if (!days.length) return new Map()
  const rows = await db
    .selectFrom('kpi_measurements')
    .select(['kpi_id', 'period_end', 'value'])
    .distinctOn('kpi_id')
    .where((eb) =>
      eb.or(
        [...groupBy(days, (asOf) => asOf.day).values()].map((group) =>
          eb.and([
            eb(
              'kpi_id',
              'in',
              group.map((asOf) => asOf.kpiId),
            ),
            eb('period_end', '<=', group[0]!.day),
          ]),
        ),
      ),
    )
    .orderBy('kpi_id')
    .orderBy('period_end', 'desc')
    .execute()
  const valueOf = new Map(rows.map(({ kpi_id, ...measured }) => [kpi_id, measured]))
  return new Map(days.map(({ kpiId }) => [kpiId, valueOf.get(kpiId) ?? null]))
}
