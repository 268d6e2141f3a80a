import { toCsv } from '~/utils/csv.server'
import { ROSTER_COLUMNS } from '~/models/eet/roster.schema'

// Roster CSV files for import tests (and the e2e upload).
export type RosterRow = Record<(typeof ROSTER_COLUMNS)[number], string>

export function rosterCsv(rows: readonly RosterRow[]) {
  return toCsv(
    ROSTER_COLUMNS,
    rows.map((row) => ROSTER_COLUMNS.map((column) => row[column])),
  )
}
