import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import {
  isIanaTimeZone,
  reportingProgram,
  setReportingTimezone,
} from '~/models/foundation/reporting-program.server'
import { db } from '~/utils/db.server'
import { createProgram } from '#tests/factories'

describe('the reporting program and its time zone', () => {
  test('is the oldest program not archived; UTC without one', async () => {
    expect(await reportingProgram(db)).toEqual({ id: null, name: null, timezone: 'UTC' })
    const first = await createProgram({ reporting_timezone: 'Asia/Taipei' })
    await createProgram({ reporting_timezone: 'Europe/Berlin' })
    expect(await reportingProgram(db)).toMatchObject({ id: first.id, timezone: 'Asia/Taipei' })
    await db.updateTable('programs').set({ archived_at: new Date() }).where('id', '=', first.id).execute()
    expect((await reportingProgram(db)).timezone).toBe('Europe/Berlin')
  })

  test('setting it is audited', async () => {
    expect(
      await setReportingTimezone(
        db,
        { id: null, label: 'cli:test' },
        'UTC',
        '00000000-0000-0000-0000-000000000000',
      ),
    ).toBeNull()
    const result = await setReportingTimezone(db, { id: null, label: 'cli:test' }, 'America/New_York')
    expect(result).toMatchObject({ before: 'Europe/Berlin', after: 'America/New_York' })
    expect((await reportingProgram(db)).timezone).toBe('America/New_York')
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_label', '=', 'cli:test')
      .executeTakeFirstOrThrow()
    expect(entry).toMatchObject({
      action: 'program.update',
      after: { reporting_timezone: 'America/New_York' },
    })
  })

  test.each([
    ['Asia/Taipei', true],
    ['UTC', true],
    ['Etc/GMT+8', true],
    ['America/Argentina/Buenos_Aires', true],
    ['utc', false],
    ['EST', false],
    ['Mars/Olympus', false],
    ['', false],
  ])('IANA name %s → %s', (name, ok) => expect(isIanaTimeZone(name)).toBe(ok))
})

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

test('npm run program:settings refuses a name that is not IANA (exit 1, before touching the database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenfold-tz-'))
  dirs.push(dir)
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'pglite') }
  for (const key of [
    'DATABASE_URL',
    'TENFOLD_PGLITE_SNAPSHOT',
    'TEST_DATABASE_URL',
    'VITEST',
    'NODE_OPTIONS',
  ])
    delete env[key]
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/program-settings.ts', ...args], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    })
  const bad = run(['--timezone', 'Mars/Olympus'])
  expect(bad.status).toBe(1)
  expect(bad.stderr).toMatch(/not an IANA time zone/)
}, 150_000)
