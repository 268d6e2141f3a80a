import { describe, expect, test } from 'vitest'
import { action as importAction } from '~/routes/kpis.import'
import { buildRequest, run, statusOf } from '#tests/support/requests'
import { insertKpi, kpiWorld, measurementsOf, revisionsOf } from './helpers'

type ImportData = {
  report: {
    rows: { line: number; ok: boolean; reason?: string; outcome?: string }[]
    counts: Record<string, number>
    committed: boolean
  } | null
  fieldErrors: Record<string, string[]> | null
  csv: string | null
}

function upload(
  programId: string,
  cookie: string,
  csv: string,
  intent: 'preview' | 'commit',
  mode = 'all_or_nothing',
) {
  const body = new FormData()
  body.set('intent', intent)
  body.set('program_id', programId)
  body.set('mode', mode)
  if (intent === 'preview') body.set('file', new File([csv], 'values.csv', { type: 'text/csv' }))
  else body.set('csv', csv)
  return run(importAction, buildRequest('/kpis/import', { body, cookie })).then((result) => ({
    status: statusOf(result),
    data: (result as { data: ImportData }).data,
  }))
}

const GOOD_AND_BAD = [
  '\uFEFFkpi_key,period_end,value,note',
  'wins,2026-09-30,41,',
  'wins,2026-10-31,45.5,"EET wave 2, north"',
  'wins,2026-10-15,47,not a month end',
  'nope,2026-10-31,1,',
  'wins,2026-10-31,48,second value for the same period',
  'wins,2026-08-31,4,5,',
  'wins,31/07/2026,40,',
].join('\r\n')

describe('CSV import of measurements', () => {
  test('preview reports every bad row by line and reason, and writes nothing', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'wins',
    })
    const { status, data } = await upload(world.program.id, world.cookies.lead, GOOD_AND_BAD, 'preview')
    expect(status).toBe(200)
    const rows = data.report!.rows
    expect(rows.filter((row) => row.ok).map((row) => [row.line, row.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [7, 'created'],
    ])
    const errors = Object.fromEntries(rows.filter((row) => !row.ok).map((row) => [row.line, row.reason]))
    expect(errors[4]).toBe('period_end is not the end of a monthly period (e.g. 2026-10-31).')
    expect(errors[5]).toBe('No KPI with the key "nope" in this program.')
    expect(errors[6]).toBe('A second value for the same KPI and period (first at 3).')
    expect(errors[8]).toBe('period_end "31/07/2026" is not a date as YYYY-MM-DD.')
    // Line 7 has an extra column: value is 4, the note is "5" (columns beyond the header are ignored).
    expect(data.report!.counts).toEqual({ created: 3, updated: 0, unchanged: 0, error: 4 })
    // The decoder drops the BOM; the text carried to the commit step is otherwise the file itself.
    expect(data.csv).toBe(GOOD_AND_BAD.slice(1))
    expect(await measurementsOf(kpi.id)).toEqual([])
  })

  test('all or nothing writes nothing when a row is bad; "valid rows" writes the rest; re-importing changes nothing', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'wins',
    })
    const blocked = await upload(
      world.program.id,
      world.cookies.lead,
      GOOD_AND_BAD,
      'commit',
      'all_or_nothing',
    )
    expect(blocked.status).toBe(400)
    expect(blocked.data.report!.committed).toBe(false)
    expect(await measurementsOf(kpi.id)).toEqual([])

    const partial = await upload(world.program.id, world.cookies.lead, GOOD_AND_BAD, 'commit', 'valid_rows')
    expect(partial.status).toBe(200)
    expect(partial.data.report!.committed).toBe(true)
    expect(await measurementsOf(kpi.id)).toMatchObject([
      { period_end: '2026-08-31', value: 4, note: '5', source: 'csv' },
      { period_end: '2026-09-30', value: 41, note: '' },
      { period_end: '2026-10-31', value: 45.5, note: 'EET wave 2, north' },
    ])
    const revisionCount = (await revisionsOf(kpi.id)).length

    const again = await upload(world.program.id, world.cookies.lead, GOOD_AND_BAD, 'commit', 'valid_rows')
    expect(again.data.report!.counts).toEqual({ created: 0, updated: 0, unchanged: 3, error: 4 })
    expect((await revisionsOf(kpi.id)).length).toBe(revisionCount)

    // A corrected value for one period replaces it and is kept in the history.
    const fix = await upload(
      world.program.id,
      world.cookies.lead,
      'kpi_key,period_end,value\nwins,2026-09-30,42\n',
      'commit',
    )
    expect(fix.data.report!.counts).toEqual({ created: 0, updated: 1, unchanged: 0, error: 0 })
    expect((await revisionsOf(kpi.id)).at(-1)).toMatchObject({
      period_end: '2026-09-30',
      old_value: 41,
      new_value: 42,
      source: 'csv',
    })
  })

  test('rows for KPIs the user may not measure are refused; a missing header column is a file error', async () => {
    const world = await kpiWorld()
    const others = await insertKpi({
      programId: world.program.id,
      initiativeId: world.other.id,
      key: 'others',
    })
    const { data } = await upload(
      world.program.id,
      world.cookies.lead,
      'kpi_key,period_end,value\nothers,2026-10-31,3\n',
      'commit',
    )
    // The other initiative's KPI is invisible to this lead: as far as they know it does not exist.
    expect(data.report!.rows[0]!.reason).toBe('No KPI with the key "others" in this program.')
    const header = await upload(
      world.program.id,
      world.cookies.lead,
      'kpi,period_end\nx,2026-10-31\n',
      'preview',
    )
    expect(header.status).toBe(400)
    expect(header.data.fieldErrors!.file).toEqual(['The header row lacks the column(s): kpi_key, value.'])
    expect(await measurementsOf(others.id)).toEqual([])
  })
})
