// Imports the sales-force roster from a CSV file, as the admin page does, for automation.
// Usage: npm run roster:import -- FILE.csv [--valid-rows] [--dry-run] [--locale en|zh-TW]
// Prints the per-row report; exits 1 on errors in all-or-nothing mode (the default), when the file
// cannot be read, or — with --dry-run — when any row has an error.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { cli, UsageError } from './cli'

await cli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'valid-rows': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      locale: { type: 'string', default: 'en' },
    },
  })
  const file = positionals[0]
  if (!file || positionals.length > 1)
    throw new UsageError(
      'Usage: npm run roster:import -- FILE.csv [--valid-rows] [--dry-run] [--locale en|zh-TW]',
    )
  const { isLocale } = await import('~/i18n/locales')
  if (!isLocale(values.locale)) throw new UsageError(`Unknown locale ${values.locale}: use en or zh-TW.`)
  const locale = values.locale
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  const { importRoster, planRosterImport, reportLines } = await import('~/models/eet/roster-import.server')
  const { db, prepareDatabase } = await import('~/utils/db.server')
  await prepareDatabase()
  const mode = values['valid-rows'] ? 'valid_rows' : 'all_or_nothing'
  if (values['dry-run']) {
    const plan = await planRosterImport(db, text, locale)
    for (const line of reportLines(plan, locale)) console.log(line)
    if (!plan.ok) process.exitCode = 1
    return
  }
  const { applied, plan } = await importRoster(db, null, text, { mode, locale })
  for (const line of reportLines(plan, locale)) console.log(line)
  if (!applied) {
    console.error(plan.fileError ?? 'Nothing was imported: fix the rows above or pass --valid-rows.')
    process.exitCode = 1
    return
  }
  console.log(`Imported (${mode}).`)
})
