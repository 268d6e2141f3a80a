import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { SpannerBackground, TeamFunction } from '~/models/accountability/tables'
import type { KpiKind } from '~/models/kpi/tables'
import { groupBy } from '~/utils/group-by'
import { actorOf, audit } from '../foundation/audit.server'
import { runningCadencesFor } from '../delivery/reporting.server'
import { countKpisByKind } from '../kpi/evidence.server'
import {
  CHECKLIST,
  MANUAL_ITEMS,
  type AttestationInput,
  type ChecklistAction,
  type ChecklistItemKey,
} from './checklist.schema'
import { eetRepresentativenessFor } from '../eet/eet.server'
import { reviewsFor } from './governance.server'
import type { Representativeness } from '../eet/representativeness'
import { coverageOf } from './team.server'
import { judgeFrontlineManagers } from '../change/checklist-managers.server'
import { judgeTraining, type DataVerdict } from '../change/checklist-training.server'

// The five-key-actions checklist of one initiative. Every item the data can tell is evaluated from
// the data (with the facts behind the verdict); the rest are attested by a person with a note.

export type ChecklistItem = {
  key: ChecklistItemKey
  source: 'data' | 'manual'
  met: boolean | null
  /** Facts behind the verdict, as message variables. */
  detail: Record<string, string | number>
  /** Where to look: a path in the portal (data items) or the attested link (manual items). */
  evidence: string | null
  attestation?: { note: string; by: string | null; at: Date } | null
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
    attestations,
    training,
    frontlineManagers,
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
    db
      .selectFrom('checklist_attestations as a')
      .leftJoin('users as u', 'u.id', 'a.attested_by')
      .select([
        'a.initiative_id',
        'a.item',
        'a.met',
        'a.note',
        'a.evidence_url',
        'a.attested_at',
        'u.name as attested_by_name',
      ])
      .where('a.initiative_id', 'in', ids)
      .execute(),
    judgeTraining(db, programs),
    judgeFrontlineManagers(db, programs),
  ])
  const leadershipOf = new Map(leaderships.map((row) => [row.initiative_id, row]))
  const approvedOf = new Map(approvedCases.map((row) => [row.initiative_id, row]))
  const kpisOf = groupBy(kpiCounts, (row) => row.initiative_id)
  const teamOf = groupBy(members, (row) => row.initiative_id)
  const attestationsOf = groupBy(attestations, (row) => row.initiative_id)
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
        attestations: attestationsOf.get(initiative.id) ?? [],
        change: {
          training: training.get(initiative.id)!,
          frontlineManagers: frontlineManagers.get(initiative.id)!,
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
  attestations: {
    item: string
    met: boolean
    note: string
    evidence_url: string | null
    attested_at: Date
    attested_by_name: string | null
  }[]
  /** The change-management items judged from data (app/models/change/checklist-*.server.ts). */
  change: { training: DataVerdict; frontlineManagers: DataVerdict }
}

/** The verdicts of one initiative (pure). */
function checklistOf(
  initiative: InitiativeFacts,
  { leadership, approved, kpis, reviews, team, run, eet, attestations, change }: ChecklistSources,
): ChecklistSection[] {
  const base = `/initiatives/${initiative.id}`
  const leading = kpis.find((k) => k.kind === 'leading')?.count ?? 0
  const lagging = kpis.find((k) => k.kind === 'lagging')?.count ?? 0
  const coverage = coverageOf(team.map((m) => m.function as TeamFunction))
  const groupsCovered = coverage.filter((g) => g.covered.length > 0).length
  const missing = coverage.reduce((sum, g) => sum + g.missing.length, 0)

  const data: Record<
    Exclude<ChecklistItemKey, (typeof MANUAL_ITEMS)[number]>,
    Omit<ChecklistItem, 'key' | 'source'>
  > = {
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
  }
  return CHECKLIST.map((section) => ({
    action: section.action,
    items: section.items.map((key): ChecklistItem => {
      if ((MANUAL_ITEMS as readonly string[]).includes(key)) {
        const attested = attestations.find((a) => a.item === key)
        return {
          key,
          source: 'manual',
          met: attested ? attested.met : null,
          detail: {},
          evidence: attested?.evidence_url ?? null,
          attestation: attested
            ? { note: attested.note, by: attested.attested_by_name, at: attested.attested_at }
            : null,
        }
      }
      return { key, source: 'data', ...data[key as keyof typeof data] }
    }),
  }))
}

export async function attest(db: Database, user: AuthUser, initiativeId: string, input: AttestationInput) {
  return db.transaction().execute(async (trx) => {
    const values = { met: input.met, note: input.note, evidence_url: input.evidence_url ?? null }
    const before = await trx
      .selectFrom('checklist_attestations')
      .select(['met', 'note', 'evidence_url'])
      .where('initiative_id', '=', initiativeId)
      .where('item', '=', input.item)
      .executeTakeFirst()
    await trx
      .insertInto('checklist_attestations')
      .values({ initiative_id: initiativeId, item: input.item, ...values, attested_by: user.id })
      .onConflict((oc) =>
        oc
          .columns(['initiative_id', 'item'])
          .doUpdateSet({ ...values, attested_by: user.id, attested_at: new Date() }),
      )
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'checklist.attest',
      entityType: 'initiative',
      entityId: initiativeId,
      before: before ? { item: input.item, ...before } : undefined,
      after: { item: input.item, ...values },
    })
  })
}
