import { createHash, randomBytes } from 'node:crypto'
import {
  decodeBase32IgnorePadding,
  encodeBase32LowerCaseNoPadding,
  encodeBase32UpperCaseNoPadding,
} from '@oslojs/encoding'
import { createTOTPKeyURI } from '@oslojs/otp'
import QRCode from 'qrcode'
import { actorOf, audit, type Actor } from '~/models/foundation/audit.server'
import type { Database, Executor } from '~/utils/db.server'
import type { Role } from '~/utils/db.types'
import { DomainError } from '~/utils/domain-error'
import { env } from '~/utils/env.server'
import { matchTotpStep, TOTP_DIGITS, TOTP_STEP_SECONDS } from './totp'

// Multi-factor authentication: a TOTP authenticator (RFC 6238) and ten one-time recovery codes, stored
// as SHA-256 digests (each code carries 50 random bits, so a fast hash is as safe as a slow one). A code
// is accepted once: a TOTP step no earlier than the last one accepted, a recovery code not yet used —
// both decided by one conditional UPDATE, so two parallel posts of the same code cannot both pass.

export const RECOVERY_CODE_COUNT = 10
/** An enrolment started and never confirmed is purged after this long. */
export const UNCONFIRMED_ENROLMENT_MS = 24 * 60 * 60 * 1000

type Who = { id: string; email: string }

/** MFA_REQUIRED_ROLES: the roles that must give a second factor when they sign in with a password. */
export function mfaRequiredFor(role: Role) {
  return env().MFA_REQUIRED_ROLES.includes(role)
}

function digest(value: string) {
  return createHash('sha256').update(value).digest('hex')
}

/** Recovery codes are typed by people: case, spaces and hyphens do not matter. */
function normaliseRecoveryCode(code: string) {
  return code.toLowerCase().replace(/[\s-]/g, '')
}

function newRecoveryCode() {
  const letters = encodeBase32LowerCaseNoPadding(randomBytes(8)).slice(0, 10)
  return `${letters.slice(0, 5)}-${letters.slice(5)}`
}

export async function getMfaStatus(db: Executor, userId: string) {
  const row = await db
    .selectFrom('user_mfa')
    .select(['secret', 'confirmed_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  const recovery = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return {
    enrolled: Boolean(row?.confirmed_at),
    enrolledAt: row?.confirmed_at ?? null,
    /** The secret of an enrolment begun and not yet confirmed by a code. */
    pendingSecret: row && !row.confirmed_at ? row.secret : null,
    recoveryCodesLeft: Number(recovery.count),
  }
}

export async function isMfaEnrolled(db: Executor, userId: string) {
  return (await getMfaStatus(db, userId)).enrolled
}

/** What the enrolment page shows: the secret as text, and its otpauth:// URI as a QR code (an SVG data URL). */
export async function enrolmentCodeFor(secret: string, email: string) {
  const uri = createTOTPKeyURI(
    'Tenfold',
    email,
    decodeBase32IgnorePadding(secret),
    TOTP_STEP_SECONDS,
    TOTP_DIGITS,
  )
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return {
    secret: secret.replace(/(.{4})/g, '$1 ').trim(),
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  }
}

/** Begins (or begins again) an enrolment with a fresh secret; refused when one is already confirmed. */
export async function startEnrolment(db: Database, user: Who) {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('user_mfa')
      .select('confirmed_at')
      .where('user_id', '=', user.id)
      .forUpdate()
      .executeTakeFirst()
    if (existing?.confirmed_at) throw new DomainError('mfa.alreadyOn', { status: 409 })
    const secret = encodeBase32UpperCaseNoPadding(randomBytes(20))
    await trx
      .insertInto('user_mfa')
      .values({ user_id: user.id, secret, confirmed_at: null, last_step: null })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret, created_at: new Date() } as never))
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'mfa.enrol-start',
      entityType: 'user',
      entityId: user.id,
    })
    return secret
  })
}

async function replaceRecoveryCodes(trx: Executor, userId: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
  await trx
    .insertInto('mfa_recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: digest(normaliseRecoveryCode(code)) })))
    .execute()
  return codes
}

/** Confirms an enrolment with a code from the app; returns the recovery codes (shown once, never stored). */
export async function confirmEnrolment(db: Database, user: Who, code: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('user_mfa')
      .select(['secret', 'confirmed_at'])
      .where('user_id', '=', user.id)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new DomainError('mfa.noEnrolment', { status: 409 })
    if (row.confirmed_at) throw new DomainError('mfa.alreadyOn', { status: 409 })
    const step = matchTotpStep(decodeBase32IgnorePadding(row.secret), code.trim(), now)
    if (step === null) throw new DomainError('mfa.codeWrong', { field: 'code' })
    await trx
      .updateTable('user_mfa')
      .set({ confirmed_at: now, last_step: step })
      .where('user_id', '=', user.id)
      .execute()
    const codes = await replaceRecoveryCodes(trx, user.id)
    await audit(trx, { actor: actorOf(user), action: 'mfa.enable', entityType: 'user', entityId: user.id })
    return codes
  })
}

/**
 * Checks a second factor: a 6-digit code from the app, or a recovery code (spent by this check).
 * Null when it is wrong, reused, or the user has no MFA.
 */
export async function verifySecondFactor(
  db: Executor,
  userId: string,
  code: string,
  now = new Date(),
): Promise<'totp' | 'recovery' | null> {
  const typed = code.trim()
  if (/^\d{6}$/.test(typed)) {
    const row = await db
      .selectFrom('user_mfa')
      .select('secret')
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst()
    if (!row) return null
    const step = matchTotpStep(decodeBase32IgnorePadding(row.secret), typed, now)
    if (step === null) return null
    const accepted = await db
      .updateTable('user_mfa')
      .set({ last_step: step })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst()
    return Number(accepted.numUpdatedRows) === 1 ? 'totp' : null
  }
  const normalised = normaliseRecoveryCode(typed)
  if (!/^[a-z2-7]{10}$/.test(normalised)) return null
  const spent = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', digest(normalised))
    .where('used_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_mfa')
          .select('user_mfa.user_id')
          .where('user_mfa.user_id', '=', userId)
          .where('user_mfa.confirmed_at', 'is not', null),
      ),
    )
    .executeTakeFirst()
  return Number(spent.numUpdatedRows) === 1 ? 'recovery' : null
}

/** New recovery codes (the old ones stop working); refused without MFA. */
export async function regenerateRecoveryCodes(db: Database, user: Who) {
  return db.transaction().execute(async (trx) => {
    if (!(await isMfaEnrolled(trx, user.id))) throw new DomainError('mfa.notOn', { status: 409 })
    const codes = await replaceRecoveryCodes(trx, user.id)
    await audit(trx, {
      actor: actorOf(user),
      action: 'mfa.recovery-codes',
      entityType: 'user',
      entityId: user.id,
    })
    return codes
  })
}

async function removeMfa(trx: Executor, userId: string) {
  await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
  const removed = await trx.deleteFrom('user_mfa').where('user_id', '=', userId).executeTakeFirst()
  return Number(removed.numDeletedRows) > 0
}

/** The user turns their own MFA off: refused when their role requires it. */
export async function disableOwnMfa(db: Database, user: Who & { role: Role }) {
  if (mfaRequiredFor(user.role)) throw new DomainError('mfa.requiredForRole', { status: 409 })
  await db.transaction().execute(async (trx) => {
    if (!(await removeMfa(trx, user.id))) throw new DomainError('mfa.notOn', { status: 409 })
    await audit(trx, { actor: actorOf(user), action: 'mfa.disable', entityType: 'user', entityId: user.id })
  })
}

/**
 * An administrator resets a user's MFA (a lost phone): the authenticator and recovery codes are
 * removed, the user's sessions end, and their next password sign-in enrols again if their role requires it.
 */
export async function resetMfa(db: Database, admin: Actor, userId: string) {
  await db.transaction().execute(async (trx) => {
    const removed = await removeMfa(trx, userId)
    if (!removed) throw new DomainError('mfa.notOn', { status: 409 })
    await trx.deleteFrom('user_sessions').where('user_id', '=', userId).execute()
    await audit(trx, { actor: admin, action: 'mfa.reset', entityType: 'user', entityId: userId })
  })
}
