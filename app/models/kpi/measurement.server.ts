import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { KpiCadence, KpiRollup, MeasurementSource } from '~/models/kpi/tables'
import type { Actor } from '../foundation/audit.server'
import { audit } from '../foundation/audit.server'
import { isIsoDate, todayUtc } from '~/utils/calendar'
import { isPeriodEnd, periodEndOf } from './period'
import { DECIMAL_PATTERN } from './kpi.schema'
import { inRange, rangeOf, rangeParams } from './range'

// Writing measurements, whichever way they arrive (check-in form, CSV, API): one current value per KPI
// and period; a second value replaces the first and every write is kept as a revision (who, when,
// old → new); re-sending the same value changes nothing. Validation is shared so every channel refuses
// the same things with the same reasons.

export type MeasurementTarget = {
  id: string
  key: string
  cadence: KpiCadence
  rollup: KpiRollup
  /** The KPI's valid range (range.ts): its unit (a percentage defaults to 0–100) and bounds. */
  unit?: string
  min_value?: number | null
  max_value?: number | null
}
export type MeasurementItem = {
  kpi: MeasurementTarget
  period_end: string
  value: number
  /** Undefined: keep the existing note. */
  note?: string
  confidence?: number | null
}
export type ItemOutcome = 'created' | 'updated' | 'unchanged'
export type ItemErrorCode =
  | 'unknownKey'
  | 'ambiguousKey'
  | 'notEditable'
  | 'badDate'
  | 'notPeriodEnd'
  | 'future'
  | 'badValue'
  | 'outOfRange'
  | 'rolledUp'
  | 'duplicate'
  | 'noteTooLong'
  | 'badItem'
export type ItemError = { code: ItemErrorCode; params?: Record<string, string | number> }

export type Writer = {
  actor: Actor
  userId: string | null
  apiKeyId: string | null
  source: MeasurementSource
}

export function writerForUser(user: AuthUser, source: 'form' | 'csv'): Writer {
  return { actor: { id: user.id, label: user.email }, userId: user.id, apiKeyId: null, source }
}

const NOTE_MAX = 500

/** Checks one value for one KPI; `seen` catches a second value for the same KPI and period in one batch. */
export function checkItem(
  kpi: MeasurementTarget,
  raw: { period_end: string; value: string | number; note?: string },
  seen: Map<string, number>,
  position: number,
  today = todayUtc(),
): { ok: true; item: MeasurementItem } | { ok: false; error: ItemError } {
  if (kpi.rollup !== 'none') return { ok: false, error: { code: 'rolledUp' } }
  const date = raw.period_end.trim()
  if (!isIsoDate(date)) return { ok: false, error: { code: 'badDate', params: { value: raw.period_end } } }
  if (!isPeriodEnd(date, kpi.cadence))
    return {
      ok: false,
      error: {
        code: 'notPeriodEnd',
        params: { cadence: kpi.cadence, suggestion: periodEndOf(date, kpi.cadence) },
      },
    }
  if (date > periodEndOf(today, kpi.cadence)) return { ok: false, error: { code: 'future' } }
  const value =
    typeof raw.value === 'number'
      ? raw.value
      : DECIMAL_PATTERN.test(raw.value.trim())
        ? Number(raw.value)
        : NaN
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15)
    return { ok: false, error: { code: 'badValue', params: { value: String(raw.value) } } }
  const range = rangeOf(kpi)
  if (!inRange(range, value))
    return { ok: false, error: { code: 'outOfRange', params: { value, ...rangeParams(range) } } }
  if (raw.note !== undefined && raw.note.length > NOTE_MAX)
    return { ok: false, error: { code: 'noteTooLong', params: { max: NOTE_MAX } } }
  const id = `${kpi.id}|${date}`
  const first = seen.get(id)
  if (first !== undefined) return { ok: false, error: { code: 'duplicate', params: { first } } }
  seen.set(id, position)
  return { ok: true, item: { kpi, period_end: date, value, note: raw.note } }
}

type Existing = { value: number; note: string; confidence: number | null }

async function existingValues(db: Executor, items: readonly MeasurementItem[], lock: boolean) {
  const byKpi = new Map<string, string[]>()
  for (const item of items) byKpi.set(item.kpi.id, [...(byKpi.get(item.kpi.id) ?? []), item.period_end])
  const existing = new Map<string, Existing>()
  for (const [kpiId, periods] of byKpi) {
    for (let start = 0; start < periods.length; start += 1000) {
      let query = db
        .selectFrom('kpi_measurements')
        .select(['period_end', 'value', 'note', 'confidence'])
        .where('kpi_id', '=', kpiId)
        .where('period_end', 'in', periods.slice(start, start + 1000))
      if (lock) query = query.forUpdate()
      for (const row of await query.execute()) existing.set(`${kpiId}|${row.period_end}`, row)
    }
  }
  return existing
}

/** What writing these items would do, without writing (the CSV preview). */
export async function planMeasurements(db: Executor, items: readonly MeasurementItem[]) {
  const existing = await existingValues(db, items, false)
  return items.map((item) => outcomeOf(item, existing.get(`${item.kpi.id}|${item.period_end}`)))
}

function outcomeOf(item: MeasurementItem, before: Existing | undefined): ItemOutcome {
  if (!before) return 'created'
  const sameNote = item.note === undefined || item.note === before.note
  const sameConfidence = item.confidence === undefined || item.confidence === before.confidence
  return before.value === item.value && sameNote && sameConfidence ? 'unchanged' : 'updated'
}

/**
 * Writes checked items in one transaction with their revisions, the KPIs' newest-value cache and one
 * audit row; returns each item's outcome in order.
 */
export async function recordMeasurements(db: Database, writer: Writer, items: readonly MeasurementItem[]) {
  return db.transaction().execute((trx) => recordMeasurementsIn(trx, writer, items))
}

export async function recordMeasurementsIn(trx: Executor, writer: Writer, items: readonly MeasurementItem[]) {
  const existing = await existingValues(trx, items, true)
  const outcomes: ItemOutcome[] = []
  const changed: { item: MeasurementItem; before: Existing | undefined }[] = []
  for (const item of items) {
    const before = existing.get(`${item.kpi.id}|${item.period_end}`)
    const outcome = outcomeOf(item, before)
    outcomes.push(outcome)
    if (outcome !== 'unchanged') changed.push({ item, before })
  }
  if (!changed.length) return outcomes
  const now = new Date()
  for (let start = 0; start < changed.length; start += 500) {
    const chunk = changed.slice(start, start + 500)
    await trx
      .insertInto('kpi_measurements')
      .values(
        chunk.map(({ item, before }) => ({
          kpi_id: item.kpi.id,
          period_end: item.period_end,
          value: item.value,
          note: item.note ?? before?.note ?? '',
          confidence: item.confidence === undefined ? (before?.confidence ?? null) : item.confidence,
          source: writer.source,
          recorded_by: writer.userId,
          api_key_id: writer.apiKeyId,
          recorded_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['kpi_id', 'period_end']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          note: eb.ref('excluded.note'),
          confidence: eb.ref('excluded.confidence'),
          source: eb.ref('excluded.source'),
          recorded_by: eb.ref('excluded.recorded_by'),
          api_key_id: eb.ref('excluded.api_key_id'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      )
      .execute()
    await trx
      .insertInto('kpi_measurement_revisions')
      .values(
        chunk.map(({ item, before }) => ({
          kpi_id: item.kpi.id,
          period_end: item.period_end,
          old_value: before?.value ?? null,
          new_value: item.value,
          old_note: before?.note ?? null,
          new_note: item.note ?? before?.note ?? '',
          confidence: item.confidence === undefined ? (before?.confidence ?? null) : item.confidence,
          source: writer.source,
          changed_by: writer.userId,
          changed_by_label: writer.actor.label,
          api_key_id: writer.apiKeyId,
        })),
      )
      .execute()
  }
  const kpiIds = [...new Set(changed.map(({ item }) => item.kpi.id))]
  await refreshLatest(trx, kpiIds)
  await audit(trx, {
    actor: writer.actor,
    action: `kpi.measurements.${writer.source}`,
    entityType: 'kpi',
    entityId: kpiIds.length === 1 ? kpiIds[0]! : null,
    after: {
      created: outcomes.filter((o) => o === 'created').length,
      updated: outcomes.filter((o) => o === 'updated').length,
      values: changed.slice(0, 200).map(({ item, before }) => ({
        kpi: item.kpi.key,
        period_end: item.period_end,
        old: before?.value ?? null,
        new: item.value,
      })),
    },
  })
  return outcomes
}

/** Refreshes the newest-value cache of these KPIs from their series. */
export async function refreshLatest(trx: Executor, kpiIds: readonly string[]) {
  if (!kpiIds.length) return
  await trx
    .updateTable('kpis')
    .set((eb) => ({
      last_period_end: eb
        .selectFrom('kpi_measurements as m')
        .select('m.period_end')
        .whereRef('m.kpi_id', '=', 'kpis.id')
        .orderBy('m.period_end', 'desc')
        .limit(1),
      last_value: eb
        .selectFrom('kpi_measurements as m')
        .select('m.value')
        .whereRef('m.kpi_id', '=', 'kpis.id')
        .orderBy('m.period_end', 'desc')
        .limit(1),
    }))
    .where('id', 'in', kpiIds)
    .execute()
}

export function listRevisions(db: Executor, kpiId: string, limit = 50) {
  return db
    .selectFrom('kpi_measurement_revisions')
    .select([
      'id',
      'period_end',
      'old_value',
      'new_value',
      'old_note',
      'new_note',
      'source',
      'changed_by_label',
      'changed_at',
    ])
    .where('kpi_id', '=', kpiId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The value a KPI already has for a period (null: none), so that replacing it can be confirmed first. */
export async function currentMeasurement(db: Executor, kpiId: string, periodEnd: string) {
  const row = await db
    .selectFrom('kpi_measurements')
    .select('value')
    .where('kpi_id', '=', kpiId)
    .where('period_end', '=', periodEnd)
    .executeTakeFirst()
  return row ? row.value : null
}
