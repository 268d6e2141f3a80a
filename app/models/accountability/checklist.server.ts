import type { Executor } from '~/utils/db.server'
import type { SpannerBackground, TeamFunction } from '~/models/accountability/tables'
import type { KpiKind } from '~/models/kpi/tables'
import { groupBy } from '~/utils/group-by'
import { runningCadencesFor } from '../delivery/reporting.server'
import { countKpisByKind } from '../kpi/evidence.server'
import { CHECKLIST, type ChecklistAction, type ChecklistItemKey } from './checklist.schema'
import { eetRepresentativenessFor } from '../eet/eet.server'
import { reviewsFor } from './governance.server'
import type { Representativeness } from '../eet/representativeness'
import { coverageOf } from './team.server'
import { variablePayVerdictsFor, type VariablePayVerdict } from '../change/checklist-pay.server'
import { judgeFrontlineManagers } from '../change/checklist-managers.server'
import { judgeTraining, type DataVerdict } from '../change/checklist-training.server'

// The five-key-actions checklist of one initiative: every item is evaluated from the data, with the
// facts behind the verdict and where to look.

export type ChecklistItem = {
  key: ChecklistItemKey
  source: 'data'
  met: boolean
  /** Facts behind the verdict, as message variables. */
  detail: Record<string, string | number>
  /** Where to look: a path in the portal. */
  evidence: string | null
}
export type ChecklistSection = { action: ChecklistAction; items: ChecklistItem[] }

type InitiativeFacts = {
  id: string
  lead_id: string | null
  sponsor_id: string | null
  lead_name: string | null
  sponsor_name: string | null
}

export async function evaluateChecklist(
  db: Executor,
  initiative: InitiativeFacts,
): Promise<ChecklistSection[]> {
  return (await evaluateChecklistFor(db, [initiative])).get(initiative.id)!
}

/**
 * `evaluateChecklist` of many initiatives with one read per source (the sales force, for the EET's
 * representativeness, read once); every initiative gets an entry.
 */
export async function evaluateChecklistFor(
  db: Executor,
  initiatives: readonly InitiativeFacts[],
): Promise<Map<string, ChecklistSection[]>> {
  if (!initiatives.length) return new Map()
  const ids = initiatives.map((initiative) => initiative.id)
  const programs = await db
    .selectFrom('initiatives')
    .select(['id', 'program_id'])
    .where('id', 'in', ids)
    .execute()
  const [
    leaderships,
    approvedCases,
    kpiCounts,
    reviews,
    members,
    cadenceOf,
    eets,
    training,
    frontlineManagers,
    pay,
  ] = await Promise.all([
    db
      .selectFrom('initiative_leadership')
      .select(['initiative_id', 'spanner_background'])
      .where('initiative_id', 'in', ids)
      .execute(),
    db
      .selectFrom('business_cases')
      .select(['initiative_id', (eb) => eb.fn.max('version').as('version')])
      .where('initiative_id', 'in', ids)
      .where('status', '=', 'approved')
      .groupBy('initiative_id')
      .execute(),
    countKpisByKind(db, ids),
    reviewsFor(db, ids),
    db
      .selectFrom('team_members')
      .select(['initiative_id', 'function'])
      .where('initiative_id', 'in', ids)
      .execute(),
    runningCadencesFor(db, ids),
    eetRepresentativenessFor(db, ids),
    judgeTraining(db, programs),
    judgeFrontlineManagers(db, programs),
    variablePayVerdictsFor(db, ids),
  ])
  const leadershipOf = new Map(leaderships.map((row) => [row.initiative_id, row]))
  const approvedOf = new Map(approvedCases.map((row) => [row.initiative_id, row]))
  const kpisOf = groupBy(kpiCounts, (row) => row.initiative_id)
  const teamOf = groupBy(members, (row) => row.initiative_id)
  return new Map(
    initiatives.map((initiative) => [
      initiative.id,
      checklistOf(initiative, {
        leadership: leadershipOf.get(initiative.id),
        approved: approvedOf.get(initiative.id),
        kpis: kpisOf.get(initiative.id) ?? [],
        reviews: reviews.get(initiative.id)!,
        team: teamOf.get(initiative.id) ?? [],
        run: cadenceOf(initiative.id),
        eet: eets.get(initiative.id)!,
        change: {
          training: training.get(initiative.id)!,
          frontlineManagers: frontlineManagers.get(initiative.id)!,
          variablePay: pay.get(initiative.id)!,
        },
      }),
    ]),
  )
}

/** What the sources hold about one initiative. */
type ChecklistSources = {
  leadership: { spanner_background: SpannerBackground | null } | undefined
  approved: { version: number } | undefined
  kpis: { kind: KpiKind; count: number }[]
  reviews: readonly unknown[]
  team: { function: TeamFunction }[]
  run: { sprint: number | null; cycle: number | null }
  eet: Representativeness
  /** The change-management items judged from data (app/models/change/checklist-*.server.ts). */
  change: { training: DataVerdict; frontlineManagers: DataVerdict; variablePay: VariablePayVerdict }
}

/** The verdicts of one initiative (pure). */
function checklistOf(
  initiative: InitiativeFacts,
  { leadership, approved, kpis, reviews, team, run, eet, change }: ChecklistSources,
): ChecklistSection[] {
  const base = `/initiatives/${initiative.id}`
  const leading = kpis.find((k) => k.kind === 'leading')?.count ?? 0
  const lagging = kpis.find((k) => k.kind === 'lagging')?.count ?? 0
  const coverage = coverageOf(team.map((m) => m.function as TeamFunction))
  const groupsCovered = coverage.filter((g) => g.covered.length > 0).length
  const missing = coverage.reduce((sum, g) => sum + g.missing.length, 0)

  const data: Record<ChecklistItemKey, Omit<ChecklistItem, 'key' | 'source'>> = {
    spanner: {
      met: Boolean(initiative.lead_id && leadership?.spanner_background),
      detail: { lead: initiative.lead_name ?? '—', background: leadership?.spanner_background ?? '' },
      evidence: `${base}/team`,
    },
    sponsor: {
      met: Boolean(initiative.sponsor_id),
      detail: { sponsor: initiative.sponsor_name ?? '—' },
      evidence: base,
    },
    businessCase: {
      met: Boolean(approved),
      detail: { version: approved?.version ?? 0 },
      evidence: `${base}/case`,
    },
    kpis: { met: leading > 0 && lagging > 0, detail: { leading, lagging }, evidence: `${base}/kpis` },
    governance: { met: reviews.length > 0, detail: { reviews: reviews.length }, evidence: '/governance' },
    teamCoverage: {
      met: groupsCovered === 3,
      detail: { groups: groupsCovered, missing },
      evidence: `${base}/team`,
    },
    cadence: {
      met: run.sprint !== null || run.cycle !== null,
      detail: { sprint: run.sprint ?? 0, cycle: run.cycle ?? 0 },
      evidence: `${base}/delivery`,
    },
    eet: {
      // Representative: members on the EET, and none of the representativeness warnings (only
      // enthusiasts, too small, whole regions or segments missing).
      met: eet.eetSize > 0 && eet.warnings.length === 0,
      detail: { size: eet.eetSize, score: eet.score ?? 0, warnings: eet.warnings.length },
      evidence: `${base}/eet`,
    },
    frontlineManagers: change.frontlineManagers,
    training: change.training,
    variablePay: change.variablePay,
  }
  return CHECKLIST.map((section) => ({
    action: section.action,
    items: section.items.map((key): ChecklistItem => {
      return { key, source: 'data', ...data[key] }
    }),
  }))
}
