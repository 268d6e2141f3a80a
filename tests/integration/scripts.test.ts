import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

// The command-line entry points, run as a user would: separate processes on a throwaway embedded database.

const dirs: string[] = []
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenfold-cli-'))
  dirs.push(dir)
  return path.join(dir, 'pglite')
}
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

function cleanEnv(extra: Record<string, string>) {
  const env = { ...process.env, ...extra }
  for (const key of [
    'DATABASE_URL',
    'PGLITE_DIR',
    'TENFOLD_PGLITE_SNAPSHOT',
    'TEST_DATABASE_URL',
    'VITEST',
    'NODE_OPTIONS',
  ])
    delete env[key]
  return { ...env, ...extra }
}

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout: 60_000,
  })
}

describe('command line', () => {
  test('create-admin creates the first admin and prints a one-time set-password link', () => {
    const dataDir = tempDataDir()
    const result = runScript('scripts/create-admin.ts', ['--email', 'First.Admin@Example.com'], {
      PGLITE_DIR: dataDir,
      APP_ORIGIN: 'https://tenfold.example.com',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Administrator first\.admin@example\.com created/)
    expect(result.stdout).toMatch(/https:\/\/tenfold\.example\.com\/set-password\/[A-Za-z0-9_-]{43}\n/)
    const again = runScript('scripts/create-admin.ts', ['--email', 'first.admin@example.com'], {
      PGLITE_DIR: dataDir,
    })
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
  }, 90_000)

  test('create-admin without an address exits non-zero with a usage line', () => {
    const result = runScript('scripts/create-admin.ts', [], { PGLITE_DIR: tempDataDir() })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe('Give a valid address: npm run user:create-admin -- --email ADDRESS')
  })

  test('a bad setting stops the process with one clear line', () => {
    const result = runScript('scripts/migrate.ts', [], {
      PGLITE_DIR: tempDataDir(),
      DATABASE_POOL_SIZE: 'many',
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^Invalid environment: DATABASE_POOL_SIZE/)
  })

  test('a second process on the same embedded data folder exits at once with a clear message', async () => {
    const dataDir = tempDataDir()
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', holdDatabase], {
      env: cleanEnv({ PGLITE_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve())
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)))
      })
      const started = Date.now()
      const second = runScript('scripts/migrate.ts', [], { PGLITE_DIR: dataDir })
      expect(Date.now() - started).toBeLessThan(15_000)
      expect(second.status).toBe(1)
      expect(second.stderr).toMatch(/in use by another Tenfold process \(pid \d+\)/)
    } finally {
      holder.kill('SIGTERM')
    }
  }, 60_000)
})

const holdDatabase = `
  const { db, prepareDatabase } = await import('./app/utils/db.server.ts')
  await prepareDatabase()
  console.log('holding')
  setInterval(() => {}, 1000)
`

test('apikey:create prints a key once and refuses unknown scopes', () => {
  const dataDir = tempDataDir()
  const ok = runScript(
    'scripts/apikey-create.ts',
    ['--name', 'Recommender', '--scopes', 'events:write,metrics:read'],
    { PGLITE_DIR: dataDir },
  )
  expect(ok.status).toBe(0)
  expect(ok.stdout).toMatch(/^tf_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/m)
  const bad = runScript('scripts/apikey-create.ts', ['--name', 'X', '--scopes', 'everything'], {
    PGLITE_DIR: dataDir,
  })
  expect(bad.status).toBe(1)
  expect(bad.stderr).toMatch(/unknown: everything/)
}, 60_000)

test.skipIf(!process.env.TEST_DATABASE_URL)(
  'on an unmigrated PostgreSQL the app refuses to start and names the command to run',
  async () => {
    const pg = (await import('pg')).default
    const adminUrl = process.env.TEST_DATABASE_URL!
    const name = `tenfold_unmigrated_${process.pid}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`drop database if exists "${name}"`)
    await admin.query(`create database "${name}"`)
    try {
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const result = runScript('scripts/seed.ts', [], { DATABASE_URL: url.toString() })
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/pending migration\(s\).*Run "npm run db:migrate" first\./)
      const migrated = runScript('scripts/migrate.ts', [], { DATABASE_URL: url.toString() })
      expect(migrated.status).toBe(0)
      expect(runScript('scripts/seed.ts', [], { DATABASE_URL: url.toString() }).stdout).toMatch(
        /Demo program loaded/,
      )
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`)
      await admin.end()
    }
  },
  120_000,
)
