import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { Stage } from '~/utils/db.types'
import type { InitiativeInput } from './initiative.schema'
import { initiativeEditableBy, initiativeVisibleTo } from './access.server'
import { actorOf, audit } from './audit.server'
import { DomainError } from '~/utils/domain-error'

export type InitiativeFilter = {
  programId?: string
  stage?: Stage
  includeArchived?: boolean
  mine?: boolean
}

export function listInitiatives(db: Executor, user: AuthUser, filter: InitiativeFilter = {}) {
  let query = db
    .selectFrom('initiatives')
    .innerJoin('programs', 'programs.id', 'initiatives.program_id')
    .leftJoin('users as lead', 'lead.id', 'initiatives.lead_id')
    .leftJoin('users as sponsor', 'sponsor.id', 'initiatives.sponsor_id')
    .select([
      'initiatives.id',
      'initiatives.name',
      'initiatives.stage',
      'initiatives.status',
      'initiatives.start_date',
      'initiatives.target_date',
      'initiatives.archived_at',
      'initiatives.program_id',
      'programs.name as program_name',
      'lead.name as lead_name',
      'sponsor.name as sponsor_name',
    ])
    .where(initiativeVisibleTo(user))
    .orderBy('programs.name')
    .orderBy('initiatives.name')
  if (filter.programId) query = query.where('initiatives.program_id', '=', filter.programId)
  if (filter.stage) query = query.where('initiatives.stage', '=', filter.stage)
  if (!filter.includeArchived) query = query.where('initiatives.archived_at', 'is', null)
  if (filter.mine) {
    query = query.where((eb) =>
      eb.or([
        eb('initiatives.lead_id', '=', user.id),
        eb('initiatives.sponsor_id', '=', user.id),
        eb.exists(
          eb
            .selectFrom('initiative_members as m')
            .select('m.user_id')
            .whereRef('m.initiative_id', '=', 'initiatives.id')
            .where('m.user_id', '=', user.id),
        ),
      ]),
    )
  }
  return query.execute()
}

/** One initiative if the user may see it, with whether they may edit it. */
export async function getInitiative(db: Executor, user: AuthUser, id: string) {
  const initiative = await db
    .selectFrom('initiatives')
    .innerJoin('programs', 'programs.id', 'initiatives.program_id')
    .leftJoin('users as lead', 'lead.id', 'initiatives.lead_id')
    .leftJoin('users as sponsor', 'sponsor.id', 'initiatives.sponsor_id')
    .selectAll('initiatives')
    .select(['programs.name as program_name', 'lead.name as lead_name', 'sponsor.name as sponsor_name'])
    .select((eb) => sql<boolean>`${initiativeEditableBy(user)(eb)}`.as('can_edit'))
    .where('initiatives.id', '=', id)
    .where(initiativeVisibleTo(user))
    .executeTakeFirst()
  return initiative ?? null
}

/** The users who may be chosen as boundary-spanner lead or executive sponsor. */
export async function listLeadAndSponsorCandidates(db: Executor) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['lead', 'sponsor', 'admin'])
    .orderBy('name')
    .execute()
  return {
    leads: users.filter((u) => u.role === 'lead' || u.role === 'admin'),
    sponsors: users.filter((u) => u.role === 'sponsor' || u.role === 'admin'),
  }
}

async function checkAssignments(trx: Executor, input: InitiativeInput) {
  const program = await trx
    .selectFrom('programs')
    .select('id')
    .where('id', '=', input.program_id)
    .where('archived_at', 'is', null)
    .executeTakeFirst()
  if (!program) throw new DomainError('errors.programArchived', { field: 'program_id' })
  const { leads, sponsors } = await listLeadAndSponsorCandidates(trx)
  if (input.lead_id && !leads.some((u) => u.id === input.lead_id))
    throw new DomainError('errors.leadRole', { field: 'lead_id' })
  if (input.sponsor_id && !sponsors.some((u) => u.id === input.sponsor_id))
    throw new DomainError('errors.sponsorRole', { field: 'sponsor_id' })
}

function valuesOf(input: InitiativeInput) {
  return {
    program_id: input.program_id,
    name: input.name,
    objective: input.objective,
    lead_id: input.lead_id ?? null,
    sponsor_id: input.sponsor_id ?? null,
    stage: input.stage,
    status: input.status,
    start_date: input.start_date ?? null,
    target_date: input.target_date ?? null,
  }
}

export async function createInitiative(db: Database, user: AuthUser, input: InitiativeInput) {
  // A lead creates initiatives they lead; only an admin assigns someone else.
  const assigned = user.role === 'admin' ? input : { ...input, lead_id: user.id }
  return db.transaction().execute(async (trx) => {
    await checkAssignments(trx, assigned)
    const created = await trx
      .insertInto('initiatives')
      .values({ ...valuesOf(assigned), created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'initiative.create',
      entityType: 'initiative',
      entityId: created.id,
      after: valuesOf(assigned),
    })
    return created
  })
}

export async function updateInitiative(db: Database, user: AuthUser, id: string, input: InitiativeInput) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('initiatives')
      .select([
        'program_id',
        'name',
        'objective',
        'lead_id',
        'sponsor_id',
        'stage',
        'status',
        'start_date',
        'target_date',
      ])
      .where('id', '=', id)
      .where(initiativeEditableBy(user))
      .forUpdate()
      .executeTakeFirst()
    if (!before) return null
    const assigned = user.role === 'admin' ? input : { ...input, lead_id: before.lead_id ?? user.id }
    await checkAssignments(trx, assigned)
    // The stage moves only through a stage gate decision (app/models/accountability/gate.server.ts).
    const after = { ...valuesOf(assigned), stage: before.stage }
    await trx
      .updateTable('initiatives')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'initiative.update',
      entityType: 'initiative',
      entityId: id,
      before,
      after,
    })
    return after
  })
}

export async function setInitiativeArchived(db: Database, user: AuthUser, id: string, archived: boolean) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('initiatives')
      .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
      .where('id', '=', id)
      .where(initiativeEditableBy(user))
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await audit(trx, {
      actor: actorOf(user),
      action: archived ? 'initiative.archive' : 'initiative.restore',
      entityType: 'initiative',
      entityId: id,
    })
    return true
  })
}

/** The initiatives not archived, by name (governance picks the ones a review covers). */
export function listActiveInitiativeNames(db: Executor) {
  return db
    .selectFrom('initiatives')
    .select(['id', 'name'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute()
}

/**
 * Moves an initiative from one stage to another; false when it is no longer at `from` (another decision
 * moved it first). Only an approved stage gate calls this, inside its transaction
 * (app/models/accountability/gate.server.ts).
 */
export async function moveInitiativeStage(trx: Executor, id: string, from: Stage, to: Stage) {
  const moved = await trx
    .updateTable('initiatives')
    .set({ stage: to, updated_at: new Date() })
    .where('id', '=', id)
    .where('stage', '=', from)
    .executeTakeFirst()
  return Number(moved.numUpdatedRows) === 1
}

/** Gives or takes away one kind of membership (the EET area keeps kind 'eet' in step with EET stints). */
export async function setInitiativeMembership(
  trx: Executor,
  membership: { initiativeId: string; userId: string; kind: 'team' | 'eet' },
  member: boolean,
) {
  const { initiativeId, userId, kind } = membership
  if (member)
    await trx
      .insertInto('initiative_members')
      .values({ initiative_id: initiativeId, user_id: userId, kind })
      .onConflict((oc) => oc.doNothing())
      .execute()
  else
    await trx
      .deleteFrom('initiative_members')
      .where('initiative_id', '=', initiativeId)
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute()
}
