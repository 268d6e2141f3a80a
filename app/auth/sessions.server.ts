import { actorOf, audit } from '~/models/foundation/audit.server'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'

// A user's own sessions (ASVS 7.5.2): where they are signed in, and ending any other. Sessions are
// named by the digest they are stored by; "this session" is the request's own digest. The current
// session is ended by signing out, not from this list.

type Who = { id: string; email: string }

export async function listOwnSessions(
  db: Executor,
  userId: string,
  currentHash: string | null,
  now = new Date(),
) {
  const rows = await db
    .selectFrom('user_sessions')
    .select(['id_hash', 'created_at', 'last_active_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('pending', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_active_at', 'desc')
    .execute()
  return rows
    .map(({ id_hash, ...row }) => ({ ...row, handle: id_hash, current: id_hash === currentHash }))
    .sort((a, b) => Number(b.current) - Number(a.current))
}

/** Ends one of the user's other sessions; 404 when it is not theirs or already ended. */
export async function endOwnSession(db: Database, user: Who, handle: string, currentHash: string | null) {
  if (handle === currentHash) throw new DomainError('sessions.cannotEndThis', { status: 409 })
  await db.transaction().execute(async (trx) => {
    const ended = await trx
      .deleteFrom('user_sessions')
      .where('user_id', '=', user.id)
      .where('id_hash', '=', handle)
      .executeTakeFirst()
    if (Number(ended.numDeletedRows) !== 1) throw new DomainError('sessions.notFound', { status: 409 })
    await audit(trx, { actor: actorOf(user), action: 'session.end', entityType: 'user', entityId: user.id })
  })
}

/** Ends every session of the user but this one; how many ended. */
export async function endOtherSessions(db: Database, user: Who, currentHash: string | null) {
  return db.transaction().execute(async (trx) => {
    let query = trx.deleteFrom('user_sessions').where('user_id', '=', user.id)
    if (currentHash) query = query.where('id_hash', '!=', currentHash)
    const ended = Number((await query.executeTakeFirst()).numDeletedRows)
    if (ended > 0)
      await audit(trx, {
        actor: actorOf(user),
        action: 'session.end-others',
        entityType: 'user',
        entityId: user.id,
        after: { ended },
      })
    return ended
  })
}
