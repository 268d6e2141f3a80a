// Removes sign-in records that can no longer be used: ended sessions, finished throttle windows, used
// or expired set-password links, MFA enrolments never confirmed (the server also does it hourly).
// Usage: npm run purge
import { purgeAuthRecords } from '~/auth/purge.server'
import { db, prepareDatabase } from '~/utils/db.server'
import { cli } from './cli'

await cli(async () => {
  await prepareDatabase()
  const report = await purgeAuthRecords(db)
  console.log(
    `Purged ${report.sessions} sessions, ${report.throttleRows} throttle rows, ${report.passwordTokens} set-password links, ${report.mfaEnrolments} unconfirmed MFA enrolments`,
  )
})
