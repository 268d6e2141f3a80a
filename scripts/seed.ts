// Loads the demo program into an empty database (embedded or PostgreSQL). Refuses a non-empty one.
import { seedDemo } from '#db/seed/demo'
import { closeDatabase, db, isDatabaseEmpty, prepareDatabase } from '~/utils/db.server'

try {
  await prepareDatabase()
  if (!(await isDatabaseEmpty(db))) {
    console.error('The database is not empty: the demo loads only into an empty database.')
    process.exitCode = 1
  } else {
    await seedDemo(db)
    console.log('Demo program loaded.')
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await closeDatabase()
}
