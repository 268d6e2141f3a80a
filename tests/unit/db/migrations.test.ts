import fs from 'node:fs'
import { expect, test } from 'vitest'
import { migrations } from '#db/migrate'

test('db/migrate.ts lists every migration file, in order, and nothing else', () => {
  const files = fs
    .readdirSync('db/migrations')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()
  expect(Object.keys(migrations)).toEqual(files)
})

test('migration names follow YYYY_MM_DD_HHMM_verb_noun', () => {
  for (const name of Object.keys(migrations))
    expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z]+(_[a-z0-9]+)+$/)
})

test('every migration can be undone', () => {
  for (const [name, migration] of Object.entries(migrations))
    expect(migration.down, name).toBeTypeOf('function')
})
