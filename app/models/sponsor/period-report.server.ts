import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { listInitiatives } from '../foundation/initiative.server'
import { listProgramKpis, listTargets } from '../kpi/kpi.server'
import { currentStatus, type KpiStatus } from '../kpi/status'
import type { Period } from './portfolio.schema'
import { financeVisibleFor } from '../accountability/business-case.server'
import {
  caseFactsFor,
  adoptionRateBetween,
  feedbackClosedIn,
  gatesPassedBetween,
  kpiValuesIn,
  sprintsClosedIn,
} from './portfolio-sources.server'
import { addDays, daysBetween } from '~/utils/calendar'
import { guardAdoptionRate } from './privacy.server'
import { privacyFor } from '../recommendations/privacy.server'

// The period report: what moved in a month or quarter, for the whole portfolio or one initiative.
// KPI statuses are recomputed as they stood on the day before the period and on its last day, with
// the KPI area's own status rules (currentStatus), from the measurements known on each day.

const LOOKBACK_DAYS = 400

function statusOn(
  kpi: Parameters<typeof currentStatus>[0],
  values: readonly { period_end: string; value: number }[],
  targets: Parameters<typeof currentStatus>[2],
  day: string,
): KpiStatus {
  const latest = values.filter((v) => v.period_end <= day).at(-1) ?? null
  return currentStatus(kpi, latest, targets, day)
}

export async function periodReport(
  db: Executor,
  user: AuthUser,
  program: { id: string; reporting_timezone: string },
  period: Period,
  initiativeId?: string,
) {
  const initiatives = (await listInitiatives(db, user, { programId: program.id })).filter(
    (initiative) => !initiativeId || initiative.id === initiativeId,
  )
  const ids = initiatives.map((initiative) => initiative.id)
  const before = addDays(period.from, -1)
  const kpis = ids.length
    ? (await listProgramKpis(db, user, program.id)).filter(
        (kpi) => kpi.initiative_id !== null && ids.includes(kpi.initiative_id) && kpi.rollup === 'none',
      )
    : []
  const previousFrom = addDays(period.from, -(daysBetween(period.from, period.to) + 1))
  const [targets, histories, gates, sprints, feedback, adoptionNow, adoptionBefore, realisation] =
    await Promise.all([
      listTargets(
        db,
        kpis.map((kpi) => kpi.id),
      ),
      kpiValuesIn(
        db,
        kpis.map((kpi) => ({ kpiId: kpi.id, from: addDays(period.from, -LOOKBACK_DAYS), to: period.to })),
      ),
      gatesPassedBetween(db, ids, period.from, period.to),
      sprintsClosedIn(db, ids, period.from, period.to),
      feedbackClosedIn(db, ids, { from: period.from, to: period.to, timezone: program.reporting_timezone }),
      adoptionRateBetween(db, period.from, period.to).then((a) => guardAdoptionRate(a, privacyFor(user))),
      adoptionRateBetween(db, previousFrom, before).then((a) => guardAdoptionRate(a, privacyFor(user))),
      realisationInPeriod(db, user, initiatives, period),
    ])
  const kpiChanges = kpis
    .map((kpi) => {
      const values = histories.get(kpi.id)!
      const kpiTargets = targets.get(kpi.id) ?? []
      return {
        id: kpi.id,
        key: kpi.key,
        name_en: kpi.name_en,
        name_zh_tw: kpi.name_zh_tw,
        kind: kpi.kind,
        initiative_name: kpi.initiative_name,
        from: statusOn(kpi, values, kpiTargets, before),
        to: statusOn(kpi, values, kpiTargets, period.to),
        value: values.at(-1)?.value ?? null,
      }
    })
    .filter((change) => change.from !== change.to)
  return {
    period,
    initiatives: initiatives.map((initiative) => ({ id: initiative.id, name: initiative.name })),
    kpiChanges,
    gates,
    sprints,
    feedback,
    adoption: { now: adoptionNow, before: adoptionBefore, previousFrom, previousTo: before },
    realisation,
  }
}

/**
 * Value realised in the period, per approved case the user may see the money of: its benefit lines'
 * measured KPI periods that ended in [from, to] (the realisation as of the period's last day).
 */
async function realisationInPeriod(
  db: Executor,
  user: AuthUser,
  initiatives: readonly { id: string; name: string; start_date: string | null }[],
  period: Period,
) {
  if (!initiatives.length) return []
  const ids = initiatives.map((initiative) => initiative.id)
  const [cases, refs] = await Promise.all([
    caseFactsFor(db, ids, {
      today: period.to,
      startDates: new Map(initiatives.map((initiative) => [initiative.id, initiative.start_date])),
    }),
    db.selectFrom('initiatives').select(['id', 'lead_id', 'sponsor_id']).where('id', 'in', ids).execute(),
  ])
  const finance = await financeVisibleFor(db, user, refs)
  return initiatives.flatMap((initiative) => {
    const realisation = cases.get(initiative.id)?.realisation
    if (!realisation || !finance.get(initiative.id)) return []
    return realisation.lines.flatMap((line) => {
      const periods = line.periods.filter((p) => p.periodEnd >= period.from && p.periodEnd <= period.to)
      if (!periods.length) return []
      const planned = periods.reduce((sum, p) => sum + p.planned, 0)
      const realised = periods.reduce((sum, p) => sum + p.realised, 0)
      return [
        {
          initiative_id: initiative.id,
          initiative_name: initiative.name,
          line: line.name,
          assumption: line.assumption?.name ?? null,
          periods: periods.length,
          planned,
          realised,
          variance: realised - planned,
        },
      ]
    })
  })
}
export type PeriodReport = Awaited<ReturnType<typeof periodReport>>
