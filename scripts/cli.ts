// Runs a command-line entry point: known failures (bad settings, a locked or unmigrated database, a
// usage error) print one clear line and exit 1; the database is always closed.

export class UsageError extends Error {}

const KNOWN = new Set([
  'UsageError',
  'InvalidEnvironmentError',
  'DatabaseLockedError',
  'DatabaseNotMigratedError',
])

export async function cli(main: () => Promise<void>) {
  try {
    await main()
  } catch (error) {
    const known = error instanceof Error && (error instanceof UsageError || KNOWN.has(error.name))
    console.error(known ? (error as Error).message : error)
    process.exitCode = 1
  } finally {
    try {
      const { closeDatabase } = await import('~/utils/db.server')
      await closeDatabase()
    } catch {
      // The database never opened (e.g. the environment was invalid).
    }
  }
}
