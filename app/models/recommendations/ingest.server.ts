import { sql } from 'kysely'
import { parseCsv } from '~/utils/csv.server'
import type { Database, Executor } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { audit, type Actor } from '../foundation/audit.server'
import { project, vacuumQueueNowAndThen } from './projection.server'
import {
  type EVENT_FIELDS,
  MAX_BODY_BYTES,
  MAX_EVENTS_PER_REQUEST,
  REQUIRED_CSV_COLUMNS,
  eventErrorText,
  validateEvent,
  type EventError,
  type RecommendationEvent,
} from './event.schema'

// Ingest of recommendation events: body → events → one SQL statement that stores the new events and
// queues them for the projection into state rows and rollups. A single statement is a single
// transaction, so everything counted as accepted is committed (synchronous_commit) before the response
// is written; the caller then projects (`projectAfterIngest`) before answering.

export type BodyFormat = 'json' | 'ndjson' | 'csv'
export type IngestItem = { index: number; raw: unknown } | { index: number; error: EventError }
export type ParsedBody =
  { ok: true; items: IngestItem[] } | { ok: false; status: 400 | 413 | 415; code: string; message: string }

export function bodyFormatOf(contentType: string | null): BodyFormat | null {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (mediaType === 'application/json') return 'json'
  if (mediaType === 'application/x-ndjson') return 'ndjson'
  if (mediaType === 'text/csv') return 'csv'
  return null
}

const tooLarge = (message: string) => ({
  ok: false as const,
  status: 413 as const,
  code: 'too_large',
  message,
})
const unparseable = (message: string) => ({
  ok: false as const,
  status: 400 as const,
  code: 'unparseable',
  message,
})

/** Reads the body as UTF-8, refusing (null) as soon as it passes `limit` bytes. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get('Content-Length') ?? NaN)
  if (declared > limit) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Parses a body of the given format into numbered raw events; limits as in the contract. */
export function parseBody(text: string, format: BodyFormat, maxEvents = MAX_EVENTS_PER_REQUEST): ParsedBody {
  const body = text.replace(/^\uFEFF/, '')
  let items: IngestItem[]
  if (format === 'json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      return unparseable('The body is not valid JSON.')
    }
    if (!Array.isArray(parsed)) return unparseable('The body must be a JSON array of events.')
    items = parsed.map((raw, index) => ({ index, raw }))
  } else if (format === 'ndjson') {
    const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '')
    if (!lines.length && body.trim() !== '') return unparseable('The body has no events.')
    items = lines.map((line, index) => {
      try {
        return { index, raw: JSON.parse(line) as unknown }
      } catch {
        return { index, error: { field: 'line', code: 'invalid_json' as const } }
      }
    })
    if (items.length && items.every((item) => 'error' in item))
      return unparseable('No line of the body is valid JSON.')
  } else {
    if (body.trim() === '') return unparseable('The CSV body is empty: it needs a header row.')
    const csv = parseCsv(body, REQUIRED_CSV_COLUMNS)
    if (!csv.ok)
      return unparseable(
        csv.error === 'header'
          ? `The CSV header lacks: ${csv.missing?.join(', ')}.`
          : `The CSV cannot be read${csv.line ? ` (line ${csv.line})` : ''}.`,
      )
    items = csv.records.map((record, index) => ({ index, raw: record.values }))
  }
  if (items.length > maxEvents)
    return tooLarge(`At most ${maxEvents} events per request (this one has ${items.length}).`)
  return { ok: true, items }
}

export type IngestReport = {
  accepted: number
  duplicates: number
  rejected: { index: number; event_id: string | null; errors: string[] }[]
}
export type DetailedReport = IngestReport & {
  rejectedDetail: { index: number; event_id: string | null; errors: EventError[] }[]
}

function eventIdOf(raw: unknown) {
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).event_id : undefined
  return typeof id === 'string' ? id : id === undefined || id === null ? null : String(id)
}

/** Validates the items, stores the valid ones, and reports per item. */
export async function ingestItems(db: Executor, items: IngestItem[]): Promise<DetailedReport> {
  const valid: RecommendationEvent[] = []
  const rejectedDetail: DetailedReport['rejectedDetail'] = []
  for (const item of items) {
    if ('error' in item) {
      rejectedDetail.push({ index: item.index, event_id: null, errors: [item.error] })
      continue
    }
    const result = validateEvent(item.raw)
    if (result.ok) valid.push(result.event)
    else
      rejectedDetail.push({
        index: item.index,
        event_id: eventIdOf(item.raw),
        errors: result.errors,
      })
  }
  const accepted = valid.length ? await storeEvents(db, valid) : 0
  return {
    accepted,
    duplicates: valid.length - accepted,
    rejected: rejectedDetail.map((r) => ({ ...r, errors: r.errors.map(eventErrorText) })),
    rejectedDetail,
  }
}

/**
 * One API ingest request: its items stored and, when it stored any, one audit row (the key, how many
 * were received, accepted, duplicates, rejected) in the same transaction (docs/api.md: key actions are
 * audited). 340,000 events sent over many requests leave one row per request, not one per event; a
 * request that changes nothing (all duplicates or rejected) writes nothing, its answer says why.
 */
export async function ingestRequest(db: Database, actor: Actor, items: IngestItem[]) {
  return db.transaction().execute(async (trx) => {
    const report = await ingestItems(trx, items)
    if (report.accepted === 0) return report
    await audit(trx, {
      actor,
      action: 'recommendation-events.ingest',
      entityType: 'recommendation_event_batch',
      after: {
        received: items.length,
        accepted: report.accepted,
        duplicates: report.duplicates,
        rejected: report.rejected.length,
      },
    })
    return report
  })
}

/**
 * Stores events (duplicates by event_id are skipped by the primary key) and queues the newly stored
 * ones for the projection, in one statement and so one transaction, without any lock: concurrent
 * requests store in parallel. Returns how many events were new. Call `project` after the commit.
 */
export async function storeEvents(db: Executor, events: readonly RecommendationEvent[]): Promise<number> {
  const column = (field: (typeof EVENT_FIELDS)[number]) =>
    events.map((event) => (event[field] === null ? null : String(event[field])))
  const result = await sql<{ inserted: number }>`
    with input as (
      select * from unnest(
        ${column('event_id')}::text[], ${column('type')}::text[], ${column('occurred_at')}::text[],
        ${column('recommendation_id')}::text[], ${column('seller_id')}::text[],
        ${column('recommendation_type')}::text[], ${column('model_version')}::text[],
        ${column('explanation')}::text[], ${column('account_id')}::text[], ${column('reason_code')}::text[],
        ${column('reason_text')}::text[], ${column('amount')}::text[], ${column('currency')}::text[]
      ) as t(event_id, type, occurred_at, recommendation_id, seller_id, recommendation_type, model_version,
             explanation, account_id, reason_code, reason_text, amount, currency)
    ), inserted as (
      insert into recommendation_events (event_id, type, occurred_at, recommendation_id, seller_id,
        recommendation_type, model_version, explanation, account_id, reason_code, reason_text, amount, currency)
      select event_id, type, occurred_at::timestamptz, recommendation_id, seller_id, recommendation_type,
        model_version, explanation, account_id, reason_code, reason_text, amount::numeric, currency
      from input order by event_id
      on conflict (event_id) do nothing
      returning event_id, type, occurred_at, recommendation_id, seller_id, recommendation_type, model_version,
        explanation is not null as has_explanation, amount, currency
    ), queued as (
      insert into recommendation_event_batches (event_ids, types, occurred_at, recommendation_ids, seller_ids,
        recommendation_types, model_versions, has_explanation, amounts, currencies)
      select array_agg(event_id), array_agg(type), array_agg(occurred_at), array_agg(recommendation_id),
        array_agg(seller_id), array_agg(recommendation_type), array_agg(model_version),
        array_agg(has_explanation), array_agg(amount), array_agg(currency)
      from inserted having count(*) > 0
      returning 1
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from queued)::int as queued
  `.execute(db)
  return result.rows[0]?.inserted ?? 0
}

/** The admin import takes larger files than one API request, stored 5,000 events per statement. */
export const IMPORT_MAX_EVENTS = 50_000
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024

/** One transaction for the whole file and its audit row: the import lands entirely or not at all. */
export async function importFile(db: Database, actor: Actor, text: string, format: BodyFormat) {
  const parsed = parseBody(text, format, IMPORT_MAX_EVENTS)
  if (!parsed.ok) return parsed
  const report = await db.transaction().execute(async (trx) => {
    const totals = { accepted: 0, duplicates: 0, rejected: [] as DetailedReport['rejectedDetail'] }
    for (let start = 0; start < parsed.items.length; start += MAX_EVENTS_PER_REQUEST) {
      const chunk = await ingestItems(trx, parsed.items.slice(start, start + MAX_EVENTS_PER_REQUEST))
      totals.accepted += chunk.accepted
      totals.duplicates += chunk.duplicates
      totals.rejected.push(...chunk.rejectedDetail)
    }
    await audit(trx, {
      actor,
      action: 'recommendation-events.import',
      entityType: 'recommendation_events',
      after: {
        format,
        accepted: totals.accepted,
        duplicates: totals.duplicates,
        rejected: totals.rejected.length,
      },
    })
    return totals
  })
  await projectAfterIngest(db)
  return { ok: true as const, report }
}

/**
 * Projects what was just stored, unless a drain is in progress (the next one takes it; any read drains
 * first) and the backlog is short (otherwise it waits: a client cannot outrun the projection). The
 * events are committed already: a failure here is logged and left to the next drain, not reported as a
 * failed ingest.
 */
export async function projectAfterIngest(db: Database) {
  try {
    await vacuumQueueNowAndThen(db, await project(db, { wait: false }))
  } catch (error) {
    logger.error({ err: error }, 'Projection of recommendation events failed; the next drain retries it.')
  }
}
