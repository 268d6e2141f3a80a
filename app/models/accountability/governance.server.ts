import { sql, type ExpressionBuilder } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { BusinessCasesTable, GovernanceAction, OverlapKind } from '~/models/accountability/tables'
import type { DB } from '~/utils/db.types'
import { actorOf, audit } from '../foundation/audit.server'
import { kpiKeys, listActiveInitiativeKpiNames } from '../kpi/evidence.server'
import type { ReviewInput } from './governance.schema'
import { DomainError } from '~/utils/domain-error'
import { checkDateWindow } from '~/utils/date-window'
import { programDateWindow } from '../foundation/reporting-program.server'

// The governance view: where initiatives overlap (KPIs, target segments, data systems, people), with a
// suggested action for each, and the log of review decisions with owners and due dates.

export type Overlap = {
  kind: OverlapKind
  subject: string
  initiatives: { id: string; name: string }[]
  suggestion: GovernanceAction
  /** People: total allocation across the initiatives. */
  allocation?: number
}

type Named = { id: string; name: string }

/** Groups (initiative, value) pairs by value (case-insensitive); values held by two or more initiatives. */
export function sharedValues(pairs: { initiative: Named; value: string }[]) {
  const groups = new Map<string, { subject: string; initiatives: Map<string, Named> }>()
  for (const { initiative, value } of pairs) {
    const key = value.trim().toLowerCase()
    if (!key) continue
    const group = groups.get(key) ?? { subject: value.trim(), initiatives: new Map() }
    group.initiatives.set(initiative.id, initiative)
    groups.set(key, group)
  }
  return [...groups.values()]
    .filter((group) => group.initiatives.size >= 2)
    .map((group) => ({
      subject: group.subject,
      initiatives: [...group.initiatives.values()].sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.subject.localeCompare(b.subject))
}

/** The case version `c` is its initiative's latest. */
function isLatestVersion(eb: ExpressionBuilder<DB & { c: BusinessCasesTable }, 'c'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('business_cases as newer')
        .select('newer.id')
        .whereRef('newer.initiative_id', '=', 'c.initiative_id')
        .whereRef('newer.version', '>', 'c.version'),
    ),
  )
}

/** Latest case version of each open initiative. */
function latestCases(db: Executor) {
  return db
    .selectFrom('business_cases as c')
    .innerJoin('initiatives as i', 'i.id', 'c.initiative_id')
    .select([
      'c.id',
      'c.target_segments',
      'c.data_systems',
      'i.id as initiative_id',
      'i.name as initiative_name',
    ])
    .where('i.archived_at', 'is', null)
    .where(isLatestVersion)
    .execute()
}

export async function findOverlaps(db: Executor): Promise<Overlap[]> {
  const [cases, people, kpiClaims, kpiNames] = await Promise.all([
    latestCases(db),
    db
      .selectFrom('team_members as m')
      .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
      .select([
        'i.id',
        'i.name',
        'm.person_name',
        'm.allocation',
        sql<string>`lower(coalesce(m.person_email, m.person_name))`.as('person_key'),
      ])
      .where('i.archived_at', 'is', null)
      .execute(),
    // The same KPI named as proof by benefit lines of different initiatives' latest cases.
    db
      .selectFrom('business_case_benefits as b')
      .innerJoin('business_cases as c', 'c.id', 'b.case_id')
      .innerJoin('initiatives as i', 'i.id', 'c.initiative_id')
      .innerJoin(kpiKeys(db).as('k'), 'k.id', 'b.kpi_id')
      .select(['i.id', 'i.name', 'k.key'])
      .where('i.archived_at', 'is', null)
      .where(isLatestVersion)
      .execute(),
    // KPIs of different initiatives measuring the same thing under the same name.
    listActiveInitiativeKpiNames(db),
  ])
  const named = (row: { initiative_id: string; initiative_name: string }) => ({
    id: row.initiative_id,
    name: row.initiative_name,
  })
  const overlaps: Overlap[] = []
  for (const group of sharedValues([
    ...kpiClaims.map((row) => ({ initiative: { id: row.id, name: row.name }, value: row.key })),
    ...kpiNames.map((row) => ({ initiative: { id: row.id, name: row.name }, value: row.name_en })),
  ]))
    overlaps.push({ kind: 'kpi', ...group, suggestion: 'merge' })
  for (const group of sharedValues(
    cases.flatMap((row) => row.target_segments.map((value) => ({ initiative: named(row), value }))),
  ))
    // The same reps piloting two tools at once: sequence the pilots.
    overlaps.push({ kind: 'segment', ...group, suggestion: 'sequence' })
  for (const group of sharedValues(
    cases.flatMap((row) => row.data_systems.map((value) => ({ initiative: named(row), value }))),
  ))
    overlaps.push({ kind: 'system', ...group, suggestion: 'share' })
  for (const group of sharedValues(
    people.map((row) => ({ initiative: { id: row.id, name: row.name }, value: row.person_key })),
  )) {
    const rows = people.filter((row) => row.person_key === group.subject.toLowerCase())
    const allocation = rows.reduce((sum, row) => sum + row.allocation, 0)
    overlaps.push({
      kind: 'person',
      subject: rows[0]?.person_name ?? group.subject,
      initiatives: group.initiatives,
      allocation,
      suggestion: allocation > 100 ? 'sequence' : 'share',
    })
  }
  return overlaps
}

export function listReviews(db: Executor) {
  return db
    .selectFrom('governance_reviews as r')
    .leftJoin('users as owner', 'owner.id', 'r.owner_id')
    .select([
      'r.id',
      'r.overlap_kind',
      'r.subject',
      'r.initiative_ids',
      'r.action',
      'r.decision',
      'r.due_date',
      'r.done_at',
      'r.created_at',
      'owner.name as owner_name',
    ])
    .orderBy(sql`r.done_at is not null`)
    .orderBy('r.due_date')
    .execute()
}

export function listOwnerCandidates(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['admin', 'lead', 'sponsor'])
    .orderBy('name')
    .execute()
}

export async function recordReview(db: Database, user: AuthUser, input: ReviewInput) {
  return db.transaction().execute(async (trx) => {
    // Governance spans programs: its window and today are the reporting program's.
    if (input.due_date)
      checkDateWindow(
        input.due_date,
        await programDateWindow(trx, null),
        input.confirm_far_date ?? false,
        'due_date',
      )
    const owners = await listOwnerCandidates(trx)
    if (!owners.some((owner) => owner.id === input.owner_id))
      throw new DomainError('errors.invalidChoice', { field: 'owner_id' })
    if (input.initiative_ids.length) {
      const found = await trx
        .selectFrom('initiatives')
        .select('id')
        .where('id', 'in', input.initiative_ids)
        .execute()
      if (found.length !== new Set(input.initiative_ids).size)
        throw new DomainError('errors.invalidChoice', { field: 'initiative_ids' })
    }
    const values = {
      overlap_kind: input.overlap_kind,
      subject: input.subject,
      initiative_ids: [...new Set(input.initiative_ids)],
      action: input.action,
      decision: input.decision,
      owner_id: input.owner_id,
      due_date: input.due_date,
    }
    const { id } = await trx
      .insertInto('governance_reviews')
      .values({ ...values, created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'governance.review',
      entityType: 'governance_review',
      entityId: id,
      after: values,
    })
    return id
  })
}

export async function completeReview(db: Database, user: AuthUser, reviewId: string) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('governance_reviews')
      .set({ done_at: new Date() })
      .where('id', '=', reviewId)
      .where('done_at', 'is', null)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await audit(trx, {
      actor: actorOf(user),
      action: 'governance.done',
      entityType: 'governance_review',
      entityId: reviewId,
    })
    return true
  })
}

type Review = { id: string; subject: string; created_at: Date }

/** Whether an initiative was the subject of at least one governance review (for the checklist). */
export async function reviewsOf(db: Executor, initiativeId: string) {
  return (await reviewsFor(db, [initiativeId])).get(initiativeId)!
}

/** `reviewsOf` for many initiatives at once; every id gets an entry. */
export async function reviewsFor(db: Executor, initiativeIds: readonly string[]) {
  if (!initiativeIds.length) return new Map<string, Review[]>()
  const rows = await db
    .selectFrom('governance_reviews')
    .select(['id', 'subject', 'created_at', 'initiative_ids'])
    .where(sql<boolean>`initiative_ids && array[${sql.join(initiativeIds)}]::uuid[]`)
    .execute()
  return new Map(
    initiativeIds.map((id) => [
      id,
      rows
        .filter((row) => row.initiative_ids.includes(id))
        .map(({ initiative_ids: _, ...review }): Review => review),
    ]),
  )
}
