import { seedDemo, DEMO_PASSWORD } from '#db/seed/demo'
import { closeDatabase, databaseKind, db, isDatabaseEmpty, prepareDatabase } from './db.server'
import { env } from './env.server'
import { logger } from './logger.server'
import { purgeExpired } from '~/models/recommendations/retention.server'

const PURGE_EVERY_MS = 24 * 60 * 60 * 1000
let purgeTimer: NodeJS.Timeout | undefined

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
  return { seeded, databaseKind, demoPassword: seeded ? DEMO_PASSWORD : null }
}

export async function shutdown() {
  clearInterval(purgeTimer)
  await closeDatabase()
}
