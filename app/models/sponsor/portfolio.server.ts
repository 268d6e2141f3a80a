import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import type { Stage } from '~/utils/db.types'
import { groupBy } from '~/utils/group-by'
import { financeVisibleFor } from '../accountability/business-case.server'
import { daysBetween, todayIn } from '~/utils/calendar'
import { emptyInputs, scoreHealth, type Health, type HealthInputs } from './health'
import { healthConfigFor } from './health-settings.server'
import { guardEetFacts, guardRecommendationFacts } from './privacy.server'
import { privacyFor } from '../recommendations/privacy.server'
import { listInitiatives } from '../foundation/initiative.server'
import type { PortfolioSort } from './portfolio.schema'
import { listProgramKpis, type KpiWithStatus } from '../kpi/kpi.server'
import { KPI_STATUSES, type KpiStatus } from '../kpi/status'
import {
  caseFactsFor,
  checklistFactsFor,
  deliveryFactsFor,
  eetFactsFor,
  gateFactsFor,
  kpiValuesAsOf,
  kpiValuesIn,
  recommendationFacts,
  sprintFactsFor,
  type CaseFacts,
  type ChecklistFacts,
  type DeliveryFacts,
  type EetFacts,
  type GateFacts,
  type RecommendationFacts,
} from './portfolio-sources.server'

// The sponsor's portfolio: every visible initiative of a program with the facts gathered from the other
// capabilities and its failure-mode health. Facts in, inputs out: `healthInputsOf` is pure and says
// exactly which fact feeds which input, so the page can explain every number.

const LAUNCHED: readonly Stage[] = ['scale', 'sustain']
const STATUS_POINTS: Partial<Record<KpiStatus, number>> = {
  on_track: 1,
  at_risk: 0.5,
  off_track: 0,
  stale: 0,
}

export type KpiTrend = {
  id: string
  atPilotEnd: number | null
  latest: number | null
  direction: 'higher' | 'lower'
}
export type UsageSeries = { id: string; values: number[] }

export type InitiativeFacts = {
  stage: Stage
  startDate: string | null
  delivery: DeliveryFacts
  predictability: number | null
  gate: GateFacts
  businessCase: CaseFacts | null
  eet: EetFacts
  recommendations: RecommendationFacts
  kpis: Pick<KpiWithStatus, 'id' | 'kind' | 'category' | 'direction' | 'status' | 'latest'>[]
  laggingTrends: KpiTrend[]
  usageSinceLaunch: UsageSeries[]
  checklist: ChecklistFacts
  today: string
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null)

/** Which fact feeds which input (pure). */
export function healthInputsOf(facts: InitiativeFacts): HealthInputs {
  const inputs = emptyInputs()
  const { delivery, eet, recommendations, businessCase } = facts
  inputs.phaseClock = delivery.current?.ratio ?? null
  inputs.phaseOverruns = delivery.phases > 0 ? delivery.overruns / delivery.phases : null
  inputs.sprintPredictability = facts.predictability
  const gateDay = facts.gate.lastPassedOn ?? facts.startDate
  inputs.daysSinceGate = gateDay ? Math.max(0, daysBetween(gateDay, facts.today)) : null
  inputs.caseApproved = businessCase ? 1 : 0
  if (LAUNCHED.includes(facts.stage)) {
    inputs.adoptionRate = recommendations.adoptionRate
    inputs.adoptionTrend = recommendations.adoptionTrend
    inputs.acceptanceTrend = recommendations.acceptanceTrend
  }
  inputs.feedbackScore = eet.averageUsefulness
  inputs.closedLoops = eet.closedLoopShare
  inputs.representativeness = facts.checklist.representativeness
  const lagging = facts.kpis.filter(
    (kpi) => kpi.kind === 'lagging' && STATUS_POINTS[kpi.status] !== undefined,
  )
  inputs.laggingStatus = mean(lagging.map((kpi) => STATUS_POINTS[kpi.status]!))
  const trends = facts.laggingTrends.filter((t) => t.atPilotEnd !== null && t.latest !== null)
  inputs.laggingTrend = trends.length
    ? trends.filter((t) =>
        t.direction === 'higher' ? t.latest! >= t.atPilotEnd! : t.latest! <= t.atPilotEnd!,
      ).length / trends.length
    : null
  inputs.usageDecay = mean(
    facts.usageSinceLaunch
      .filter((series) => series.values.length > 0 && Math.max(...series.values) > 0)
      .map((series) => 1 - series.values.at(-1)! / Math.max(...series.values)),
  )
  inputs.valueRealised = businessCase ? realisedRatio(businessCase, facts.kpis) : null
  return inputs
}

/** Benefit KPIs of the approved case: latest ÷ target (inverted for lower-is-better), capped at 1.5. */
export function realisedRatio(businessCase: Pick<CaseFacts, 'evidence'>, kpis: InitiativeFacts['kpis']) {
  const direction = new Map(kpis.map((kpi) => [kpi.id, kpi.direction]))
  const ratios = businessCase.evidence
    .filter(
      (e) => e.last_value !== null && e.target_value !== null && e.target_value !== 0 && e.last_value !== 0,
    )
    .map((e) =>
      direction.get(e.id) === 'lower' ? e.target_value! / e.last_value! : e.last_value! / e.target_value!,
    )
    .map((ratio) => Math.min(1.5, Math.max(0, ratio)))
  return mean(ratios)
}

type OwnKpis = InitiativeFacts['kpis']

/**
 * For every initiative whose pilot has ended: its lagging KPIs' values when the last pilot ended, and
 * its adoption KPIs' values since then (two reads for the whole portfolio).
 */
async function kpiHistories(
  db: Executor,
  initiatives: readonly { id: string; kpis: OwnKpis; pilotEndedOn: string | null }[],
  today: string,
) {
  const piloted = initiatives.filter((initiative) => initiative.pilotEndedOn !== null)
  const lagging = piloted.flatMap((initiative) =>
    initiative.kpis
      .filter((kpi) => kpi.kind === 'lagging')
      .map((kpi) => ({ kpiId: kpi.id, day: initiative.pilotEndedOn! })),
  )
  const usage = piloted.flatMap((initiative) =>
    initiative.kpis
      .filter((kpi) => kpi.category === 'adoption' && kpi.direction === 'higher')
      .map((kpi) => ({ kpiId: kpi.id, from: initiative.pilotEndedOn!, to: today })),
  )
  const [atPilotEnd, sinceLaunch] = await Promise.all([kpiValuesAsOf(db, lagging), kpiValuesIn(db, usage)])
  return new Map(
    initiatives.map(({ id, kpis, pilotEndedOn }) => {
      if (!pilotEndedOn) return [id, { laggingTrends: [], usageSinceLaunch: [] }]
      return [
        id,
        {
          laggingTrends: kpis
            .filter((kpi) => kpi.kind === 'lagging')
            .map((kpi) => ({
              id: kpi.id,
              direction: kpi.direction,
              atPilotEnd: atPilotEnd.get(kpi.id)?.value ?? null,
              latest: kpi.latest?.value ?? null,
            })),
          usageSinceLaunch: kpis
            .filter((kpi) => kpi.category === 'adoption' && kpi.direction === 'higher')
            .map((kpi) => ({ id: kpi.id, values: sinceLaunch.get(kpi.id)!.map((m) => m.value) })),
        } satisfies Pick<InitiativeFacts, 'laggingTrends' | 'usageSinceLaunch'>,
      ]
    }),
  )
}

export type PortfolioRow = {
  id: string
  name: string
  stage: Stage
  status: string
  leadName: string | null
  sponsorName: string | null
  sponsorId: string | null
  facts: InitiativeFacts
  health: Health
  kpiCounts: Record<KpiStatus, number>
  checklist: { met: number; total: number }
  /** Money is shown only to those who may see the business case's financial lines. */
  showFinance: boolean
}

export type PortfolioFilter = {
  stage?: Stage
  band?: 'red' | 'amber' | 'green'
  mode?: string
  mine?: boolean
}

type ListedInitiative = Awaited<ReturnType<typeof listInitiatives>>[number]
type OwnFacts = {
  sponsorId: string | null
  showFinance: boolean
  facts: Omit<InitiativeFacts, 'recommendations'>
}

/**
 * Each initiative's facts from the other capabilities, except the company-wide recommendation figures.
 * Every source reads all the initiatives at once, all sources in parallel; only the checklist and the
 * money wait for the lead and sponsor ids, and the KPI history for the KPIs and when each pilot ended.
 */
async function initiativeFacts(
  db: Executor,
  user: AuthUser,
  initiatives: readonly ListedInitiative[],
  programKpis: Promise<KpiWithStatus[]>,
  today: string,
): Promise<Map<string, OwnFacts>> {
  if (!initiatives.length) return new Map()
  const ids = initiatives.map((initiative) => initiative.id)
  const people = db
    .selectFrom('initiatives')
    .select(['id', 'lead_id', 'sponsor_id'])
    .where('id', 'in', ids)
    .execute()
    .then((rows) => {
      const byId = new Map(rows.map(({ id, ...rest }) => [id, rest]))
      return initiatives.map((initiative) => ({
        id: initiative.id,
        ...(byId.get(initiative.id) ?? { lead_id: null, sponsor_id: null }),
        lead_name: initiative.lead_name,
        sponsor_name: initiative.sponsor_name,
      }))
    })
  const ownKpis = programKpis.then((kpis) => {
    const byInitiative = groupBy(kpis, (kpi) => kpi.initiative_id)
    return new Map(
      ids.map((id) => [
        id,
        (byInitiative.get(id) ?? []).map(({ id, kind, category, direction, status, latest }) => ({
          id,
          kind,
          category,
          direction,
          status,
          latest,
        })),
      ]),
    )
  })
  const delivery = deliveryFactsFor(db, ids, today)
  const [
    peopleOf,
    kpisOf,
    deliveryOf,
    predictabilityOf,
    gateOf,
    caseOf,
    eetOf,
    financeOf,
    checklistOf,
    historyOf,
  ] = await Promise.all([
    people.then((refs) => new Map(refs.map((ref) => [ref.id, ref]))),
    ownKpis,
    delivery,
    sprintFactsFor(db, ids),
    gateFactsFor(db, ids),
    caseFactsFor(db, ids, {
      today,
      startDates: new Map(initiatives.map((initiative) => [initiative.id, initiative.start_date])),
    }),
    eetFactsFor(db, ids).then((facts) => guardEetFacts(db, facts, privacyFor(user))),
    people.then((refs) => financeVisibleFor(db, user, refs)),
    people.then((refs) => checklistFactsFor(db, refs)),
    Promise.all([delivery, ownKpis]).then(([deliveries, kpis]) =>
      kpiHistories(
        db,
        ids.map((id) => ({ id, kpis: kpis.get(id)!, pilotEndedOn: deliveries.get(id)!.pilotEndedOn })),
        today,
      ),
    ),
  ])
  return new Map(
    initiatives.map((initiative) => [
      initiative.id,
      {
        sponsorId: peopleOf.get(initiative.id)!.sponsor_id,
        showFinance: financeOf.get(initiative.id)!,
        facts: {
          stage: initiative.stage,
          startDate: initiative.start_date,
          delivery: deliveryOf.get(initiative.id)!,
          predictability: predictabilityOf.get(initiative.id)!,
          gate: gateOf.get(initiative.id)!,
          businessCase: caseOf.get(initiative.id)!,
          eet: eetOf.get(initiative.id)!,
          kpis: kpisOf.get(initiative.id)!,
          ...historyOf.get(initiative.id)!,
          checklist: checklistOf.get(initiative.id)!,
          today,
        },
      },
    ]),
  )
}

/** The portfolio of one program as this user may see it, as of today in the program's reporting zone. */
export async function portfolioOf(
  db: Executor,
  user: AuthUser,
  program: { id: string; reporting_timezone: string },
  filter: PortfolioFilter = {},
  now: Date = new Date(),
): Promise<PortfolioRow[]> {
  const today = todayIn(program.reporting_timezone, now)
  const listed = listInitiatives(db, user, { programId: program.id, stage: filter.stage, mine: filter.mine })
  const programKpis = listProgramKpis(db, user, program.id)
  // The sources need only the initiatives' ids: they start as soon as those are known, alongside the
  // program's KPIs and the company-wide recommendation figures rather than after them.
  const [initiatives, factsOf, recommendations, config] = await Promise.all([
    listed,
    listed.then((initiatives) => initiativeFacts(db, user, initiatives, programKpis, today)),
    recommendationFacts(db, today).then((facts) =>
      guardRecommendationFacts(db, facts, today, program.reporting_timezone, privacyFor(user)),
    ),
    healthConfigFor(db, program.id),
    programKpis,
  ])
  const rows = initiatives.map((initiative) => {
    const { sponsorId, showFinance, facts: own } = factsOf.get(initiative.id)!
    const facts: InitiativeFacts = { ...own, recommendations }
    const kpiCounts = Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as Record<KpiStatus, number>
    for (const kpi of facts.kpis) kpiCounts[kpi.status]++
    return {
      id: initiative.id,
      name: initiative.name,
      stage: initiative.stage,
      status: initiative.status,
      leadName: initiative.lead_name,
      sponsorName: initiative.sponsor_name,
      sponsorId,
      facts,
      health: scoreHealth(healthInputsOf(facts), config),
      kpiCounts,
      checklist: facts.checklist,
      showFinance,
    } satisfies PortfolioRow
  })
  return rows.filter(
    (row) =>
      !filter.band ||
      (filter.mode && filter.mode in row.health
        ? row.health[filter.mode as 'progress'].band === filter.band
        : [row.health.progress, row.health.adoption, row.health.sustainment].some(
            (m) => m.band === filter.band,
          )),
  )
}

const STAGE_ORDER: readonly Stage[] = ['frame', 'design', 'pilot', 'scale', 'sustain']

/** The lowest of the three scores (no data sorts last): how close the initiative is to failing. */
export function worstScore(row: Pick<PortfolioRow, 'health'>) {
  const scores = [row.health.progress, row.health.adoption, row.health.sustainment]
    .map((mode) => mode.score)
    .filter((score): score is number => score !== null)
  return scores.length ? Math.min(...scores) : Number.POSITIVE_INFINITY
}

export function sortPortfolio<T extends Pick<PortfolioRow, 'name' | 'stage' | 'health'>>(
  rows: T[],
  sort: PortfolioSort,
  dir: 'asc' | 'desc' = 'asc',
) {
  const sign = dir === 'desc' ? -1 : 1
  const byName = (a: T, b: T) => a.name.localeCompare(b.name)
  // No score sorts last in either direction; ties go by name, A to Z.
  const byScore = (a: number | null, b: number | null) =>
    a === null || b === null ? (a === b ? 0 : a === null ? 1 : -1) : sign * (a - b)
  const worst = (row: T) => {
    const score = worstScore(row)
    return Number.isFinite(score) ? score : null
  }
  const score = (row: T, mode: 'progress' | 'adoption' | 'sustainment') => row.health[mode].score
  const compare: Record<PortfolioSort, (a: T, b: T) => number> = {
    name: (a, b) => sign * byName(a, b),
    worst: (a, b) => byScore(worst(a), worst(b)) || byName(a, b),
    stage: (a, b) => sign * (STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage)) || byName(a, b),
    progress: (a, b) => byScore(score(a, 'progress'), score(b, 'progress')) || byName(a, b),
    adoption: (a, b) => byScore(score(a, 'adoption'), score(b, 'adoption')) || byName(a, b),
    sustainment: (a, b) => byScore(score(a, 'sustainment'), score(b, 'sustainment')) || byName(a, b),
  }
  return [...rows].sort(compare[sort])
}

/** The rows whose initiative or lead name contains `text` (case-insensitive); all when it is empty. */
export function matchPortfolio<T extends Pick<PortfolioRow, 'name' | 'leadName'>>(rows: T[], text: string) {
  const needle = text.toLocaleLowerCase()
  if (!needle) return rows
  return rows.filter((row) =>
    [row.name, row.leadName].some((value) => value?.toLocaleLowerCase().includes(needle)),
  )
}

/** The program a sponsor's page shows: the one asked for, else the oldest open one. */
export async function portfolioProgram(db: Executor, programId: string | undefined) {
  let query = db
    .selectFrom('programs')
    .select(['id', 'name', 'reporting_timezone'])
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
  if (programId) query = query.where('id', '=', programId)
  return (await query.limit(1).executeTakeFirst()) ?? null
}

export function listOpenPrograms(db: Executor) {
  return db
    .selectFrom('programs')
    .select(['id', 'name'])
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** What the pages and exports show of a row: compact, and without money for those who may not see it. */
export function portfolioView(row: PortfolioRow) {
  const { facts } = row
  const businessCase = facts.businessCase
  return {
    id: row.id,
    name: row.name,
    stage: row.stage,
    status: row.status,
    leadName: row.leadName,
    sponsorName: row.sponsorName,
    health: row.health,
    kpiCounts: row.kpiCounts,
    checklist: row.checklist,
    phase: facts.delivery.current,
    pendingGates: facts.gate.pending,
    businessCase: businessCase
      ? {
          version: businessCase.version,
          totalBenefits: row.showFinance ? businessCase.totalBenefits : null,
          npv: row.showFinance ? businessCase.npv : null,
          irr: row.showFinance ? businessCase.irr : null,
          realisedMoney: row.showFinance ? (businessCase.realisation?.realised ?? null) : null,
          plannedMoney: row.showFinance ? (businessCase.realisation?.planned ?? null) : null,
          measuredLines: businessCase.realisation?.measuredLines ?? null,
          realised:
            row.health.sustainment.inputs.find((input) => input.key === 'valueRealised')?.value ?? null,
        }
      : null,
  }
}
export type PortfolioView = ReturnType<typeof portfolioView>
