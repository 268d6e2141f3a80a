import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'

// npm run roster:import -- FILE.csv, as automation runs it: a separate process on a throwaway database.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenfold-roster-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function runImport(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, PGLITE_DIR: path.join(dir, 'pglite') }
  for (const key of [
    'DATABASE_URL',
    'TENFOLD_PGLITE_SNAPSHOT',
    'TEST_DATABASE_URL',
    'VITEST',
    'NODE_OPTIONS',
  ])
    delete env[key]
  // Asynchronous, so the test worker keeps answering Vitest while the child runs.
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/roster-import.ts', ...args],
      { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
    )
  })
}

const HEADER = 'seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible'

test('prints the per-row report and exits non-zero on errors in all-or-nothing mode; imports a clean file', async () => {
  const bad = path.join(dir, 'bad.csv')
  fs.writeFileSync(
    bad,
    [
      HEADER,
      'S1,Ann,,North,SMB,T1,,2020-01-01,AE,enthusiast,true',
      'S2,Bo,,North,SMB,T1,S1,2020-02-30,AE,,',
    ].join('\n'),
  )
  const refused = await runImport([bad, '--locale', 'zh-TW'])
  expect(refused.status).toBe(1)
  expect(refused.stdout).toContain('第 3 行，hire_date：')
  expect(refused.stdout).toMatch(/共 2 列/)

  const good = path.join(dir, 'good.csv')
  fs.writeFileSync(good, [HEADER, 'S1,Ann,,North,SMB,T1,,2020-01-01,AE,enthusiast,true'].join('\n'))
  const imported = await runImport([good])
  expect(imported.stderr).toBe('')
  expect(imported.status).toBe(0)
  expect(imported.stdout).toContain('1 row: 1 new, 0 changed, 0 unchanged, 0 to mark as left, 0 with errors.')
  expect(imported.stdout).toMatch(/Imported \(all_or_nothing\) as version /)
}, 180_000)

test('absent reps leave only with --full-roster; more than 10 % leaving needs --confirm-leavers with that number', async () => {
  const row = (n: number) => `C${n},Rep ${n},,North,SMB,T1,,2020-01-01,AE,unknown,true`
  const all = path.join(dir, 'all.csv')
  fs.writeFileSync(all, [HEADER, ...Array.from({ length: 10 }, (_, n) => row(n))].join('\n'))
  expect((await runImport([all])).status).toBe(0)
  const two = path.join(dir, 'two.csv')
  fs.writeFileSync(two, [HEADER, row(0), row(1)].join('\n'))

  const partial = await runImport([two, '--dry-run'])
  expect(partial.stdout).toContain('0 to mark as left')
  // S1 of the first test is on this roster too: 11 current reps, 9 would leave.
  const refused = await runImport([two, '--full-roster'])
  expect(refused.status).toBe(1)
  expect(refused.stderr).toContain(
    'Type the number of reps who will be marked as left (9) to confirm. (--confirm-leavers 9)',
  )
  const wrong = await runImport([two, '--full-roster', '--confirm-leavers', '8'])
  expect(wrong.status).toBe(1)
  const done = await runImport([two, '--full-roster', '--confirm-leavers', '9'])
  expect(done.stderr).toBe('')
  expect(done.status).toBe(0)
  expect(done.stdout).toContain('9 to mark as left')
  expect(done.stdout).toMatch(/Imported \(all_or_nothing, full roster\) as version [0-9a-f-]{36}\./)
}, 240_000)
