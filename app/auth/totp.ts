import { generateHOTP } from '@oslojs/otp'
import { constantTimeEqual } from '@oslojs/crypto/subtle'

// TOTP (RFC 6238): HOTP (RFC 4226, HMAC-SHA-1) of the number of 30-second steps since the Unix epoch.
// Authenticator apps use 6 digits; RFC 6238's own test vectors (Appendix B) use 8.

export const TOTP_STEP_SECONDS = 30
export const TOTP_DIGITS = 6
/** Codes of the previous and next step are accepted too (clock drift between phone and server). */
export const TOTP_DRIFT_STEPS = 1

export function totpStep(at: Date) {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS)
}

export function totpAtStep(key: Uint8Array, step: number, digits = TOTP_DIGITS) {
  return generateHOTP(key, BigInt(step), digits)
}

export function totpAt(key: Uint8Array, at: Date, digits = TOTP_DIGITS) {
  return totpAtStep(key, totpStep(at), digits)
}

/** The step whose code `code` is (within the drift window of `at`), or null. Constant time per candidate. */
export function matchTotpStep(key: Uint8Array, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const bytes = new TextEncoder().encode(code)
  const now = totpStep(at)
  let found: number | null = null
  for (let offset = -TOTP_DRIFT_STEPS; offset <= TOTP_DRIFT_STEPS; offset++) {
    const expected = new TextEncoder().encode(totpAtStep(key, now + offset))
    if (constantTimeEqual(bytes, expected) && found === null) found = now + offset
  }
  return found
}
