import type { Executor } from '~/utils/db.server'
import { todayIn } from '~/utils/calendar'
import { benefitKpiSeriesFor } from '../kpi/evidence.server'
import { computeRealisation, type Realisation } from './business-case-realisation'

// Reads what the realisation needs (the benefit KPIs' series, in one batch for many cases) and runs
// the pure calculation. A case's year 1 starts on its initiative's start date: without one there is
// no timeline to put the measured periods on, and the realisation is null (the page says why).

export type RealisationCase = {
  key: string
  anchor: string | null
  horizonYears: number
  benefits: readonly {
    name: string
    start_year: number
    kpi_id: string | null
    proven_assumption: number | null
    assumptions: readonly { name: string; unit: string; value: number }[]
  }[]
}

export async function realisationFor(
  db: Executor,
  cases: readonly RealisationCase[],
  today: string,
): Promise<Map<string, Realisation | null>> {
  const withTimeline = cases.filter((c) => c.anchor !== null)
  const series = await benefitKpiSeriesFor(
    db,
    withTimeline.flatMap((c) => c.benefits.map((b) => b.kpi_id).filter((id): id is string => id !== null)),
  )
  return new Map(
    cases.map((c) => [
      c.key,
      c.anchor === null
        ? null
        : computeRealisation({
            anchor: c.anchor,
            horizonYears: c.horizonYears,
            today,
            lines: c.benefits.map((benefit) => {
              const kpi = benefit.kpi_id ? (series.get(benefit.kpi_id) ?? null) : null
              return {
                name: benefit.name,
                startYear: benefit.start_year,
                assumptions: benefit.assumptions,
                provenAssumption: benefit.proven_assumption,
                kpi,
                measurements: kpi?.measurements ?? [],
              }
            }),
          }),
    ]),
  )
}

/** The realisation of one case version of an initiative, as of today in its program's zone. */
export async function caseRealisation(
  db: Executor,
  initiative: { id: string; program_id: string; start_date: string | null },
  businessCase: Omit<RealisationCase, 'key' | 'anchor' | 'horizonYears'> & { horizon_years: number },
  now: Date = new Date(),
) {
  const program = await db
    .selectFrom('programs')
    .select('reporting_timezone')
    .where('id', '=', initiative.program_id)
    .executeTakeFirstOrThrow()
  const result = await realisationFor(
    db,
    [
      {
        key: initiative.id,
        anchor: initiative.start_date,
        horizonYears: businessCase.horizon_years,
        benefits: businessCase.benefits,
      },
    ],
    todayIn(program.reporting_timezone, now),
  )
  return result.get(initiative.id) ?? null
}
