// Migrates the configured database to the latest schema. Usage: npm run db:migrate
import { cli } from './cli'

await cli(async () => {
  const { migrateToLatest } = await import('#db/migrate')
  const { db } = await import('~/utils/db.server')
  const results = await migrateToLatest(db)
  for (const result of results) console.log(`${result.status}: ${result.migrationName}`)
  console.log(results.length ? `Applied ${results.length} migration(s).` : 'The database is up to date.')
})
