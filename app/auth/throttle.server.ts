import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'

// Throttling of password checks per IP, per account and per password form: a fixed window of attempts;
// past the limit the caller gets 429 with Retry-After until the window ends. It always ends: there is no
// permanent lock-out.
//
// An attempt is counted *before* the password is checked, in one statement per key (insert … on conflict
// do update … returning): the database hands each parallel request its own count, so however many arrive
// at once, no more than the limit are checked. Reading the count first and writing it after the check
// (as before) let 72 of 200 parallel guesses through a limit of 5.

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const ACCOUNT_LIMIT = 5
export const IP_LIMIT = 20
/** Wrong current passwords on the change-password form, per signed-in user. */
export const PASSWORD_FORM_LIMIT = 5
/** Wrong second-factor codes (sign-in, enrolment, re-authentication), per user. */
export const MFA_LIMIT = 5

/** `password-link`: set-password posts per address (the link's token is what would be guessed). */
export type ThrottleKey = {
  kind: 'ip' | 'account' | 'password-form' | 'password-link' | 'mfa'
  value: string
}

export type Reservation = { ok: true } | { ok: false; retryAfter: number }

function keyOf({ kind, value }: ThrottleKey) {
  return `${kind}:${value.toLowerCase()}`
}

function limitOf(kind: ThrottleKey['kind']) {
  if (kind === 'ip' || kind === 'password-link') return IP_LIMIT
  if (kind === 'mfa') return MFA_LIMIT
  return kind === 'account' ? ACCOUNT_LIMIT : PASSWORD_FORM_LIMIT
}

/**
 * Counts one attempt against every key and says whether it may go ahead. A refused attempt still
 * counts (the window does not move), so hammering a throttled key gains nothing.
 */
export async function reserveAttempt(
  db: Executor,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<Reservation> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  let retryAfter = 0
  for (const key of keys) {
    const row = await db
      .insertInto('auth_throttle')
      .values({ key: keyOf(key), window_start: now, failures: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when auth_throttle.window_start <= ${windowFloor} then 1 else auth_throttle.failures + 1 end`,
          window_start: sql`case when auth_throttle.window_start <= ${windowFloor} then ${now} else auth_throttle.window_start end`,
        }),
      )
      .returning(['failures', 'window_start'])
      .executeTakeFirstOrThrow()
    if (row.failures > limitOf(key.kind)) {
      const windowEnds = row.window_start.getTime() + THROTTLE_WINDOW_MS
      retryAfter = Math.max(retryAfter, Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)))
    }
  }
  return retryAfter > 0 ? { ok: false, retryAfter } : { ok: true }
}

/** A successful attempt: its reservation is given back (the key's count goes down by one). */
export async function releaseAttempt(db: Executor, key: ThrottleKey) {
  await db
    .updateTable('auth_throttle')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('key', '=', keyOf(key))
    .execute()
}

export async function clearFailures(db: Executor, key: ThrottleKey) {
  await db.deleteFrom('auth_throttle').where('key', '=', keyOf(key)).execute()
}
