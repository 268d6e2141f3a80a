import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import { db } from '~/utils/db.server'
import type { Role } from '~/utils/db.types'

// The only module that imports lucia (deprecated upstream). Everything else uses app/auth/session.server.ts.
// Rules (OWASP ASVS L2): 200-bit random ids, 30-minute idle and 12-hour absolute limits, HttpOnly,
// SameSite=Lax, and Secure with the __Host- prefix whenever the request came over HTTPS.

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000
/** Extend the idle deadline at most once a minute, so reads do not each write. */
const EXTEND_AFTER_MS = 60 * 1000

const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db
      .selectFrom('user_sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id as session_id',
        's.user_id',
        's.expires_at',
        's.created_at',
        'u.email',
        'u.name',
        'u.role',
        'u.locale',
        'u.disabled_at',
      ])
      .where('s.id', '=', sessionId)
      .executeTakeFirst()
    if (!row) return [null, null]
    const session: DatabaseSession = {
      id: row.session_id,
      userId: row.user_id,
      expiresAt: row.expires_at,
      attributes: { created_at: row.created_at },
    }
    const user: DatabaseUser = {
      id: row.user_id,
      attributes: {
        email: row.email,
        name: row.name,
        role: row.role,
        locale: row.locale,
        disabled_at: row.disabled_at,
      },
    }
    return [session, user]
  },
  async getUserSessions(userId) {
    const rows = await db.selectFrom('user_sessions').selectAll().where('user_id', '=', userId).execute()
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      expiresAt: row.expires_at,
      attributes: { created_at: row.created_at },
    }))
  },
  async setSession(session) {
    const attributes = session.attributes as { ip?: string | null; user_agent?: string | null }
    await db
      .insertInto('user_sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        expires_at: session.expiresAt,
        ip: attributes.ip ?? null,
        user_agent: attributes.user_agent?.slice(0, 300) ?? null,
      })
      .execute()
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.updateTable('user_sessions').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute()
  },
  async deleteSession(sessionId) {
    await db.deleteFrom('user_sessions').where('id', '=', sessionId).execute()
  },
  async deleteUserSessions(userId) {
    await db.deleteFrom('user_sessions').where('user_id', '=', userId).execute()
  },
  async deleteExpiredSessions() {
    await db.deleteFrom('user_sessions').where('expires_at', '<=', new Date()).execute()
  },
}

function createLucia(secure: boolean) {
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(IDLE_TIMEOUT_MS / 60_000, 'm'),
    sessionCookie: {
      name: secure ? '__Host-tenfold_session' : 'tenfold_session',
      expires: false,
      attributes: { secure, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => ({ createdAt: attributes.created_at }),
  })
}

const secureLucia = createLucia(true)
const plainLucia = createLucia(false)

declare module 'lucia' {
  interface Register {
    Lucia: typeof secureLucia
    DatabaseUserAttributes: {
      email: string
      name: string
      role: Role
      locale: 'en' | 'zh-TW' | null
      disabled_at: Date | null
    }
    DatabaseSessionAttributes: { created_at: Date; ip?: string | null; user_agent?: string | null }
  }
}

export type AuthUser = { id: string; email: string; name: string; role: Role; locale: 'en' | 'zh-TW' | null }
export type AuthSession = { id: string; userId: string; expiresAt: Date; createdAt: Date }

export function isSecureRequest(request: Request) {
  return new URL(request.url).protocol === 'https:'
}

function luciaFor(request: Request) {
  return isSecureRequest(request) ? secureLucia : plainLucia
}

export function readSessionId(request: Request): string | null {
  return luciaFor(request).readSessionCookie(request.headers.get('Cookie') ?? '')
}

/** Validates the session cookie; enforces the absolute limit, the disabled flag, and slides the idle limit. */
export async function validateSession(
  sessionId: string,
  now = new Date(),
): Promise<{ user: AuthUser; session: AuthSession } | null> {
  const result = await plainLucia.validateSession(sessionId)
  if (!result.session) return null
  const { session, user } = result
  const absoluteDeadline = session.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS
  if (user.disabled_at || now.getTime() >= absoluteDeadline) {
    await plainLucia.invalidateSession(session.id)
    return null
  }
  let expiresAt = session.expiresAt
  const wanted = Math.min(now.getTime() + IDLE_TIMEOUT_MS, absoluteDeadline)
  if (wanted - expiresAt.getTime() >= EXTEND_AFTER_MS) {
    expiresAt = new Date(wanted)
    await adapter.updateSessionExpiration(session.id, expiresAt)
  }
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale },
    session: { id: session.id, userId: session.userId, expiresAt, createdAt: session.createdAt },
  }
}

/** Creates a brand-new session (a fresh id at every sign-in) and returns its Set-Cookie header. */
export async function createSessionCookie(
  request: Request,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
) {
  const lucia = luciaFor(request)
  const session = await lucia.createSession(userId, {
    created_at: new Date(),
    ip: meta.ip,
    user_agent: meta.userAgent,
  })
  return { sessionId: session.id, cookie: lucia.createSessionCookie(session.id).serialize() }
}

export function blankSessionCookie(request: Request) {
  return luciaFor(request).createBlankSessionCookie().serialize()
}

export async function invalidateSession(sessionId: string) {
  await plainLucia.invalidateSession(sessionId)
}

export async function invalidateUserSessions(userId: string) {
  await plainLucia.invalidateUserSessions(userId)
}
