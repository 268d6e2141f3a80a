// Deletes raw recommendation events and per-rep activity days past the reporting program's retention
// (rep-data privacy; the server also runs it daily). Usage: npm run data:purge
import { purgeExpired } from '~/models/recommendations/retention.server'
import { closeDatabase, db, prepareDatabase } from '~/utils/db.server'

try {
  await prepareDatabase()
  const report = await purgeExpired(db, { id: null, label: 'cli:purge' })
  console.log(
    `Purged ${report.events} raw events and ${report.activityDays} activity days before ${report.cutoff}`,
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await closeDatabase()
}
