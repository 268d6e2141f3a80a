import { createHash } from 'node:crypto'
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import { db } from '~/utils/db.server'
import type { Role } from '~/utils/db.types'

// The only module that imports lucia (deprecated upstream). Everything else uses app/auth/session.server.ts.
// Rules (OWASP ASVS L2): 200-bit random ids, stored only as their SHA-256 digest (as lucia's successor
// guidance does: a copy of the table yields no usable cookie); ONE expiry policy, Tenfold's: 30 minutes
// idle, 12 hours absolute. Lucia makes the ids and the cookies; it never validates a session, so its own
// sliding (expires_at pushed to now + sessionExpiresIn, beyond the absolute limit, on the real clock)
// never runs. HttpOnly, SameSite=Lax, and Secure with the __Host- prefix whenever the request came over HTTPS.

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000
/** A sign-in waiting for its second factor lasts this long, and never slides. */
export const PENDING_TIMEOUT_MS = 5 * 60 * 1000
/** Extend the idle deadline at most once a minute, so reads do not each write. */
const EXTEND_AFTER_MS = 60 * 1000

export type PendingStep = 'mfa' | 'mfa-enrol'

/** The digest a session is stored by (hex SHA-256 of its id). */
export function hashSessionId(sessionId: string) {
  return createHash('sha256').update(sessionId).digest('hex')
}

type SessionAttributes = {
  created_at: Date
  last_active_at: Date
  authenticated_at: Date
  pending: PendingStep | null
}

// Lucia hands the adapter the id from the cookie; the adapter hashes it before every query.
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db
      .selectFrom('user_sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.user_id',
        's.expires_at',
        's.created_at',
        's.last_active_at',
        's.authenticated_at',
        's.pending',
        'u.email',
        'u.name',
        'u.role',
        'u.locale',
        'u.disabled_at',
      ])
      .where('s.id_hash', '=', hashSessionId(sessionId))
      .executeTakeFirst()
    if (!row) return [null, null]
    const attributes: SessionAttributes = {
      created_at: row.created_at,
      last_active_at: row.last_active_at,
      authenticated_at: row.authenticated_at,
      pending: row.pending,
    }
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.user_id,
      expiresAt: row.expires_at,
      attributes,
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
  // Required by lucia's interface, never called by Tenfold: the ids it returns are digests, which no
  // other method accepts (app/auth/sessions.server.ts lists a user's sessions by digest instead).
  async getUserSessions(userId) {
    const rows = await db.selectFrom('user_sessions').selectAll().where('user_id', '=', userId).execute()
    return rows.map((row) => ({
      id: row.id_hash,
      userId: row.user_id,
      expiresAt: row.expires_at,
      attributes: {
        created_at: row.created_at,
        last_active_at: row.last_active_at,
        authenticated_at: row.authenticated_at,
        pending: row.pending,
      },
    }))
  },
  async setSession(session) {
    const attributes = session.attributes as {
      created_at: Date
      pending?: PendingStep | null
      ip?: string | null
      user_agent?: string | null
    }
    const now = attributes.created_at
    const expiresAt = attributes.pending ? new Date(now.getTime() + PENDING_TIMEOUT_MS) : session.expiresAt
    await db
      .insertInto('user_sessions')
      .values({
        id_hash: hashSessionId(session.id),
        user_id: session.userId,
        expires_at: expiresAt,
        created_at: now,
        last_active_at: now,
        authenticated_at: now,
        pending: attributes.pending ?? null,
        ip: attributes.ip ?? null,
        user_agent: attributes.user_agent?.slice(0, 300) ?? null,
      })
      .execute()
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db
      .updateTable('user_sessions')
      .set({ expires_at: expiresAt })
      .where('id_hash', '=', hashSessionId(sessionId))
      .execute()
  },
  async deleteSession(sessionId) {
    await db.deleteFrom('user_sessions').where('id_hash', '=', hashSessionId(sessionId)).execute()
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
    // The first idle deadline of a new session (lucia writes it at creation); later ones are ours.
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
    DatabaseSessionAttributes: {
      created_at: Date
      last_active_at?: Date
      authenticated_at?: Date
      pending?: PendingStep | null
      ip?: string | null
      user_agent?: string | null
    }
  }
}

export type AuthUser = { id: string; email: string; name: string; role: Role; locale: 'en' | 'zh-TW' | null }
export type AuthSession = {
  id: string
  userId: string
  expiresAt: Date
  createdAt: Date
  /** When its user last proved who they are (sign-in or re-authentication). */
  authenticatedAt: Date
}

export function isSecureRequest(request: Request) {
  return new URL(request.url).protocol === 'https:'
}

function luciaFor(request: Request) {
  return isSecureRequest(request) ? secureLucia : plainLucia
}

export function readSessionId(request: Request): string | null {
  return luciaFor(request).readSessionCookie(request.headers.get('Cookie') ?? '')
}

/** The digest of the request's session (to mark "this session" in lists, or keep it), or null. */
export function currentSessionHash(request: Request): string | null {
  const sessionId = readSessionId(request)
  return sessionId ? hashSessionId(sessionId) : null
}

function attributesOf(session: DatabaseSession) {
  return session.attributes as unknown as SessionAttributes
}

/**
 * The one expiry policy: a session ends 30 minutes after its last use (idle) and 12 hours after sign-in
 * (absolute), whichever comes first, or when its user is disabled. Each use moves the idle deadline to
 * min(now + 30 min, sign-in + 12 h). A session still waiting for its second factor signs no one in.
 */
export async function validateSession(
  sessionId: string,
  now = new Date(),
): Promise<{ user: AuthUser; session: AuthSession } | null> {
  const [session, user] = await adapter.getSessionAndUser(sessionId)
  if (!session || !user) return null
  const attributes = attributesOf(session)
  const absoluteDeadline = attributes.created_at.getTime() + ABSOLUTE_TIMEOUT_MS
  const expired = now.getTime() >= session.expiresAt.getTime() || now.getTime() >= absoluteDeadline
  if (user.attributes.disabled_at || expired) {
    await adapter.deleteSession(sessionId)
    return null
  }
  if (attributes.pending) return null
  let expiresAt = session.expiresAt
  const wanted = Math.min(now.getTime() + IDLE_TIMEOUT_MS, absoluteDeadline)
  if (wanted - expiresAt.getTime() >= EXTEND_AFTER_MS) {
    expiresAt = new Date(wanted)
    await db
      .updateTable('user_sessions')
      .set({ expires_at: expiresAt, last_active_at: now })
      .where('id_hash', '=', hashSessionId(sessionId))
      .execute()
  }
  const { email, name, role, locale } = user.attributes
  return {
    user: { id: user.id, email, name, role, locale },
    session: {
      id: sessionId,
      userId: user.id,
      expiresAt,
      createdAt: attributes.created_at,
      authenticatedAt: attributes.authenticated_at,
    },
  }
}

/** A sign-in that waits for its second factor: its user, and which step (a code, or enrolment). */
export async function validatePendingSession(sessionId: string, now = new Date()) {
  const [session, user] = await adapter.getSessionAndUser(sessionId)
  if (!session || !user) return null
  const { pending } = attributesOf(session)
  if (!pending) return null
  if (user.attributes.disabled_at || now.getTime() >= session.expiresAt.getTime()) {
    await adapter.deleteSession(sessionId)
    return null
  }
  const { email, name, role, locale } = user.attributes
  return { sessionId, step: pending, user: { id: user.id, email, name, role, locale } satisfies AuthUser }
}

/**
 * The second factor was given: the waiting session becomes a signed-in one (its id was made at this
 * sign-in, after the password, for this user only, so keeping it fixes no session). False when it was
 * no longer waiting (completed twice, or ended).
 */
export async function completePendingSession(sessionId: string, now = new Date()) {
  const result = await db
    .updateTable('user_sessions')
    .set({
      pending: null,
      expires_at: new Date(now.getTime() + IDLE_TIMEOUT_MS),
      last_active_at: now,
      authenticated_at: now,
    })
    .where('id_hash', '=', hashSessionId(sessionId))
    .where('pending', 'is not', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The user proved who they are again (password or code): sensitive changes are allowed for a while. */
export async function markReauthenticated(sessionId: string, now = new Date()) {
  await db
    .updateTable('user_sessions')
    .set({ authenticated_at: now })
    .where('id_hash', '=', hashSessionId(sessionId))
    .execute()
}

type SessionMeta = { ip: string | null; userAgent: string | null }

async function createSession(
  request: Request,
  userId: string,
  meta: SessionMeta,
  pending: PendingStep | null,
) {
  const lucia = luciaFor(request)
  const session = await lucia.createSession(userId, {
    created_at: new Date(),
    pending,
    ip: meta.ip,
    user_agent: meta.userAgent,
  })
  return { sessionId: session.id, cookie: lucia.createSessionCookie(session.id).serialize() }
}

/** Creates a brand-new signed-in session (a fresh id at every sign-in) and returns its Set-Cookie header. */
export async function createSessionCookie(request: Request, userId: string, meta: SessionMeta) {
  return createSession(request, userId, meta, null)
}

/** Creates a session that signs no one in until its second factor is given (completePendingSession). */
export async function createPendingSessionCookie(
  request: Request,
  userId: string,
  meta: SessionMeta,
  step: PendingStep,
) {
  return createSession(request, userId, meta, step)
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
