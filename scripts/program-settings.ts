// Sets the reporting time zone of a program (default: the reporting program, the oldest one not archived),
// or the reporting program's retention of raw events and per-rep activity in months.
// Usage: npm run program:settings -- --timezone Asia/Taipei [--program ID] | --retention-months 25
import { parseArgs } from 'node:util'
import { isIanaTimeZone, setReportingTimezone } from '~/models/foundation/reporting-program.server'
import { setRetentionMonths } from '~/models/foundation/retention-setting.server'
import { closeDatabase, db, prepareDatabase } from '~/utils/db.server'

try {
  const { values } = parseArgs({
    options: {
      timezone: { type: 'string' },
      program: { type: 'string' },
      'retention-months': { type: 'string' },
    },
  })
  if (values['retention-months'] !== undefined) {
    const months = Number(values['retention-months'])
    if (!/^\d+$/.test(values['retention-months']) || months < 1 || months > 120)
      throw new Error('--retention-months takes a whole number of months from 1 to 120')
    await prepareDatabase()
    const result = await setRetentionMonths(db, { id: null, label: 'cli:program-settings' }, months)
    if (!result) throw new Error('There is no program yet')
    console.log(`Program "${result.name}": retention ${result.before} → ${result.after} months`)
  } else {
    const timezone = values.timezone?.trim()
    if (!timezone) throw new Error('Give the reporting time zone: --timezone Asia/Taipei (an IANA name)')
    if (!isIanaTimeZone(timezone))
      throw new Error(`"${timezone}" is not an IANA time zone name (e.g. Asia/Taipei, Europe/Berlin, UTC)`)
    if (values.program && !/^[0-9a-f-]{36}$/i.test(values.program))
      throw new Error('--program takes a program id (a UUID)')
    await prepareDatabase()
    const result = await setReportingTimezone(
      db,
      { id: null, label: 'cli:program-settings' },
      timezone,
      values.program,
    )
    if (!result) throw new Error(values.program ? `No program ${values.program}` : 'There is no program yet')
    console.log(`Program "${result.name}": reporting time zone ${result.before} → ${result.after}`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await closeDatabase()
}
