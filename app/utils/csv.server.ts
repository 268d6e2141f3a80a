import { parse } from 'csv-parse/sync'

// CSV in and out. Parsing is csv-parse's (RFC 4180: quotes, commas and newlines inside fields); this
// module adds what imports need: BOM handling, a header check, and each record's line number.

export type CsvRecord = { line: number; values: Record<string, string> }
export type CsvParseResult =
  | { ok: true; header: string[]; records: CsvRecord[] }
  | { ok: false; error: 'empty' | 'malformed' | 'header'; line?: number; missing?: string[]; detail?: string }

/**
 * Parses UTF-8 text (with or without BOM) whose first row is a header. `required` columns must all be
 * present; unknown columns are ignored; `optional` columns may be missing.
 */
export function parseCsv(text: string, required: readonly string[]): CsvParseResult {
  const body = text.replace(/^\uFEFF/, '')
  if (!body.trim()) return { ok: false, error: 'empty' }
  let rows: { record: string[]; info: { lines: number } }[]
  try {
    rows = parse(body, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as never
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return {
      ok: false,
      error: 'malformed',
      line,
      detail: error instanceof Error ? error.message : String(error),
    }
  }
  const [headerRow, ...dataRows] = rows
  if (!headerRow) return { ok: false, error: 'empty' }
  const header = headerRow.record.map((name) => name.trim())
  const missing = required.filter((name) => !header.includes(name))
  if (missing.length) return { ok: false, error: 'header', missing, line: 1 }
  const records = dataRows.map(({ record, info }) => {
    const values: Record<string, string> = {}
    header.forEach((name, index) => {
      values[name] = (record[index] ?? '').trim()
    })
    // info.lines is the line on which the record ends (the same as its start unless a quoted field spans lines).
    return { line: info.lines, values }
  })
  return { ok: true, header, records }
}

/** Cells a spreadsheet would run as a formula (ASVS 5.0 1.2.10, OWASP's CSV injection advice). */
const FORMULA_START = /^[=+\-@\t\r]/
/** A plain number (as pg returns numerics, as text) is no formula: -1250.5 stays a number. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i

function escapeCell(value: unknown) {
  if (value === null || value === undefined) return ''
  const raw = value instanceof Date ? value.toISOString() : String(value)
  // Numbers stay numbers (a negative amount is not a formula); any other text starting with a formula
  // character gets a leading ' so spreadsheets show it as text; quoting alone does not stop them.
  const text = FORMULA_START.test(raw) && !PLAIN_NUMBER.test(raw) ? `'${raw}` : raw
  return /[",\r\n\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * CSV text with a header row. `bom` (default on) lets spreadsheet programs read UTF-8, e.g. zh-TW text.
 * Text cells starting with = + - @, tab or CR get a leading ' so spreadsheets do not run them as formulas.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], { bom = true } = {}) {
  const lines = [header.map(escapeCell).join(','), ...rows.map((row) => row.map(escapeCell).join(','))]
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`
}

export function csvResponse(filename: string, csv: string) {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    },
  })
}
