import { randomBytes } from 'node:crypto'
import { format } from 'node:util'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, expect, vi } from 'vitest'

// Runs before every test file: gives it a fresh, migrated database of its own (a PGlite clone in
// memory, or a PostgreSQL database created from the template), and fails any test that logs
// console.error or an error through the app's logger (logger.error, logger.fatal, and so their children).

const postgresUrl = process.env.TEST_DATABASE_URL
let databaseName: string | undefined

if (postgresUrl) {
  databaseName = `tenfold_t_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create database "${databaseName}" template "${process.env.TENFOLD_TEST_PG_TEMPLATE}"`)
  await admin.end()
  const url = new URL(postgresUrl)
  url.pathname = `/${databaseName}`
  process.env.DATABASE_URL = url.toString()
  process.env.DATABASE_POOL_SIZE = '5'
} else {
  delete process.env.DATABASE_URL
  process.env.PGLITE_DIR = 'memory://'
  process.env.TENFOLD_PGLITE_SNAPSHOT = process.env.TENFOLD_TEST_PGLITE_SNAPSHOT
}
process.env.SESSION_SECRET ??= 'test-secret-that-is-long-enough-0123456789'
// Imported only now: the logger reads the environment set above.
const { logger } = await import('~/utils/logger.server')

const consoleErrors: string[] = []
let allowed = false
/** For a test that expects the app to log an error. */
export function allowConsoleError() {
  allowed = true
}

beforeEach(() => {
  consoleErrors.length = 0
  allowed = false
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(format(...args))
  })
  for (const level of ['error', 'fatal'] as const)
    vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
      consoleErrors.push(`logger.${level}: ${format(...args)}`)
    })
})

afterEach(() => {
  vi.mocked(console.error).mockRestore()
  vi.mocked(logger.error).mockRestore()
  vi.mocked(logger.fatal).mockRestore()
  if (!allowed) expect(consoleErrors, 'the app logged console.error or logger.error').toEqual([])
})

afterAll(async () => {
  const { closeDatabase } = await import('~/utils/db.server')
  await closeDatabase()
  if (postgresUrl && databaseName) {
    const admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
    await admin.query(`drop database if exists "${databaseName}" with (force)`)
    await admin.end()
  }
})
