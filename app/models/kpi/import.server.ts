import type { AuthUser } from '~/auth/session.server'
import type { Locale } from '~/i18n/locales'
import { translate, type MessageKey } from '~/i18n/translate'
import { parseCsv, type CsvParseResult } from '~/utils/csv.server'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { CSV_COLUMNS } from './kpi.schema'
import {
  checkItem,
  planMeasurements,
  recordMeasurementsIn,
  writerForUser,
  type ItemError,
  type ItemOutcome,
  type MeasurementItem,
} from './measurement.server'
import { listProgramKpis } from './kpi.server'

// CSV import of measurements: `kpi_key,period_end,value,note` (note optional), UTF-8 with or without BOM.
// The same function previews and commits, so what the preview promised is what the commit does.

export type ImportRow =
  | {
      line: number
      ok: true
      key: string
      period_end: string
      value: number
      note: string
      outcome: ItemOutcome
    }
  | { line: number; ok: false; key: string; reason: string }

export type ImportResult = {
  rows: ImportRow[]
  counts: Record<ItemOutcome | 'error', number>
  committed: boolean
}

/** A refused value's message: its catalogue key and variables (the cadence in the user's language). */
function itemMessage(locale: Locale, error: ItemError) {
  const params = { ...error.params }
  if (typeof params.cadence === 'string')
    params.cadence = translate(locale, `kpi.cadence.${params.cadence}` as MessageKey)
  return { code: `kpi.import.error.${error.code}` as MessageKey, params }
}

export function itemErrorMessage(locale: Locale, error: ItemError) {
  const { code, params } = itemMessage(locale, error)
  return translate(locale, code, params)
}

/** A value a form may not record, as the refusal of its `field` (a KPI's check-in). */
export function itemRefusal(locale: Locale, error: ItemError, field: string) {
  const { code, params } = itemMessage(locale, error)
  return new DomainError(code, { params, field })
}

/** A file that cannot be read as the CSV of measurements, as the refusal of the form's file field. */
function fileRefusal(parsed: Extract<CsvParseResult, { ok: false }>) {
  if (parsed.error === 'header')
    return new DomainError('kpi.import.fileError.header', {
      params: { missing: (parsed.missing ?? []).join(', ') },
      field: 'file',
    })
  if (parsed.error === 'malformed')
    return new DomainError('kpi.import.fileError.malformed', {
      params: { line: parsed.line ?? '?' },
      field: 'file',
    })
  return new DomainError('kpi.import.fileError.empty', { field: 'file' })
}

/** Checks (preview) or imports (commit) a CSV of measurements; a file that is not one is refused. */
export async function importMeasurementsCsv(
  db: Database,
  user: AuthUser,
  args: {
    programId: string
    text: string
    mode: 'all_or_nothing' | 'valid_rows'
    commit: boolean
    locale: Locale
  },
): Promise<ImportResult> {
  const parsed = parseCsv(args.text, CSV_COLUMNS)
  if (!parsed.ok) throw fileRefusal(parsed)
  const kpis = new Map((await listProgramKpis(db, user, args.programId)).map((kpi) => [kpi.key, kpi]))
  const seen = new Map<string, number>()
  const checked: ({ line: number; key: string } & ({ item: MeasurementItem } | { error: ItemError }))[] = []
  for (const record of parsed.records) {
    const key = record.values.kpi_key ?? ''
    const kpi = kpis.get(key)
    if (!kpi) {
      checked.push({ line: record.line, key, error: { code: 'unknownKey', params: { key } } })
      continue
    }
    if (!kpi.can_edit) {
      checked.push({ line: record.line, key, error: { code: 'notEditable', params: { key } } })
      continue
    }
    const result = checkItem(
      kpi,
      {
        period_end: record.values.period_end ?? '',
        value: record.values.value ?? '',
        note: record.values.note,
      },
      seen,
      record.line,
    )
    checked.push(
      result.ok
        ? { line: record.line, key, item: result.item }
        : { line: record.line, key, error: result.error },
    )
  }
  const valid = checked.flatMap((row) => ('item' in row ? [row.item] : []))
  const hasErrors = valid.length !== checked.length
  const write = args.commit && valid.length > 0 && !(hasErrors && args.mode === 'all_or_nothing')
  const outcomes = write
    ? await db
        .transaction()
        .execute((trx: Executor) => recordMeasurementsIn(trx, writerForUser(user, 'csv'), valid))
    : await planMeasurements(db, valid)
  let next = 0
  const rows: ImportRow[] = checked.map((row) => {
    if ('error' in row)
      return { line: row.line, ok: false, key: row.key, reason: itemErrorMessage(args.locale, row.error) }
    const outcome = outcomes[next++]!
    return {
      line: row.line,
      ok: true,
      key: row.key,
      period_end: row.item.period_end,
      value: row.item.value,
      note: row.item.note ?? '',
      outcome,
    }
  })
  const counts = { created: 0, updated: 0, unchanged: 0, error: 0 }
  for (const row of rows) counts[row.ok ? row.outcome : 'error']++
  return { rows, counts, committed: write }
}
