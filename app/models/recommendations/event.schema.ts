// The ingest contract of the recommendation tool (docs/api.md), shared by the API, the admin
// import page and the tests. A hand-written validator rather than zod: it runs on up to 5,000 events
// per request in the ingest hot path, reports every problem of an event at once as (field, code)
// pairs, and treats an empty CSV cell and a JSON null the same as an absent field.
// RecommendationEventSchema (below) describes the same contract in zod for the OpenAPI document; it
// never parses ingest, and tests/unit/api/event-contract.test.ts holds it to accepting and refusing
// exactly what validateEvent does.

import { z } from 'zod'

export const EVENT_TYPES = [
  'generated',
  'shown',
  'viewed',
  'accepted',
  'rejected',
  'actioned',
  'opportunity_created',
  'opportunity_won',
  'opportunity_lost',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const REASON_CODES = [
  'not_relevant',
  'already_in_progress',
  'bad_timing',
  'customer_not_ready',
  'price_or_affordability',
  'wrong_data',
  'other',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** Activity that makes a rep *active* on a day (adoption). */
export const ACTIVITY_TYPES = ['viewed', 'accepted', 'rejected', 'actioned'] as const

export const EVENT_FIELDS = [
  'event_id',
  'type',
  'occurred_at',
  'recommendation_id',
  'seller_id',
  'recommendation_type',
  'model_version',
  'explanation',
  'account_id',
  'reason_code',
  'reason_text',
  'amount',
  'currency',
] as const
export const REQUIRED_CSV_COLUMNS = [
  'event_id',
  'type',
  'occurred_at',
  'recommendation_id',
  'seller_id',
] as const

export const MAX_EVENTS_PER_REQUEST = 5000
export const MAX_BODY_BYTES = 5 * 1024 * 1024

export type RecommendationEvent = {
  event_id: string
  type: EventType
  /** As sent (RFC 3339 with offset); PostgreSQL keeps its full precision. */
  occurred_at: string
  recommendation_id: string
  seller_id: string
  recommendation_type: string | null
  model_version: string | null
  explanation: string | null
  account_id: string | null
  reason_code: ReasonCode | null
  reason_text: string | null
  amount: number | null
  currency: string | null
}

export type EventErrorCode =
  | 'not_object'
  | 'required'
  | 'not_string'
  | 'too_long'
  | 'invalid_type'
  | 'invalid_timestamp'
  | 'invalid_reason'
  | 'invalid_amount'
  | 'invalid_currency'
  | 'invalid_json'
  | 'invalid_character'
export type EventError = { field: string; code: EventErrorCode; max?: number }

export type ValidationResult = { ok: true; event: RecommendationEvent } | { ok: false; errors: EventError[] }

const TYPE_SET = new Set<string>(EVENT_TYPES)
const REASON_SET = new Set<string>(REASON_CODES)
let currencies: Set<string> | undefined
export function isCurrency(code: string) {
  currencies ??= new Set(Intl.supportedValuesOf('currency'))
  return currencies.has(code)
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** RFC 3339 date-time with an offset (Z or ±hh:mm), with a real calendar date and clock time. */
export function isRfc3339(value: string) {
  const match = RFC3339.exec(value)
  if (!match) return false
  const year = +match[1]!
  const month = +match[2]!
  const day = +match[3]!
  if (year < 1 || month < 1 || month > 12 || day < 1) return false
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return false
  if (+match[4]! > 23 || +match[5]! > 59 || +match[6]! > 60) return false
  if (match[9] && (+match[10]! > 23 || +match[11]! > 59)) return false
  return true
}

export function present(value: unknown) {
  return value !== undefined && value !== null && value !== ''
}

/** A text field: null when absent (an error if required), the string when present (an error if too long). */
function text(
  raw: Record<string, unknown>,
  field: string,
  max: number,
  required: boolean,
  errors: EventError[],
): string | null {
  const value = raw[field]
  if (value === undefined || value === null || value === '') {
    if (required) errors.push({ field, code: 'required' })
    return null
  }
  if (typeof value !== 'string') {
    errors.push({ field, code: 'not_string' })
    return null
  }
  if (value.length > max) errors.push({ field, code: 'too_long', max })
  // PostgreSQL text cannot hold U+0000: refused here, per event, instead of failing the whole batch.
  else if (value.includes('\u0000')) errors.push({ field, code: 'invalid_character' })
  return value
}

/**
 * Validates one event as received (a parsed JSON object or a CSV row of strings). Written for the
 * ingest hot path (5,000 events per request): no closures or intermediate arrays per event.
 */
export function validateEvent(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ field: 'event', code: 'not_object' }] }
  const raw = input as Record<string, unknown>
  const errors: EventError[] = []

  const eventId = text(raw, 'event_id', 128, true, errors)
  const type = raw.type
  if (!present(type)) errors.push({ field: 'type', code: 'required' })
  else if (typeof type !== 'string' || !TYPE_SET.has(type))
    errors.push({ field: 'type', code: 'invalid_type' })
  const eventType = typeof type === 'string' && TYPE_SET.has(type) ? (type as EventType) : null

  const occurredAt = text(raw, 'occurred_at', 64, true, errors)
  if (occurredAt !== null && !isRfc3339(occurredAt))
    errors.push({ field: 'occurred_at', code: 'invalid_timestamp' })
  const recommendationId = text(raw, 'recommendation_id', 128, true, errors)
  const sellerId = text(raw, 'seller_id', 128, true, errors)
  const recommendationType = text(raw, 'recommendation_type', 64, eventType === 'generated', errors)
  const modelVersion = text(raw, 'model_version', 64, false, errors)
  const explanation = text(raw, 'explanation', 2000, false, errors)
  const accountId = text(raw, 'account_id', 128, false, errors)
  const reasonText = text(raw, 'reason_text', 2000, false, errors)

  const reason = text(raw, 'reason_code', 64, eventType === 'rejected', errors)
  if (reason !== null && !REASON_SET.has(reason))
    errors.push({ field: 'reason_code', code: 'invalid_reason' })

  const needsMoney = eventType === 'opportunity_created' || eventType === 'opportunity_won'
  let amount: number | null = null
  const rawAmount = raw.amount
  if (!present(rawAmount)) {
    if (needsMoney) errors.push({ field: 'amount', code: 'required' })
  } else {
    const parsed =
      typeof rawAmount === 'number'
        ? rawAmount
        : typeof rawAmount === 'string' && /^\s*\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(rawAmount)
          ? Number(rawAmount)
          : NaN
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1e15)
      errors.push({ field: 'amount', code: 'invalid_amount' })
    else amount = parsed
  }
  let currency: string | null = null
  const rawCurrency = raw.currency
  if (!present(rawCurrency)) {
    if (needsMoney || amount !== null) errors.push({ field: 'currency', code: 'required' })
  } else if (typeof rawCurrency !== 'string' || !isCurrency(rawCurrency.toUpperCase())) {
    errors.push({ field: 'currency', code: 'invalid_currency' })
  } else {
    currency = rawCurrency.toUpperCase()
  }

  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    event: {
      event_id: eventId!,
      type: eventType!,
      occurred_at: occurredAt!,
      recommendation_id: recommendationId!,
      seller_id: sellerId!,
      recommendation_type: recommendationType,
      model_version: modelVersion,
      explanation,
      account_id: accountId,
      reason_code: reason as ReasonCode | null,
      reason_text: reasonText,
      amount,
      currency,
    },
  }
}

const ERROR_TEXT: Record<EventErrorCode, string> = {
  not_object: 'must be an object',
  required: 'is required',
  not_string: 'must be a string',
  too_long: 'is longer than {max} characters',
  invalid_type: `must be one of ${EVENT_TYPES.join(', ')}`,
  invalid_timestamp: 'must be an RFC 3339 timestamp with an offset, e.g. 2026-03-02T09:15:00+08:00',
  invalid_reason: `must be one of ${REASON_CODES.join(', ')}`,
  invalid_amount: 'must be a number ≥ 0',
  invalid_currency: 'must be an ISO 4217 currency code, e.g. USD',
  invalid_json: 'is not valid JSON',
  invalid_character: 'must not contain the NUL character (U+0000)',
}

/** The API's (English) text of an error: "<field> <problem>". The import page translates the codes. */
export function eventErrorText(error: EventError) {
  return `${error.field} ${ERROR_TEXT[error.code].replace('{max}', String(error.max ?? ''))}`
}

// --- The contract in zod, for the OpenAPI document (and the tests); ingest keeps validateEvent. ---

/** No string may hold U+0000 (PostgreSQL text cannot). */
// eslint-disable-next-line no-control-regex -- the NUL character is what the pattern excludes
const NO_NUL = /^[^\u0000]*$/
const AMOUNT_TEXT = /^\s*\d+(\.\d+)?([eE][+-]?\d+)?\s*$/
const requiredText = (max: number) => z.string().min(1).max(max).regex(NO_NUL)
/** null, '' (an empty CSV cell) and a missing field all mean absent. */
const optionalText = (max: number) => z.string().max(max).regex(NO_NUL).nullish()
const blank = z.literal('')

const money = z
  .union([
    z.number().min(0).max(1e15),
    z
      .string()
      .regex(AMOUNT_TEXT)
      .refine((amount) => Number(amount) <= 1e15)
      .meta({ description: 'A decimal in text, as a CSV cell carries it.' }),
    blank,
  ])
  .nullish()
  .meta({ description: 'A number ≥ 0. Required on opportunity_created and opportunity_won.' })

export const RecommendationEventSchema = z
  .object({
    event_id: requiredText(128).meta({ description: 'Stored once; a retry is counted as a duplicate.' }),
    type: z.enum(EVENT_TYPES),
    occurred_at: z
      .string()
      .max(64)
      .refine(isRfc3339)
      .meta({ format: 'date-time', description: 'RFC 3339 with an offset (Z or ±hh:mm).' }),
    recommendation_id: requiredText(128),
    seller_id: requiredText(128).meta({ description: 'The roster’s seller_id.' }),
    recommendation_type: optionalText(64).meta({ description: 'Required (non-empty) on generated.' }),
    model_version: optionalText(64),
    explanation: optionalText(2000).meta({
      description: 'On generated: present means the rep saw an explanation.',
    }),
    account_id: optionalText(128),
    reason_code: z
      .union([z.enum(REASON_CODES), blank])
      .nullish()
      .meta({ description: 'Required on rejected.' }),
    reason_text: optionalText(2000),
    amount: money,
    currency: z
      .union([
        z
          .string()
          .regex(/^[A-Za-z]{3}$/)
          .refine((code) => isCurrency(code.toUpperCase())),
        blank,
      ])
      .nullish()
      .meta({ description: 'ISO 4217 (any case; stored upper case). Required with amount.' }),
  })
  .superRefine((event, ctx) => {
    const require = (field: keyof typeof event, when: boolean) => {
      if (when && !present(event[field])) ctx.addIssue({ code: 'custom', path: [field], message: 'required' })
    }
    const money = event.type === 'opportunity_created' || event.type === 'opportunity_won'
    require('recommendation_type', event.type === 'generated')
    require('reason_code', event.type === 'rejected')
    require('amount', money)
    require('currency', money || present(event.amount))
  })
  .meta({
    id: 'RecommendationEvent',
    description:
      'Unknown fields are ignored. null, an empty string (a CSV’s empty cell) and a missing field all mean absent. No string may contain the NUL character (U+0000).',
  })

/** The ingest's answer (ingest.server.ts IngestReport). */
export const IngestReportSchema = z
  .object({
    accepted: z.int().min(0).meta({ description: 'Events newly stored (committed before this response).' }),
    duplicates: z
      .int()
      .min(0)
      .meta({ description: 'Valid events already stored (or repeated in the request).' }),
    rejected: z.array(
      z.object({
        index: z.int().min(0).meta({ description: 'The event’s 0-based position in the request.' }),
        event_id: z.string().nullable(),
        errors: z.array(z.string()).min(1).meta({ description: 'In English: "<field> <problem>".' }),
      }),
    ),
  })
  .meta({ id: 'IngestReport' })
