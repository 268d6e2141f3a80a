import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'

// Sign-in throttling per IP and per account: a fixed window of failures; past the limit the caller gets
// 429 with Retry-After until the window ends. It always ends: there is no permanent lock-out.

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const ACCOUNT_LIMIT = 5
export const IP_LIMIT = 20

export type ThrottleKey = { kind: 'ip' | 'account'; value: string }

function keyOf({ kind, value }: ThrottleKey) {
  return `${kind}:${value.toLowerCase()}`
}

function limitOf(kind: ThrottleKey['kind']) {
  return kind === 'ip' ? IP_LIMIT : ACCOUNT_LIMIT
}

/** Seconds to wait before another attempt is allowed, or 0. */
export async function retryAfterSeconds(db: Executor, keys: ThrottleKey[], now = new Date()) {
  let wait = 0
  for (const key of keys) {
    const row = await db
      .selectFrom('auth_throttle')
      .selectAll()
      .where('key', '=', keyOf(key))
      .executeTakeFirst()
    if (!row) continue
    const windowEnds = row.window_start.getTime() + THROTTLE_WINDOW_MS
    if (windowEnds > now.getTime() && row.failures >= limitOf(key.kind)) {
      wait = Math.max(wait, Math.ceil((windowEnds - now.getTime()) / 1000))
    }
  }
  return wait
}

export async function recordFailure(db: Executor, keys: ThrottleKey[], now = new Date()) {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  for (const key of keys) {
    await db
      .insertInto('auth_throttle')
      .values({ key: keyOf(key), window_start: now, failures: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when auth_throttle.window_start <= ${windowFloor} then 1 else auth_throttle.failures + 1 end`,
          window_start: sql`case when auth_throttle.window_start <= ${windowFloor} then ${now} else auth_throttle.window_start end`,
        }),
      )
      .execute()
  }
}

export async function clearFailures(db: Executor, key: ThrottleKey) {
  await db.deleteFrom('auth_throttle').where('key', '=', keyOf(key)).execute()
}
