// Imports the sales-force roster from a CSV file, as the admin page does, for automation.
// Usage: npm run roster:import -- FILE.csv [--full-roster] [--confirm-leavers N] [--valid-rows]
//        [--dry-run] [--locale en|zh-TW]
// The rules are the page's: reps absent from the file are marked as left only with --full-roster, and a
// file that would mark more than 10 % of the current sales force as left is refused unless
// --confirm-leavers gives that exact number. Every import is a version that the page can undo for 7 days.
// Prints the per-row report; exits 1 on errors in all-or-nothing mode (the default), when the file
// cannot be read, when the leavers are not confirmed, or — with --dry-run — when any row has an error.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { cli, UsageError } from './cli'

const USAGE =
  'Usage: npm run roster:import -- FILE.csv [--full-roster] [--confirm-leavers N] [--valid-rows] [--dry-run] [--locale en|zh-TW]'

await cli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'valid-rows': { type: 'boolean', default: false },
      'full-roster': { type: 'boolean', default: false },
      'confirm-leavers': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      locale: { type: 'string', default: 'en' },
    },
  })
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new UsageError(USAGE)
  const typed = values['confirm-leavers']
  if (typed !== undefined && !/^\d+$/.test(typed))
    throw new UsageError(`--confirm-leavers takes a whole number of reps, not ${typed}.`)
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
  const { isDomainError, translateDomainError } = await import('~/utils/domain-error')
  const { db, prepareDatabase } = await import('~/utils/db.server')
  await prepareDatabase()
  const mode = values['valid-rows'] ? 'valid_rows' : 'all_or_nothing'
  const fullRoster = values['full-roster']
  if (values['dry-run']) {
    const plan = await planRosterImport(db, text, locale, { mode, fullRoster })
    for (const line of reportLines(plan, locale)) console.log(line)
    if (!plan.ok) process.exitCode = 1
    return
  }
  try {
    const { applied, plan, importId } = await importRoster(db, null, text, {
      mode,
      locale,
      fullRoster,
      confirmLeavers: typed === undefined ? undefined : Number(typed),
    })
    for (const line of reportLines(plan, locale)) console.log(line)
    if (!applied) {
      console.error(plan.fileError ?? 'Nothing was imported: fix the rows above or pass --valid-rows.')
      process.exitCode = 1
      return
    }
    console.log(`Imported (${mode}${fullRoster ? ', full roster' : ''}) as version ${importId}.`)
  } catch (error) {
    if (!isDomainError(error, 'eet.import.error.confirmLeavers')) throw error
    console.error(`${translateDomainError(locale, error)} (--confirm-leavers ${String(error.params?.count)})`)
    process.exitCode = 1
  }
})
