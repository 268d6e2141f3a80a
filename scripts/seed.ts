// Loads the demo program into an empty database (embedded or PostgreSQL). Refuses a non-empty one.
import { cli, UsageError } from './cli'

await cli(async () => {
  const { seedDemo } = await import('#db/seed/demo')
  const { db, isDatabaseEmpty, prepareDatabase } = await import('~/utils/db.server')
  await prepareDatabase()
  if (!(await isDatabaseEmpty(db)))
    throw new UsageError('The database is not empty: the demo loads only into an empty database.')
  await seedDemo(db)
  console.log('Demo program loaded.')
})
