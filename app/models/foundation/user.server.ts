import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { hashPassword } from '~/auth/password.server'
import type { Database, Executor } from '~/utils/db.server'
import type { Role } from '~/utils/db.types'
import { audit, type Actor } from './audit.server'
import { DomainError } from '~/utils/domain-error'

export const SET_PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000

const publicColumns = ['id', 'email', 'name', 'role', 'locale', 'disabled_at', 'created_at'] as const

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select([...publicColumns, 'password_hash'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
}

export function getUserById(db: Executor, id: string) {
  return db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst()
}

export function listUsers(db: Executor, filter: { role?: Role; includeDisabled?: boolean } = {}) {
  let query = db.selectFrom('users').select(publicColumns).orderBy('name')
  if (filter.role) query = query.where('role', '=', filter.role)
  if (!filter.includeDisabled) query = query.where('disabled_at', 'is', null)
  return query.execute()
}

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/** A one-time token for the set-password link; only its hash is stored. */
export async function issuePasswordToken(trx: Executor, userId: string, now = new Date()) {
  const token = randomBytes(32).toString('base64url')
  await trx
    .insertInto('password_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      expires_at: new Date(now.getTime() + SET_PASSWORD_TOKEN_TTL_MS),
    })
    .execute()
  return token
}

export async function createUser(
  db: Database,
  actor: Actor,
  input: { email: string; name: string; role: Role; passwordHash?: string },
) {
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, input.email)
    if (existing) throw new DomainError('users.emailTaken', { field: 'email' })
    const user = await trx
      .insertInto('users')
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: input.passwordHash ?? null,
      })
      .returning(publicColumns)
      .executeTakeFirstOrThrow()
    const token = input.passwordHash ? null : await issuePasswordToken(trx, user.id)
    await audit(trx, {
      actor,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
    })
    return { user, token }
  })
}

export async function findValidPasswordToken(db: Executor, token: string, now = new Date()) {
  return db
    .selectFrom('password_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.token_hash', 'u.id as user_id', 'u.email', 'u.name'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst()
}

/** Sets the password from a one-time link; the link is spent and every session of the user ends. */
export async function setPasswordWithToken(db: Database, token: string, password: string) {
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const found = await findValidPasswordToken(trx, token)
    if (!found) return null
    const spent = await trx
      .updateTable('password_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', found.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst()
    if (Number(spent.numUpdatedRows) !== 1) return null
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', found.user_id)
      .execute()
    await trx.deleteFrom('user_sessions').where('user_id', '=', found.user_id).execute()
    await audit(trx, {
      actor: { id: found.user_id, label: found.email },
      action: 'user.password.set',
      entityType: 'user',
      entityId: found.user_id,
    })
    return { userId: found.user_id, email: found.email }
  })
}

/**
 * Changes a signed-in user's password and ends their other sessions; `keepSession` (the digest of the
 * session that made the change) stays, so the user is not signed out of the page they are on.
 */
export async function changePassword(
  db: Database,
  userId: string,
  newPassword: string,
  { keepSession }: { keepSession?: string | null } = {},
) {
  const passwordHash = await hashPassword(newPassword)
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', userId)
      .execute()
    let others = trx.deleteFrom('user_sessions').where('user_id', '=', userId)
    if (keepSession) others = others.where('id_hash', '!=', keepSession)
    const ended = await others.executeTakeFirst()
    await audit(trx, {
      actor: { id: user.id, label: user.email },
      action: 'user.password.change',
      entityType: 'user',
      entityId: userId,
      after: { otherSessionsEnded: Number(ended.numDeletedRows) },
    })
  })
}

export async function updateUser(
  db: Database,
  actor: Actor,
  userId: string,
  input: { name: string; role: Role; confirmAdmin?: boolean },
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['name', 'role'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return null
    if (input.role === 'admin' && before.role !== 'admin' && !input.confirmAdmin)
      throw new DomainError('users.confirmAdmin', { field: 'confirm_admin' })
    await trx
      .updateTable('users')
      .set({ name: input.name, role: input.role, updated_at: new Date() })
      .where('id', '=', userId)
      .execute()
    if (before.role !== input.role) {
      // A new role means new rights: end old sessions so no page keeps rights the user no longer has.
      await trx.deleteFrom('user_sessions').where('user_id', '=', userId).execute()
    }
    await audit(trx, {
      actor,
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before,
      after: input,
    })
    return input
  })
}

export async function setUserDisabled(db: Database, actor: Actor, userId: string, disabled: boolean) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['disabled_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return false
    const disabledAt = disabled ? new Date() : null
    await trx
      .updateTable('users')
      .set({ disabled_at: disabledAt, updated_at: new Date() })
      .where('id', '=', userId)
      .execute()
    if (disabled) await trx.deleteFrom('user_sessions').where('user_id', '=', userId).execute()
    await audit(trx, {
      actor,
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      before: { disabled: before.disabled_at !== null },
      after: { disabled },
    })
    return true
  })
}

export async function setUserLocale(db: Database, actor: Actor & { id: string }, locale: 'en' | 'zh-TW') {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select('locale')
      .where('id', '=', actor.id)
      .executeTakeFirst()
    if (before?.locale === locale) return
    await trx.updateTable('users').set({ locale }).where('id', '=', actor.id).execute()
    await audit(trx, {
      actor,
      action: 'user.locale',
      entityType: 'user',
      entityId: actor.id,
      before,
      after: { locale },
    })
  })
}

export function listUserSessions(db: Executor, userId: string, now = new Date()) {
  return (
    db
      .selectFrom('user_sessions')
      // Sessions are stored by the digest of their id, which is also their handle on pages.
      .select(['id_hash as handle', 'created_at', 'last_active_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .where('pending', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute()
  )
}

export async function revokeSessions(db: Database, actor: Actor, userId: string, sessionHandle?: string) {
  await db.transaction().execute(async (trx) => {
    let query = trx.deleteFrom('user_sessions').where('user_id', '=', userId)
    if (sessionHandle) query = query.where('id_hash', '=', sessionHandle)
    const result = await query.executeTakeFirst()
    await audit(trx, {
      actor,
      action: sessionHandle ? 'session.revoke' : 'session.revoke-all',
      entityType: 'user',
      entityId: userId,
      after: { revoked: Number(result.numDeletedRows) },
    })
  })
}

/** A fresh one-time set-password link for an existing user (e.g. a forgotten password). */
export async function issuePasswordTokenFor(db: Database, actor: Actor, userId: string) {
  return db.transaction().execute(async (trx) => {
    const token = await issuePasswordToken(trx, userId)
    await audit(trx, { actor, action: 'user.password-link', entityType: 'user', entityId: userId })
    return token
  })
}

/** Sets users.finance_access (the accountability area's grant, audited there); false when no such user. */
export async function setUserFinanceAccess(trx: Executor, userId: string, granted: boolean) {
  const result = await trx
    .updateTable('users')
    .set({ finance_access: granted })
    .where('id', '=', userId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
