import { sql } from 'kysely'
import { parseCsv } from '~/utils/csv.server'
import type { Database, Executor } from '~/utils/db.server'
import { audit, type Actor } from './audit.server'
import {
  applyContributionsSql,
  contributionsSql,
  INGEST_LOCK,
  rollupIsValid,
} from './recommendation-rollup.server'
import { reportingProgram } from './reporting-program.server'
import {
  type EVENT_FIELDS,
  MAX_BODY_BYTES,
  MAX_EVENTS_PER_REQUEST,
  REQUIRED_CSV_COLUMNS,
  eventErrorText,
  validateEvent,
  type EventError,
  type RecommendationEvent,
} from './recommendation-event.schema'

// Ingest of recommendation events: body → events → one SQL statement that stores the new events and
// merges them into the per-recommendation state rows. A single statement is a single transaction, so
// everything counted as accepted is committed (synchronous_commit) before the response is written.

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

// `(a_at, a_id) < (b_at, b_id)`: the order that decides which generated/decision event wins.
const earlier = (at: string, id: string, otherAt: string, otherId: string) =>
  `(${at}, ${id}) < (${otherAt}, ${otherId})`
const generatedWins = `(s.generated_at is null or (excluded.generated_at is not null and ${earlier('excluded.generated_at', 'excluded.generated_event_id', 's.generated_at', 's.generated_event_id')}))`
const decisionWins = `(excluded.decision is not null and (s.decision is null or ${earlier('s.decision_at', 's.decision_event_id', 'excluded.decision_at', 'excluded.decision_event_id')}))`
const takeIf = (condition: string, column: string) =>
  `${column} = case when ${condition} then excluded.${column} else s.${column} end`

/**
 * Stores events (duplicates by event_id are skipped by the primary key) and merges the newly stored
 * ones into recommendation_states, in one statement. Returns how many events were new.
 * Rows are sorted by key so that concurrent batches lock in the same order (no deadlocks).
 */
export async function storeEvents(db: Executor, events: readonly RecommendationEvent[]): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => storeEvents(trx, events))
  // One writer at a time: the rollups add each touched state row's before/after difference, so "before"
  // must be the latest committed row. Taken before the statement, so its snapshot sees every earlier batch.
  await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`.execute(db)
  const { timezone } = await reportingProgram(db)
  const rollup = await rollupIsValid(db, timezone)
  if (!rollup) await db.deleteFrom('recommendation_rollup_meta').execute()
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
    ), generated as (
      select distinct on (recommendation_id) recommendation_id, occurred_at, event_id, seller_id,
        recommendation_type, model_version, has_explanation
      from inserted where type = 'generated'
      order by recommendation_id, occurred_at, event_id
    ), decided as (
      select distinct on (recommendation_id) recommendation_id, type, occurred_at, event_id
      from inserted where type in ('accepted', 'rejected')
      order by recommendation_id, occurred_at desc, event_id desc
    ), won as (
      select recommendation_id, jsonb_object_agg(currency, total) as amounts
      from (select recommendation_id, currency, sum(amount) as total from inserted
            where type = 'opportunity_won' group by recommendation_id, currency) w
      group by recommendation_id
    ), delta as (
      select recommendation_id, min(seller_id) as any_seller,
        bool_or(type = 'shown') as shown, bool_or(type = 'viewed') as viewed,
        bool_or(type = 'actioned') as actioned, bool_or(type = 'opportunity_created') as opportunity,
        bool_or(type = 'opportunity_won') as won
      from inserted group by recommendation_id
    ), merged as (
      insert into recommendation_states as s (recommendation_id, seller_id, generated_at, generated_event_id,
        recommendation_type, model_version, has_explanation, shown, viewed, actioned, opportunity, won,
        decision, decision_at, decision_event_id, won_amounts)
      select d.recommendation_id, coalesce(g.seller_id, d.any_seller), g.occurred_at, g.event_id,
        g.recommendation_type, g.model_version, coalesce(g.has_explanation, false), d.shown, d.viewed,
        d.actioned, d.opportunity, d.won, c.type, c.occurred_at, c.event_id, coalesce(w.amounts, '{}'::jsonb)
      from delta d
      left join generated g on g.recommendation_id = d.recommendation_id
      left join decided c on c.recommendation_id = d.recommendation_id
      left join won w on w.recommendation_id = d.recommendation_id
      order by d.recommendation_id
      on conflict (recommendation_id) do update set
        ${sql.raw(
          [
            `seller_id = case when excluded.generated_at is not null and ${generatedWins} then excluded.seller_id else s.seller_id end`,
            ...['generated_event_id', 'recommendation_type', 'model_version', 'has_explanation'].map((c) =>
              takeIf(generatedWins, c),
            ),
            takeIf(generatedWins, 'generated_at'),
            ...['decision', 'decision_at', 'decision_event_id'].map((c) => takeIf(decisionWins, c)),
          ].join(',\n        '),
        )},
        shown = s.shown or excluded.shown, viewed = s.viewed or excluded.viewed,
        actioned = s.actioned or excluded.actioned, opportunity = s.opportunity or excluded.opportunity,
        won = s.won or excluded.won,
        won_amounts = case when excluded.won_amounts = '{}'::jsonb then s.won_amounts else (
          select jsonb_object_agg(currency, total) from (
            select currency, sum(value::numeric) as total
            from (select * from jsonb_each_text(s.won_amounts) union all
                  select * from jsonb_each_text(excluded.won_amounts)) as amounts(currency, value)
            group by currency) as summed) end
      returning s.*
    )${
      rollup
        ? sql`, old as (
      -- An array, not IN (subquery): the planner guesses 200 rows for the CTE and would hash-join the
      -- whole states table; = any(array) probes the primary key once per touched recommendation.
      select * from recommendation_states where recommendation_id = any(array(select recommendation_id from delta))
    ), contributions as (
      ${contributionsSql(sql`merged`, timezone, 1)}
      union all
      ${contributionsSql(sql`old`, timezone, -1)}
    ), ${applyContributionsSql()}`
        : sql``
    }
    select (select count(*) from inserted)::int as inserted, (select count(*) from merged)::int as merged
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
  return { ok: true as const, report }
}
