import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import { writeSellerRow } from '../foundation/seller.server'
import { syncSellerLink } from './eet.server'
import type { RosterFilter, SellerEditInput } from './roster.schema'
import { DomainError } from '~/utils/domain-error'
import { containsPattern } from '~/utils/list-query'

// The sales-force roster: list with filters (region, team, frontline manager, affinity), single edits,
// and the link from a rep to the portal user who signs in as them. Imports live in roster-import.server.ts.

export const PAGE_SIZE = 100

const ROSTER_SORT_COLUMNS = {
  name: 's.name',
  seller_id: 's.seller_id',
  region: 's.region',
  segment: 's.segment',
  team: 's.team',
  manager: 'm.name',
  role: 's.role',
  affinity: 's.tech_affinity',
  hire_date: 's.hire_date',
} as const satisfies Record<NonNullable<RosterFilter['sort']>, string>

export async function listSellers(db: Executor, filter: RosterFilter) {
  let query = db.selectFrom('sellers as s').leftJoin('sellers as m', 'm.seller_id', 's.manager_id')
  if (filter.left === 'only') query = query.where('s.left_at', 'is not', null)
  else if (filter.left !== 'include') query = query.where('s.left_at', 'is', null)
  if (filter.q)
    query = query.where((eb) =>
      eb.or([
        eb('s.name', 'ilike', containsPattern(filter.q!)),
        eb('s.seller_id', 'ilike', containsPattern(filter.q!)),
      ]),
    )
  if (filter.region) query = query.where('s.region', '=', filter.region)
  if (filter.team) query = query.where('s.team', '=', filter.team)
  if (filter.manager) query = query.where('s.manager_id', '=', filter.manager)
  if (filter.affinity) query = query.where('s.tech_affinity', '=', filter.affinity)
  const page = filter.page ?? 1
  const pageSize = filter.pageSize === undefined ? PAGE_SIZE : filter.pageSize
  const dir = filter.dir ?? 'asc'
  const [rows, total] = await Promise.all([
    query
      .select([
        's.id',
        's.seller_id',
        's.name',
        's.region',
        's.segment',
        's.team',
        's.role',
        's.tech_affinity',
        's.eligible',
        's.hire_date',
        's.left_at',
        's.user_id',
        's.manager_id',
        'm.name as manager_name',
      ])
      .orderBy(ROSTER_SORT_COLUMNS[filter.sort ?? 'name'], (ob) =>
        (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      )
      .orderBy('s.name', dir)
      .orderBy('s.seller_id', dir)
      .$if(pageSize !== null, (qb) => qb.limit(pageSize!).offset((page - 1) * pageSize!))
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ])
  return {
    sellers: rows,
    total: Number(total?.n ?? 0),
    page,
    pages: Math.max(1, Math.ceil(Number(total?.n ?? 0) / (pageSize ?? PAGE_SIZE))),
  }
}

/** The values the roster's filters offer: regions, segments, teams and frontline managers. */
export async function rosterFacets(db: Executor) {
  const [regions, segments, teams, managers, counts] = await Promise.all([
    db
      .selectFrom('sellers')
      .select('region')
      .distinct()
      .where('left_at', 'is', null)
      .orderBy('region')
      .execute(),
    db
      .selectFrom('sellers')
      .select('segment')
      .distinct()
      .where('left_at', 'is', null)
      .orderBy('segment')
      .execute(),
    db.selectFrom('sellers').select('team').distinct().where('left_at', 'is', null).orderBy('team').execute(),
    db
      .selectFrom('sellers as m')
      .select(['m.seller_id', 'm.name'])
      .where('m.left_at', 'is', null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('sellers as r')
            .select('r.id')
            .whereRef('r.manager_id', '=', 'm.seller_id')
            .where('r.left_at', 'is', null),
        ),
      )
      .orderBy('m.name')
      .execute(),
    db
      .selectFrom('sellers')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('left_at', 'is', null).as('active'),
        eb.fn.countAll<number>().filterWhere('left_at', 'is not', null).as('left'),
      ])
      .executeTakeFirst(),
  ])
  return {
    regions: regions.map((row) => row.region),
    segments: segments.map((row) => row.segment),
    teams: teams.map((row) => row.team),
    managers,
    active: Number(counts?.active ?? 0),
    left: Number(counts?.left ?? 0),
  }
}

export function getSeller(db: Executor, id: string) {
  return db.selectFrom('sellers').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Portal users a rep may be linked to (EET members sign in as themselves). */
export function listLinkableUsers(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('role', '=', 'eet_member')
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute()
}

export async function updateSeller(db: Database, user: AuthUser, id: string, input: SellerEditInput) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('sellers')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return null
    const userId = input.user_id ?? null
    if (userId) {
      const eligibleUser = await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('role', '=', 'eet_member')
        .executeTakeFirst()
      if (!eligibleUser) throw new DomainError('eet.roster.userTaken', { field: 'user_id' })
      const taken = await trx
        .selectFrom('sellers')
        .select('id')
        .where('user_id', '=', userId)
        .where('id', '<>', id)
        .executeTakeFirst()
      if (taken) throw new DomainError('eet.roster.userTaken', { field: 'user_id' })
    }
    if (input.manager_id) {
      const manager = await trx
        .selectFrom('sellers')
        .select('id')
        .where('seller_id', '=', input.manager_id)
        .executeTakeFirst()
      if (!manager || input.manager_id === before.seller_id)
        throw new DomainError('eet.import.error.unknownManager', {
          field: 'manager_id',
          params: { id: input.manager_id },
        })
    }
    const after = {
      name: input.name,
      email: input.email,
      region: input.region,
      segment: input.segment,
      team: input.team,
      manager_id: input.manager_id,
      hire_date: input.hire_date,
      role: input.role,
      tech_affinity: input.tech_affinity,
      eligible: input.eligible,
      user_id: userId,
    }
    await writeSellerRow(trx, id, after)
    if (before.user_id !== userId) await syncSellerLink(trx, id, [before.user_id, userId])
    await audit(trx, {
      actor: actorOf(user),
      action: 'seller.update',
      entityType: 'seller',
      entityId: id,
      before: Object.fromEntries(Object.keys(after).map((key) => [key, before[key as keyof typeof before]])),
      after,
    })
    return after
  })
}
