import type { Executor } from '~/utils/db.server'
import { ABSOLUTE_TIMEOUT_MS } from './lucia.server'
import { UNCONFIRMED_ENROLMENT_MS } from './mfa.server'
import { THROTTLE_WINDOW_MS } from './throttle.server'

// Housekeeping of sign-in records, run by the server on a schedule (app/utils/startup.server.ts) and by
// `npm run purge`: sessions past their idle or absolute limit, throttle windows that have ended,
// set-password links used or expired, and MFA enrolments begun and never confirmed. Nothing here is
// still valid, so nothing anyone can do changes; the counts are logged.

export async function purgeAuthRecords(db: Executor, now = new Date()) {
  const sessions = await db
    .deleteFrom('user_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('created_at', '<=', new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS)),
      ]),
    )
    .executeTakeFirst()
  const throttle = await db
    .deleteFrom('auth_throttle')
    .where('window_start', '<=', new Date(now.getTime() - THROTTLE_WINDOW_MS))
    .executeTakeFirst()
  const tokens = await db
    .deleteFrom('password_tokens')
    .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)]))
    .executeTakeFirst()
  const enrolments = await db
    .deleteFrom('user_mfa')
    .where('confirmed_at', 'is', null)
    .where('created_at', '<=', new Date(now.getTime() - UNCONFIRMED_ENROLMENT_MS))
    .executeTakeFirst()
  return {
    sessions: Number(sessions.numDeletedRows),
    throttleRows: Number(throttle.numDeletedRows),
    passwordTokens: Number(tokens.numDeletedRows),
    mfaEnrolments: Number(enrolments.numDeletedRows),
  }
}
