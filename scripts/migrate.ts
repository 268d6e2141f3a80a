// Migrates the configured database to the latest schema. Usage: npm run db:migrate
import { migrateToLatest } from '#db/migrate'
import { closeDatabase, db } from '~/utils/db.server'

try {
  const results = await migrateToLatest(db)
  for (const result of results) console.log(`${result.status}: ${result.migrationName}`)
  console.log(results.length ? `Applied ${results.length} migration(s).` : 'The database is up to date.')
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await closeDatabase()
}
