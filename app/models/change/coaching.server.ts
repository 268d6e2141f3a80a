import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { actorOf, audit } from '../foundation/audit.server'
import { inScope, type RepScope } from '../foundation/team.server'
import type { CoachingActionInput } from './coaching.schema'

// Coaching actions a manager logs for the reps of their team, and the days they open the coaching view.

/** Logs a coaching action for a rep of the user's scope, audited in the same transaction. */
export async function logCoachingAction(
  db: Database,
  user: AuthUser,
  scope: RepScope,
  input: CoachingActionInput,
) {
  if (!inScope(scope, input.seller_id))
    throw new DomainError('change.coaching.notYourRep', { field: 'seller_id' })
  return db.transaction().execute(async (trx) => {
    const action = await trx
      .insertInto('coaching_actions')
      .values({
        seller_id: input.seller_id,
        manager_user_id: user.id,
        kind: input.kind,
        done_on: input.done_on,
        note: input.note ?? '',
      })
      .returning(['id', 'seller_id', 'kind', 'done_on', 'note'])
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'coaching.log',
      entityType: 'coaching_action',
      entityId: action.id,
      after: action,
    })
    return action
  })
}

/** The scope's coaching actions, newest first. */
export async function listCoachingActions(db: Executor, scope: RepScope, limit = 50) {
  if (!scope.all && !scope.sellerIds.length) return []
  let query = db
    .selectFrom('coaching_actions as c')
    .leftJoin('sellers as s', 's.seller_id', 'c.seller_id')
    .leftJoin('users as u', 'u.id', 'c.manager_user_id')
    .select([
      'c.id',
      'c.seller_id',
      's.name as rep_name',
      'c.kind',
      'c.done_on',
      'c.note',
      'u.name as manager_name',
    ])
    .orderBy('c.done_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .limit(limit)
  if (!scope.all) query = query.where('c.seller_id', 'in', [...scope.sellerIds])
  return query.execute()
}

/** Each coached rep of the scope and the day of their first coaching action. */
export async function firstCoachingDays(db: Executor, scope: RepScope) {
  if (!scope.all && !scope.sellerIds.length) return new Map<string, string>()
  let query = db
    .selectFrom('coaching_actions')
    .select(['seller_id', (eb) => eb.fn.min('done_on').as('first_on')])
    .groupBy('seller_id')
  if (!scope.all) query = query.where('seller_id', 'in', [...scope.sellerIds])
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.seller_id, String(row.first_on).slice(0, 10)]))
}

/** Notes that the user opened the coaching view today (once a day; no audit: it changes nothing). */
export async function recordCoachingVisit(db: Executor, userId: string, day: string) {
  await db
    .insertInto('coaching_view_visits')
    .values({ user_id: userId, day })
    .onConflict((oc) => oc.doNothing())
    .execute()
}
