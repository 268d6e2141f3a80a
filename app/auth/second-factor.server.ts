import type { AppLoadContext } from '@remix-run/node'
import { findUserByEmail } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { clientIp } from '~/utils/http.server'
import { securityEvent } from '~/utils/security-log.server'
import { auditSignIn } from './login.server'
import { completePendingSession, markReauthenticated, readSessionId } from './lucia.server'
import { confirmEnrolment, verifySecondFactor } from './mfa.server'
import { verifyPassword } from './password.server'
import { getPendingSignIn, type AuthUser } from './session.server'
import { releaseAttempt, reserveAttempt } from './throttle.server'

// The second step of a password sign-in (a code, or enrolment when the role requires MFA) and
// re-authentication before security-sensitive changes. Wrong codes are throttled per user and logged.

export type SecondFactorResult =
  | { ok: true; recoveryCodes: string[] | null }
  | { ok: false; reason: 'expired' | 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number }

async function reserve(userId: string, context: AppLoadContext) {
  const reservation = await reserveAttempt(db, [{ kind: 'mfa', value: userId }])
  if (!reservation.ok)
    securityEvent('mfa.throttled', { userId, ip: clientIp(context), retryAfter: reservation.retryAfter })
  return reservation
}

export async function completeSignIn(
  request: Request,
  context: AppLoadContext,
  code: string,
  now = new Date(),
): Promise<SecondFactorResult> {
  const pending = await getPendingSignIn(request)
  if (!pending) return { ok: false, reason: 'expired' }
  const { user } = pending
  const reservation = await reserve(user.id, context)
  if (!reservation.ok) return { ok: false, reason: 'throttled', retryAfter: reservation.retryAfter }
  let method: 'totp' | 'recovery' | null
  let recoveryCodes: string[] | null = null
  if (pending.step === 'mfa-enrol') {
    try {
      recoveryCodes = await confirmEnrolment(db, user, code, now)
      method = 'totp'
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      method = null
    }
  } else method = await verifySecondFactor(db, user.id, code, now)
  if (!method) {
    securityEvent('mfa.failed', { userId: user.id, ip: clientIp(context), reason: 'sign-in' })
    return { ok: false, reason: 'invalid' }
  }
  await releaseAttempt(db, { kind: 'mfa', value: user.id })
  if (!(await completePendingSession(pending.sessionId, now))) return { ok: false, reason: 'expired' }
  await auditSignIn(user, method)
  return { ok: true, recoveryCodes }
}

/** The user proves who they are again, by password or by a second factor; the session may then make sensitive changes. */
export async function reauthenticate(
  request: Request,
  context: AppLoadContext,
  user: AuthUser,
  proof: { password?: string; code?: string },
  now = new Date(),
): Promise<
  { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfter: number }
> {
  const key = proof.code
    ? ({ kind: 'mfa', value: user.id } as const)
    : ({ kind: 'password-form', value: user.id } as const)
  const reservation = proof.code ? await reserve(user.id, context) : await reserveAttempt(db, [key])
  if (!reservation.ok) return { ok: false, reason: 'throttled', retryAfter: reservation.retryAfter }
  let valid = false
  if (proof.code) {
    valid = (await verifySecondFactor(db, user.id, proof.code, now)) !== null
    if (!valid) securityEvent('mfa.failed', { userId: user.id, ip: clientIp(context), reason: 'reauth' })
  } else {
    const account = await findUserByEmail(db, user.email)
    valid = Boolean(
      account?.password_hash && (await verifyPassword(account.password_hash, proof.password ?? '')),
    )
    if (!valid) securityEvent('password.current-wrong', { userId: user.id, ip: clientIp(context) })
  }
  if (!valid) return { ok: false, reason: 'invalid' }
  await releaseAttempt(db, key)
  const sessionId = readSessionId(request)
  if (sessionId) await markReauthenticated(sessionId, now)
  return { ok: true }
}
