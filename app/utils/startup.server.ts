import { seedDemo, DEMO_PASSWORD } from '#db/seed/demo'
import { closeDatabase, databaseKind, db, isDatabaseEmpty, prepareDatabase } from './db.server'
import { env } from './env.server'
import { logger } from './logger.server'
import { purgeExpired } from '~/models/recommendations/retention.server'
import { purgeAuthRecords } from '~/auth/purge.server'

const PURGE_EVERY_MS = 24 * 60 * 60 * 1000
/** Ended sessions, throttle windows and spent links are removed hourly (app/auth/purge.server.ts). */
const AUTH_PURGE_EVERY_MS = 60 * 60 * 1000
let purgeTimer: NodeJS.Timeout | undefined
let authPurgeTimer: NodeJS.Timeout | undefined

function scheduleAuthPurge() {
  const purge = () =>
    purgeAuthRecords(db)
      .then((report) => logger.info({ authPurge: report }, 'Sign-in records purged'))
      .catch((error: unknown) => logger.warn({ err: error }, 'Sign-in records purge failed'))
  authPurgeTimer = setInterval(purge, AUTH_PURGE_EVERY_MS)
  authPurgeTimer.unref()
  setTimeout(purge, 30_000).unref()
}

/** Rep-data privacy: the retention purge runs once after start and then daily while the server runs. */
function schedulePurge() {
  const purge = () =>
    purgeExpired(db, { id: null, label: 'server:purge' })
      .then((report) => logger.info({ purge: report }, 'Retention purge done'))
      .catch((error: unknown) => logger.error({ err: error }, 'Retention purge failed'))
  purgeTimer = setInterval(purge, PURGE_EVERY_MS)
  purgeTimer.unref()
  setTimeout(purge, 60_000).unref()
}

/**
 * Called once by scripts/serve.ts before it listens, through the server build (so the server and the
 * app share one database handle). With `demo`, an empty database gets the demo program.
 */
export async function startup({ demo }: { demo: boolean }) {
  env()
  await prepareDatabase()
  let seeded = false
  if (demo && (await isDatabaseEmpty(db))) {
    await seedDemo(db)
    seeded = true
  }
  schedulePurge()
  scheduleAuthPurge()
  return { seeded, databaseKind, demoPassword: seeded ? DEMO_PASSWORD : null }
}

export async function shutdown() {
  clearInterval(purgeTimer)
  clearInterval(authPurgeTimer)
  await closeDatabase()
}
