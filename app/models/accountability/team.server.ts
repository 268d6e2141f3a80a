import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { SpannerBackground, TeamFunction } from '~/models/accountability/tables'
import { actorOf, audit } from '../foundation/audit.server'
import { FUNCTION_GROUPS, TEAM_FUNCTIONS, type FunctionGroup, type TeamMemberInput } from './team.schema'

// The roster of an initiative's cross-functional team, its coverage of the article's functions, and
// people allocated beyond 100 % across all initiatives (one person = one email, else one name).

const personKey = sql<string>`lower(coalesce(person_email, person_name))`

export async function listTeam(db: Executor, initiativeId: string) {
  const members = await db
    .selectFrom('team_members')
    .select(['id', 'person_name', 'person_email', 'function', 'allocation', personKey.as('person_key')])
    .where('initiative_id', '=', initiativeId)
    .orderBy('person_name')
    .execute()
  const keys = [...new Set(members.map((m) => m.person_key))]
  const totals = keys.length
    ? await db
        .selectFrom('team_members')
        .innerJoin('initiatives', 'initiatives.id', 'team_members.initiative_id')
        .select([
          sql<string>`lower(coalesce(team_members.person_email, team_members.person_name))`.as('person_key'),
          sql<number>`sum(team_members.allocation)::int`.as('total'),
          sql<number>`count(distinct team_members.initiative_id)::int`.as('initiatives'),
        ])
        .where('initiatives.archived_at', 'is', null)
        .where(
          sql<boolean>`lower(coalesce(team_members.person_email, team_members.person_name)) in (${sql.join(keys)})`,
        )
        .groupBy(sql`lower(coalesce(team_members.person_email, team_members.person_name))`)
        .execute()
    : []
  return members.map((member) => {
    const total = totals.find((row) => row.person_key === member.person_key)
    return {
      ...member,
      total_allocation: total?.total ?? member.allocation,
      initiative_count: total?.initiatives ?? 1,
    }
  })
}

export type CoverageGroup = { group: FunctionGroup; covered: TeamFunction[]; missing: TeamFunction[] }

/** Which of the article's functions the team covers, by group. Pure, so tests can check it directly. */
export function coverageOf(functions: readonly TeamFunction[]): CoverageGroup[] {
  return (Object.keys(FUNCTION_GROUPS) as FunctionGroup[]).map((group) => {
    const all = FUNCTION_GROUPS[group] as readonly TeamFunction[]
    return {
      group,
      covered: all.filter((f) => functions.includes(f)),
      missing: all.filter((f) => !functions.includes(f)),
    }
  })
}

export function missingFunctions(functions: readonly TeamFunction[]) {
  return TEAM_FUNCTIONS.filter((f) => !functions.includes(f))
}

export async function addTeamMember(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  input: TeamMemberInput,
) {
  return db.transaction().execute(async (trx) => {
    const values = {
      initiative_id: initiativeId,
      person_name: input.person_name,
      person_email: input.person_email ?? null,
      function: input.function,
      allocation: input.allocation,
    }
    const { id } = await trx
      .insertInto('team_members')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'team.add',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { id, ...values },
    })
    return id
  })
}

export async function removeTeamMember(db: Database, user: AuthUser, initiativeId: string, memberId: string) {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('team_members')
      .where('id', '=', memberId)
      .where('initiative_id', '=', initiativeId)
      .returning(['id', 'person_name', 'person_email', 'function', 'allocation'])
      .executeTakeFirst()
    if (!removed) return null
    await audit(trx, {
      actor: actorOf(user),
      action: 'team.remove',
      entityType: 'initiative',
      entityId: initiativeId,
      before: removed,
    })
    // What re-adding the person takes (the toast's undo).
    return removed
  })
}

export async function getSpannerBackground(db: Executor, initiativeId: string) {
  const row = await db
    .selectFrom('initiative_leadership')
    .select('spanner_background')
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst()
  return row?.spanner_background ?? null
}

export async function setSpannerBackground(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  background: SpannerBackground,
) {
  return db.transaction().execute(async (trx) => {
    const before = await getSpannerBackground(trx, initiativeId)
    await trx
      .insertInto('initiative_leadership')
      .values({ initiative_id: initiativeId, spanner_background: background })
      .onConflict((oc) =>
        oc.column('initiative_id').doUpdateSet({ spanner_background: background, updated_at: new Date() }),
      )
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'team.spanner-background',
      entityType: 'initiative',
      entityId: initiativeId,
      before: { spanner_background: before },
      after: { spanner_background: background },
    })
  })
}
