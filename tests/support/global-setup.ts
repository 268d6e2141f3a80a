import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import { migrateToLatest } from '../../db/migrate'

// Builds one migrated template per schema version (keyed on a hash of db/): a PGlite data-dir snapshot,
// or a PostgreSQL template database when TEST_DATABASE_URL is set. Each test file clones it.

function schemaHash() {
  const hash = createHash('sha256')
  const files = [
    'db/migrate.ts',
    ...fs
      .readdirSync('db/migrations')
      .sort()
      .map((f) => `db/migrations/${f}`),
  ]
  for (const file of files) hash.update(file).update(fs.readFileSync(file))
  return hash.digest('hex').slice(0, 16)
}

async function pgliteSnapshot(hash: string) {
  const dir = path.resolve('node_modules/.cache/tenfold')
  const file = path.join(dir, `pglite-${hash}.tar.gz`)
  if (fs.existsSync(file)) return file
  fs.mkdirSync(dir, { recursive: true })
  const pglite = await PGlite.create('memory://')
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) })
  await migrateToLatest(db)
  const dump = await pglite.dumpDataDir('gzip')
  await db.destroy()
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, Buffer.from(await dump.arrayBuffer()))
  fs.renameSync(temp, file)
  return file
}

async function postgresTemplate(adminUrl: string, hash: string) {
  const name = `tenfold_tpl_${hash}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    // Templates of older schema versions are dropped (one in use by a concurrent run is left alone).
    const stale = await admin.query(
      "select datname from pg_database where datname like 'tenfold_tpl_%' and datname <> $1",
      [name],
    )
    for (const { datname } of stale.rows as { datname: string }[]) {
      await admin.query(`drop database if exists "${datname}"`).catch(() => undefined)
    }
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount) return name
    const building = `${name}_build_${process.pid}`
    await admin.query(`drop database if exists "${building}"`)
    await admin.query(`create database "${building}"`)
    const url = new URL(adminUrl)
    url.pathname = `/${building}`
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
    })
    await migrateToLatest(db)
    await db.destroy()
    await admin.query(`alter database "${building}" rename to "${name}"`)
    return name
  } finally {
    await admin.end()
  }
}

export default async function globalSetup() {
  const hash = schemaHash()
  const postgresUrl = process.env.TEST_DATABASE_URL
  if (postgresUrl) {
    process.env.TENFOLD_TEST_PG_TEMPLATE = await postgresTemplate(postgresUrl, hash)
  } else {
    process.env.TENFOLD_TEST_PGLITE_SNAPSHOT = await pgliteSnapshot(hash)
  }
}
