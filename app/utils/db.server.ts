import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { migrateToLatest, pendingMigrations } from '#db/migrate'
import type { DB } from './db.types'
import { env } from './env.server'
import { logger } from './logger.server'

// This module alone knows which engine Tenfold talks to: embedded PGlite (default) or PostgreSQL
// (DATABASE_URL). Both engines return the same JS types: int8 and numeric as numbers, date as
// 'YYYY-MM-DD' strings, timestamptz as Date.

export type Database = Kysely<DB>
export type Executor = Kysely<DB> | Transaction<DB>

const OID = { int8: 20, numeric: 1700, date: 1082 } as const
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.date]: (value) => value,
}

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError'
}

export class DatabaseNotMigratedError extends Error {
  override name = 'DatabaseNotMigratedError'
}

let releaseLock: (() => void) | undefined

/**
 * PGlite is one connection in one process with no fsync: two processes on one folder would corrupt it.
 * A lock file holding our pid is created atomically; a stale one (its process gone) is taken over.
 */
function lockDataDir(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      const release = () => fs.rmSync(lockPath, { force: true })
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(fs.readFileSync(lockPath, 'utf8'))
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dataDir} is in use by another Tenfold process (pid ${holder}). ` +
            `Stop it first, or run several processes against PostgreSQL (DATABASE_URL).`,
        )
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database in ${dataDir}.`)
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function openPglite(): Promise<PGlite> {
  const { PGLITE_DIR, TENFOLD_PGLITE_SNAPSHOT } = env()
  if (PGLITE_DIR.startsWith('memory://')) {
    const loadDataDir = TENFOLD_PGLITE_SNAPSHOT
      ? new Blob([fs.readFileSync(TENFOLD_PGLITE_SNAPSHOT)])
      : undefined
    return PGlite.create(PGLITE_DIR, { parsers, loadDataDir })
  }
  releaseLock = lockDataDir(PGLITE_DIR)
  return PGlite.create(PGLITE_DIR, { parsers })
}

function createDb(): Database {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env()
  if (DATABASE_URL) {
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: DATABASE_POOL_SIZE,
      types: { getTypeParser: (oid, format) => parsers[oid] ?? pg.types.getTypeParser(oid, format) },
    })
    // An idle connection the server drops (restart, failover, an administrator's terminate) is an
    // 'error' on the pool: without a listener it would end the process. The pool discards that client
    // and the next query opens a new one.
    pool.on('error', (error) => logger.warn({ err: error }, 'PostgreSQL closed an idle connection'))
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  }
  return new Kysely<DB>({ dialect: new PGliteDialect({ pglite: openPglite }) })
}

export const db: Database = createDb()

export const databaseKind: 'embedded' | 'postgres' = env().DATABASE_URL ? 'postgres' : 'embedded'

/**
 * Run once at server start. The embedded engine migrates itself; PostgreSQL must be migrated by
 * `npm run db:migrate` first, so that several app servers never race to change the schema.
 */
export async function prepareDatabase() {
  // The first query opens the engine (and, embedded, takes the folder's lock): fail here, plainly.
  await sql`select 1`.execute(db)
  if (databaseKind === 'embedded') {
    await migrateToLatest(db)
    return
  }
  const pending = await pendingMigrations(db)
  if (pending.length > 0) {
    throw new DatabaseNotMigratedError(
      `The PostgreSQL database has ${pending.length} pending migration(s) (${pending[0]}…). ` +
        `Run "npm run db:migrate" first.`,
    )
  }
}

export async function closeDatabase() {
  await db.destroy()
  releaseLock?.()
  releaseLock = undefined
}

export async function isDatabaseEmpty(executor: Executor = db) {
  const row = await executor
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirst()
  return (row?.count ?? 0) === 0
}
