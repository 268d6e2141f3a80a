import type { AppLoadContext } from '@remix-run/node'
import { audit } from '~/models/foundation/audit.server'
import { findUserByEmail } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { clientIp } from '~/utils/http.server'
import {
  blankSessionCookie,
  createPendingSessionCookie,
  createSessionCookie,
  invalidateSession,
  readSessionId,
} from './lucia.server'
import { getMfaStatus, mfaRequiredFor, startEnrolment } from './mfa.server'
import { dummyPasswordHash, verifyPassword } from './password.server'
import { securityEvent } from '~/utils/security-log.server'
import { clearFailures, releaseAttempt, reserveAttempt, type ThrottleKey } from './throttle.server'

export type SignInResult =
  /** `mfa`: the password was right; the session waits for a second factor at /login/mfa. */
  | { ok: true; cookie: string; mfa: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number }

export async function signIn(
  request: Request,
  context: AppLoadContext,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const ip = clientIp(context) ?? 'unknown'
  const keys: ThrottleKey[] = [
    { kind: 'ip', value: ip },
    { kind: 'account', value: input.email },
  ]
  const reservation = await reserveAttempt(db, keys)
  if (!reservation.ok) {
    securityEvent('sign-in.throttled', { ip, email: input.email, retryAfter: reservation.retryAfter })
    return { ok: false, reason: 'throttled', retryAfter: reservation.retryAfter }
  }

  const user = await findUserByEmail(db, input.email)
  const passwordHash = user?.password_hash ?? (await dummyPasswordHash())
  const valid =
    (await verifyPassword(passwordHash, input.password)) && user !== undefined && !user.disabled_at
  if (!valid || !user?.password_hash) {
    securityEvent('sign-in.failed', { ip, email: input.email, userId: user?.id ?? null })
    return { ok: false, reason: 'invalid' }
  }

  // A fresh session id at every sign-in: whatever session the browser carried is ended first.
  const previous = readSessionId(request)
  if (previous) await invalidateSession(previous)
  await clearFailures(db, { kind: 'account', value: input.email })
  await releaseAttempt(db, { kind: 'ip', value: ip })
  const meta = { ip: clientIp(context), userAgent: request.headers.get('User-Agent') }
  // A second factor when the user has one, or when their role requires one (enrolled at sign-in).
  const { enrolled, pendingSecret } = await getMfaStatus(db, user.id)
  if (enrolled || mfaRequiredFor(user.role)) {
    // An enrolment begun at an earlier sign-in keeps its key (the app may have it already).
    if (!enrolled && !pendingSecret) await startEnrolment(db, user)
    const step = enrolled ? 'mfa' : 'mfa-enrol'
    const { cookie } = await createPendingSessionCookie(request, user.id, meta, step)
    return { ok: true, cookie, mfa: true }
  }
  const { cookie } = await createSessionCookie(request, user.id, meta)
  await auditSignIn(user, 'password')
  return { ok: true, cookie, mfa: false }
}

/** The audit row of a completed sign-in, with how the user proved who they are. */
export async function auditSignIn(
  user: { id: string; email: string },
  method: 'password' | 'totp' | 'recovery',
) {
  await audit(db, {
    actor: { id: user.id, label: user.email },
    action: 'auth.sign-in',
    entityType: 'user',
    entityId: user.id,
    after: { method },
  })
}

export async function signOut(request: Request, user: { id: string; email: string } | null) {
  const sessionId = readSessionId(request)
  if (sessionId) await invalidateSession(sessionId)
  if (user)
    await audit(db, {
      actor: { id: user.id, label: user.email },
      action: 'auth.sign-out',
      entityType: 'user',
      entityId: user.id,
    })
  return blankSessionCookie(request)
}
