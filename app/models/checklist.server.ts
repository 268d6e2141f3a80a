import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { TeamFunction } from '~/utils/db-types/accountability'
import { actorOf, audit } from './audit.server'
import {
  CHECKLIST,
  MANUAL_ITEMS,
  type AttestationInput,
  type ChecklistAction,
  type ChecklistItemKey,
} from './checklist.schema'
import { eetRepresentativeness } from './eet.server'
import { reviewsOf } from './governance.server'
import { coverageOf } from './team.server'

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

/** A sprint running now, or one closed in the last 21 days, or an open 10/10/10 cycle counts as a running cadence. */
async function cadence(db: Executor, initiativeId: string) {
  const [sprint, cycle] = await Promise.all([
    db
      .selectFrom('sprints')
      .select(['number', 'status', 'end_date'])
      .where('initiative_id', '=', initiativeId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'active'),
          eb.and([eb('status', '=', 'closed'), eb('end_date', '>=', sql<string>`current_date - 21`)]),
        ]),
      )
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('delivery_cycles')
      .select(['number'])
      .where('initiative_id', '=', initiativeId)
      .where('closed_on', 'is', null)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ])
  return { sprint: sprint?.number ?? null, cycle: cycle?.number ?? null }
}

export async function evaluateChecklist(
  db: Executor,
  initiative: InitiativeFacts,
): Promise<ChecklistSection[]> {
  const base = `/initiatives/${initiative.id}`
  const [leadership, approved, kpis, reviews, team, run, eet, attestations] = await Promise.all([
    db
      .selectFrom('initiative_leadership')
      .select('spanner_background')
      .where('initiative_id', '=', initiative.id)
      .executeTakeFirst(),
    db
      .selectFrom('business_cases')
      .select(['version'])
      .where('initiative_id', '=', initiative.id)
      .where('status', '=', 'approved')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('kpis')
      .select(['kind', sql<number>`count(*)::int`.as('count')])
      .where('initiative_id', '=', initiative.id)
      .where('archived_at', 'is', null)
      .groupBy('kind')
      .execute(),
    reviewsOf(db, initiative.id),
    db.selectFrom('team_members').select('function').where('initiative_id', '=', initiative.id).execute(),
    cadence(db, initiative.id),
    eetRepresentativeness(db, initiative.id),
    db
      .selectFrom('checklist_attestations as a')
      .leftJoin('users as u', 'u.id', 'a.attested_by')
      .select(['a.item', 'a.met', 'a.note', 'a.evidence_url', 'a.attested_at', 'u.name as attested_by_name'])
      .where('a.initiative_id', '=', initiative.id)
      .execute(),
  ])
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
