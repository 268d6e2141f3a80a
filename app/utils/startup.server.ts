import { seedDemo, DEMO_PASSWORD } from '#db/seed/demo'
import { closeDatabase, databaseKind, db, isDatabaseEmpty, prepareDatabase } from './db.server'
import { env } from './env.server'

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
  return { seeded, databaseKind, demoPassword: seeded ? DEMO_PASSWORD : null }
}

export const shutdown = closeDatabase
