import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { todayUtc } from '~/utils/calendar'
import type { Database, Executor } from '~/utils/db.server'
import { groupBy } from '~/utils/group-by'
import { actorOf, audit } from '../foundation/audit.server'
import { initiativeEditableBy } from '../foundation/access.server'
import { setInitiativeMembership } from '../foundation/initiative.server'
import {
  assessRepresentativeness,
  forceProfile,
  type RepProfile,
  type Representativeness,
} from './representativeness'
import type { EetCandidateFilter, ReleaseInput } from './eet.schema'
import { DomainError } from '~/utils/domain-error'

// The EET of an initiative: reps chosen from the roster, one row per stint (joined_on … left_on).
// Visibility stays with the one rule in access.server.ts (initiative_members of kind 'eet'); every
// change here keeps that row in step with the stints of the reps linked to a portal user, in the same
// transaction.

/** initiative_members(kind 'eet') for these users ⇔ they have an open stint via a current rep. */
export async function syncEetAccess(
  trx: Executor,
  initiativeId: string,
  userIds: readonly (string | null)[],
) {
  for (const userId of new Set(userIds.filter((id): id is string => Boolean(id)))) {
    const active = await trx
      .selectFrom('eet_members')
      .innerJoin('sellers', 'sellers.id', 'eet_members.seller_id')
      .select('eet_members.id')
      .where('eet_members.initiative_id', '=', initiativeId)
      .where('eet_members.left_on', 'is', null)
      .where('sellers.left_at', 'is', null)
      .where('sellers.user_id', '=', userId)
      .executeTakeFirst()
    await setInitiativeMembership(trx, { initiativeId, userId, kind: 'eet' }, Boolean(active))
  }
}

/** Reps who left the company leave every EET they were in (the roster import calls this). */
export async function endStintsOfLeftSellers(trx: Executor, sellerIds: readonly string[]) {
  if (!sellerIds.length) return
  const ended = await trx
    .updateTable('eet_members')
    .set({ left_on: sql`greatest(joined_on, current_date)` })
    .where('seller_id', 'in', sellerIds)
    .where('left_on', 'is', null)
    .returning(['initiative_id', 'seller_id'])
    .execute()
  if (!ended.length) return
  const users = await trx
    .selectFrom('sellers')
    .select(['id', 'user_id'])
    .where('id', 'in', [...new Set(ended.map((row) => row.seller_id))])
    .execute()
  const userOf = new Map(users.map((row) => [row.id, row.user_id]))
  for (const row of ended) await syncEetAccess(trx, row.initiative_id, [userOf.get(row.seller_id) ?? null])
}

/** After a rep's portal-user link changes: re-sync every initiative where the rep has an open stint. */
export async function syncSellerLink(trx: Executor, sellerId: string, userIds: readonly (string | null)[]) {
  const stints = await trx
    .selectFrom('eet_members')
    .select('initiative_id')
    .distinct()
    .where('seller_id', '=', sellerId)
    .execute()
  for (const stint of stints) await syncEetAccess(trx, stint.initiative_id, userIds)
}

export function listEetMembers(db: Executor, initiativeId: string, { includePast = false } = {}) {
  let query = db
    .selectFrom('eet_members')
    .innerJoin('sellers', 'sellers.id', 'eet_members.seller_id')
    .leftJoin('users', 'users.id', 'sellers.user_id')
    .select([
      'eet_members.id',
      'eet_members.joined_on',
      'eet_members.left_on',
      'sellers.id as seller_uuid',
      'sellers.seller_id',
      'sellers.name',
      'sellers.region',
      'sellers.segment',
      'sellers.team',
      'sellers.role',
      'sellers.tech_affinity',
      'sellers.hire_date',
      'sellers.left_at',
      'users.email as user_email',
    ])
    .where('eet_members.initiative_id', '=', initiativeId)
    .orderBy('eet_members.left_on', (ob) => ob.desc().nullsFirst())
    .orderBy('sellers.name')
  if (!includePast) query = query.where('eet_members.left_on', 'is', null)
  return query.execute()
}

/** Current reps of the sales force not yet in this EET, for the "add" picker. */
export function listEetCandidates(db: Executor, initiativeId: string, filter: EetCandidateFilter) {
  let query = db
    .selectFrom('sellers')
    .select(['id', 'seller_id', 'name', 'region', 'segment', 'team', 'role', 'tech_affinity', 'hire_date'])
    .where('left_at', 'is', null)
    .where('eligible', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('eet_members')
            .select('eet_members.id')
            .whereRef('eet_members.seller_id', '=', 'sellers.id')
            .where('eet_members.initiative_id', '=', initiativeId)
            .where('eet_members.left_on', 'is', null),
        ),
      ),
    )
    .orderBy('name')
    .limit(50)
  if (filter.q)
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', `%${filter.q}%`), eb('seller_id', 'ilike', `%${filter.q}%`)]),
    )
  if (filter.region) query = query.where('region', '=', filter.region)
  if (filter.segment) query = query.where('segment', '=', filter.segment)
  if (filter.affinity) query = query.where('tech_affinity', '=', filter.affinity)
  return query.execute()
}

async function assertEditable(trx: Executor, user: AuthUser, initiativeId: string) {
  const initiative = await trx
    .selectFrom('initiatives')
    .select('id')
    .where('id', '=', initiativeId)
    .where(initiativeEditableBy(user))
    .executeTakeFirst()
  if (!initiative) throw new DomainError('error.forbidden.body', { status: 403 })
}

export async function addEetMembers(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  { sellerIds, joinedOn }: { sellerIds: readonly string[]; joinedOn: string },
) {
  return db.transaction().execute(async (trx) => {
    await assertEditable(trx, user, initiativeId)
    const sellers = await trx
      .selectFrom('sellers')
      .select(['id', 'user_id', 'seller_id'])
      .where('id', 'in', sellerIds)
      .where('left_at', 'is', null)
      .execute()
    if (sellers.length !== new Set(sellerIds).size) throw new DomainError('eet.members.error.seller')
    const open = await trx
      .selectFrom('eet_members')
      .select('seller_id')
      .where('initiative_id', '=', initiativeId)
      .where('seller_id', 'in', sellerIds)
      .where('left_on', 'is', null)
      .execute()
    if (open.length) throw new DomainError('eet.members.error.already')
    const added = await trx
      .insertInto('eet_members')
      .values(
        sellers.map((seller) => ({
          initiative_id: initiativeId,
          seller_id: seller.id,
          joined_on: joinedOn,
          added_by: user.id,
        })),
      )
      .returning('id')
      .execute()
    await syncEetAccess(
      trx,
      initiativeId,
      sellers.map((seller) => seller.user_id),
    )
    await audit(trx, {
      actor: actorOf(user),
      action: 'eet.add',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { sellers: sellers.map((seller) => seller.seller_id), joinedOn },
    })
    return added.length
  })
}

export async function endEetMembership(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  { memberId, leftOn }: { memberId: string; leftOn: string },
) {
  return db.transaction().execute(async (trx) => {
    await assertEditable(trx, user, initiativeId)
    const member = await trx
      .selectFrom('eet_members')
      .innerJoin('sellers', 'sellers.id', 'eet_members.seller_id')
      .select(['eet_members.id', 'eet_members.joined_on', 'sellers.user_id', 'sellers.seller_id'])
      .where('eet_members.id', '=', memberId)
      .where('eet_members.initiative_id', '=', initiativeId)
      .where('eet_members.left_on', 'is', null)
      .executeTakeFirst()
    if (!member) throw new DomainError('eet.members.error.seller')
    if (leftOn < member.joined_on) throw new DomainError('eet.members.error.dates')
    await trx.updateTable('eet_members').set({ left_on: leftOn }).where('id', '=', memberId).execute()
    await syncEetAccess(trx, initiativeId, [member.user_id])
    await audit(trx, {
      actor: actorOf(user),
      action: 'eet.leave',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { seller: member.seller_id, leftOn },
    })
  })
}

/**
 * Reopens an ended stint (the undo of ending it): only while the rep is current and has no other open
 * stint in this EET, audited with the day it had ended.
 */
export async function reinstateEetMembership(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  memberId: string,
) {
  return db.transaction().execute(async (trx) => {
    await assertEditable(trx, user, initiativeId)
    const member = await trx
      .selectFrom('eet_members')
      .innerJoin('sellers', 'sellers.id', 'eet_members.seller_id')
      .select([
        'eet_members.id',
        'eet_members.left_on',
        'eet_members.seller_id as seller_pk',
        'sellers.user_id',
        'sellers.seller_id',
      ])
      .where('eet_members.id', '=', memberId)
      .where('eet_members.initiative_id', '=', initiativeId)
      .where('eet_members.left_on', 'is not', null)
      .where('sellers.left_at', 'is', null)
      .executeTakeFirst()
    if (!member) throw new DomainError('eet.members.error.seller', { status: 409 })
    const open = await trx
      .selectFrom('eet_members')
      .select('id')
      .where('initiative_id', '=', initiativeId)
      .where('seller_id', '=', member.seller_pk)
      .where('left_on', 'is', null)
      .executeTakeFirst()
    if (open) throw new DomainError('eet.members.error.already', { status: 409 })
    await trx.updateTable('eet_members').set({ left_on: null }).where('id', '=', memberId).execute()
    await syncEetAccess(trx, initiativeId, [member.user_id])
    await audit(trx, {
      actor: actorOf(user),
      action: 'eet.reinstate',
      entityType: 'initiative',
      entityId: initiativeId,
      before: { seller: member.seller_id, leftOn: member.left_on },
    })
  })
}

const PROFILE = ['region', 'segment', 'role', 'tech_affinity', 'hire_date'] as const

/** The EET (open stints) against the eligible, current sales force. Called by the sponsor's view too. */
export async function eetRepresentativeness(db: Executor, initiativeId: string, asOf = todayUtc()) {
  return (await eetRepresentativenessFor(db, [initiativeId], asOf)).get(initiativeId)!
}

/** `eetRepresentativeness` of many initiatives, reading the sales force once; every id gets an entry. */
export async function eetRepresentativenessFor(
  db: Executor,
  initiativeIds: readonly string[],
  asOf = todayUtc(),
): Promise<Map<string, Representativeness>> {
  if (!initiativeIds.length) return new Map()
  const [force, members] = await Promise.all([
    db
      .selectFrom('sellers')
      .select(PROFILE)
      .where('left_at', 'is', null)
      .where('eligible', '=', true)
      .execute(),
    db
      .selectFrom('eet_members')
      .innerJoin('sellers', 'sellers.id', 'eet_members.seller_id')
      .select('eet_members.initiative_id')
      .select(PROFILE.map((column) => `sellers.${column}` as const))
      .where('eet_members.initiative_id', 'in', initiativeIds)
      .where('eet_members.left_on', 'is', null)
      .where('sellers.left_at', 'is', null)
      .execute(),
  ])
  const eets = groupBy(members, (member) => member.initiative_id)
  // The sales force is counted once; each EET is then compared with those counts.
  const profile = forceProfile(force as RepProfile[], asOf)
  return new Map(
    initiativeIds.map((id) => [
      id,
      assessRepresentativeness(
        profile,
        (eets.get(id) ?? []).map(({ initiative_id: _, ...rep }) => rep as RepProfile),
        asOf,
      ),
    ]),
  )
}

// Pilot releases: the version an EET member gives feedback on; the newest is the current one.

export function listReleases(db: Executor, initiativeId: string) {
  return db
    .selectFrom('pilot_releases')
    .select(['id', 'version', 'released_on', 'notes'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('released_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

export async function addRelease(db: Database, user: AuthUser, initiativeId: string, input: ReleaseInput) {
  return db.transaction().execute(async (trx) => {
    await assertEditable(trx, user, initiativeId)
    const taken = await trx
      .selectFrom('pilot_releases')
      .select('id')
      .where('initiative_id', '=', initiativeId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (taken) return null
    const release = await trx
      .insertInto('pilot_releases')
      .values({
        initiative_id: initiativeId,
        version: input.version,
        released_on: input.released_on,
        notes: input.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'eet.release',
      entityType: 'initiative',
      entityId: initiativeId,
      after: input,
    })
    return release
  })
}
