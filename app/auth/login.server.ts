import type { AppLoadContext } from '@remix-run/node'
import { audit } from '~/models/foundation/audit.server'
import { findUserByEmail } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { clientIp } from '~/utils/http.server'
import { blankSessionCookie, createSessionCookie, invalidateSession, readSessionId } from './lucia.server'
import { dummyPasswordHash, verifyPassword } from './password.server'
import { securityEvent } from '~/utils/security-log.server'
import { clearFailures, releaseAttempt, reserveAttempt, type ThrottleKey } from './throttle.server'

export type SignInResult =
  | { ok: true; cookie: string }
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
  const { cookie } = await createSessionCookie(request, user.id, {
    ip: clientIp(context),
    userAgent: request.headers.get('User-Agent'),
  })
  await audit(db, {
    actor: { id: user.id, label: user.email },
    action: 'auth.sign-in',
    entityType: 'user',
    entityId: user.id,
  })
  return { ok: true, cookie }
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
