import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import type { Stage } from '~/utils/db.types'
import { financeVisible } from './business-case.server'
import { todayIn } from './delivery/calendar'
import { emptyInputs, scoreHealth, type Health, type HealthInputs } from './health'
import { healthConfigFor } from './health-settings.server'
import { listInitiatives } from './initiative.server'
import type { PortfolioSort } from './portfolio.schema'
import { listProgramKpis, type KpiWithStatus } from './kpi.server'
import { KPI_STATUSES, type KpiStatus } from './kpi-status'
import {
  caseFacts,
  checklistFacts,
  deliveryFacts,
  eetFacts,
  kpiValues,
  recommendationFacts,
  type CaseFacts,
  type ChecklistFacts,
  type DeliveryFacts,
  type EetFacts,
  gateFacts,
  sprintFacts,
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

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
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

async function kpiHistory(
  db: Executor,
  facts: Pick<InitiativeFacts, 'kpis' | 'today'>,
  pilotEndedOn: string | null,
) {
  if (!pilotEndedOn) return { laggingTrends: [], usageSinceLaunch: [] }
  const lagging = facts.kpis.filter((kpi) => kpi.kind === 'lagging')
  const usage = facts.kpis.filter((kpi) => kpi.category === 'adoption' && kpi.direction === 'higher')
  const [laggingTrends, usageSinceLaunch] = await Promise.all([
    Promise.all(
      lagging.map(async (kpi) => {
        const before = await kpiValues(db, kpi.id, '1900-01-01', pilotEndedOn)
        return {
          id: kpi.id,
          direction: kpi.direction,
          atPilotEnd: before.at(-1)?.value ?? null,
          latest: kpi.latest?.value ?? null,
        }
      }),
    ),
    Promise.all(
      usage.map(async (kpi) => ({
        id: kpi.id,
        values: (await kpiValues(db, kpi.id, pilotEndedOn, facts.today)).map((m) => m.value),
      })),
    ),
  ])
  return { laggingTrends, usageSinceLaunch }
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

/** The portfolio of one program as this user may see it, as of today in the program's reporting zone. */
export async function portfolioOf(
  db: Executor,
  user: AuthUser,
  program: { id: string; reporting_timezone: string },
  filter: PortfolioFilter = {},
): Promise<PortfolioRow[]> {
  const today = todayIn(program.reporting_timezone)
  const [initiatives, kpis, recommendations, config] = await Promise.all([
    listInitiatives(db, user, { programId: program.id, stage: filter.stage, mine: filter.mine }),
    listProgramKpis(db, user, program.id),
    recommendationFacts(db, today),
    healthConfigFor(db, program.id),
  ])
  const people = new Map(
    initiatives.length
      ? (
          await db
            .selectFrom('initiatives')
            .select(['id', 'lead_id', 'sponsor_id'])
            .where(
              'id',
              'in',
              initiatives.map((initiative) => initiative.id),
            )
            .execute()
        ).map(({ id, ...rest }) => [id, rest])
      : [],
  )
  const rows = await Promise.all(
    initiatives.map(async (initiative) => {
      const ownKpis = kpis
        .filter((kpi) => kpi.initiative_id === initiative.id)
        .map(({ id, kind, category, direction, status, latest }) => ({
          id,
          kind,
          category,
          direction,
          status,
          latest,
        }))
      const full = people.get(initiative.id) ?? { lead_id: null, sponsor_id: null }
      const [delivery, predictability, gate, businessCase, eet, showFinance, checklist] = await Promise.all([
        deliveryFacts(db, initiative.id, today),
        sprintFacts(db, initiative.id),
        gateFacts(db, initiative.id),
        caseFacts(db, initiative.id),
        eetFacts(db, initiative.id),
        financeVisible(db, user, { id: initiative.id, ...full }),
        checklistFacts(db, {
          id: initiative.id,
          ...full,
          lead_name: initiative.lead_name,
          sponsor_name: initiative.sponsor_name,
        }),
      ])
      const history = await kpiHistory(db, { kpis: ownKpis, today }, delivery.pilotEndedOn)
      const facts: InitiativeFacts = {
        stage: initiative.stage,
        startDate: initiative.start_date,
        delivery,
        predictability,
        gate,
        businessCase,
        eet,
        recommendations,
        kpis: ownKpis,
        ...history,
        checklist,
        today,
      }
      const kpiCounts = Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as Record<KpiStatus, number>
      for (const kpi of ownKpis) kpiCounts[kpi.status]++
      return {
        id: initiative.id,
        name: initiative.name,
        stage: initiative.stage,
        status: initiative.status,
        leadName: initiative.lead_name,
        sponsorName: initiative.sponsor_name,
        sponsorId: full.sponsor_id,
        facts,
        health: scoreHealth(healthInputsOf(facts), config),
        kpiCounts,
        checklist,
        showFinance,
      } satisfies PortfolioRow
    }),
  )
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
) {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name)
  const score = (row: T, mode: 'progress' | 'adoption' | 'sustainment') =>
    row.health[mode].score ?? Number.POSITIVE_INFINITY
  const compare: Record<PortfolioSort, (a: T, b: T) => number> = {
    name: byName,
    worst: (a, b) => worstScore(a) - worstScore(b) || byName(a, b),
    stage: (a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || byName(a, b),
    progress: (a, b) => score(a, 'progress') - score(b, 'progress') || byName(a, b),
    adoption: (a, b) => score(a, 'adoption') - score(b, 'adoption') || byName(a, b),
    sustainment: (a, b) => score(a, 'sustainment') - score(b, 'sustainment') || byName(a, b),
  }
  return [...rows].sort(compare[sort])
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
          realised:
            row.health.sustainment.inputs.find((input) => input.key === 'valueRealised')?.value ?? null,
        }
      : null,
  }
}
export type PortfolioView = ReturnType<typeof portfolioView>
