import { z } from 'zod'
import type { KpiCadence, KpiCategory, KpiDirection, KpiKind, KpiRollup } from '~/models/kpi/tables'
import { fields } from '~/utils/forms'
import { inRange, rangeOf, rangeParams } from './range'
import { KPI_STATUSES } from './status'

export const KPI_KINDS = ['leading', 'lagging'] as const satisfies readonly KpiKind[]
export const KPI_CATEGORIES = [
  'adoption',
  'customer_value',
  'user_value',
  'financial',
  'delivery',
] as const satisfies readonly KpiCategory[]
export const KPI_DIRECTIONS = ['higher', 'lower'] as const satisfies readonly KpiDirection[]
export const KPI_CADENCES = ['daily', 'weekly', 'monthly'] as const satisfies readonly KpiCadence[]
export const KPI_ROLLUPS = [
  'none',
  'sum',
  'average',
  'weighted_average',
  'min',
  'max',
] as const satisfies readonly KpiRollup[]

export const KPI_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
/** A decimal with '.' as separator, as CSV files and forms carry it. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/

/**
 * A decimal typed as text. A 400-digit number matches the pattern yet reads as Infinity, so every
 * decimal — required or optional — is checked finite (and below 10¹⁵, what numeric columns and doubles
 * both hold exactly enough) here, once.
 */
const decimal = z
  .string()
  .trim()
  .regex(DECIMAL_PATTERN, 'errors.invalidNumber')
  .transform(Number)
  .refine((value) => Number.isFinite(value) && Math.abs(value) < 1e15, 'errors.invalidNumber')

const optionalDecimal = decimal.optional()

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'errors.invalidNumber')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

/** One target: the value planned for the end of a period. */
export const TargetSchema = z.object({ period_end: fields.isoDate(), value: decimal })

/**
 * Targets typed one per line as `YYYY-MM-DD, value`, as the form took them before it had rows and API
 * clients may still post them: each line is checked (its number in the message), then read as a row.
 */
function linesAsRows(text: string, ctx: z.core.$RefinementCtx) {
  const rows: { period_end: string; value: string }[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line) return
    const match = /^(\d{4}-\d{2}-\d{2})\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/.exec(line)
    if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) {
      ctx.addIssue({ code: 'custom', message: 'kpi.errors.targetLine', params: { line: index + 1 } })
      return
    }
    rows.push({ period_end: match[1]!, value: match[2]! })
  })
  return rows
}

/** A KPI's targets: rows (targets[0].period_end, targets[0].value…) or lines of text; sorted by date. */
export const targetRows = z.preprocess(
  (value, ctx) => (typeof value === 'string' ? linesAsRows(value, ctx) : value),
  z
    .array(TargetSchema)
    .superRefine((targets, ctx) => {
      const seen = new Set<string>()
      targets.forEach((target, index) => {
        if (seen.has(target.period_end))
          ctx.addIssue({
            code: 'custom',
            message: 'kpi.errors.targetDuplicate',
            path: [index, 'period_end'],
          })
        seen.add(target.period_end)
      })
    })
    .transform((targets) => targets.sort((a, b) => a.period_end.localeCompare(b.period_end))),
)

export const KpiSchema = z
  .object({
    key: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'errors.required')
      .max(60)
      .regex(KPI_KEY_PATTERN, 'kpi.errors.key'),
    name_en: fields.text(160),
    name_zh_tw: fields.text(160),
    description: fields.optionalText(2000),
    kind: z.enum(KPI_KINDS, 'errors.invalidChoice'),
    category: z.enum(KPI_CATEGORIES, 'errors.invalidChoice'),
    unit: fields.optionalText(30),
    direction: z.enum(KPI_DIRECTIONS, 'errors.invalidChoice'),
    cadence: z.enum(KPI_CADENCES, 'errors.invalidChoice'),
    owner_id: z.uuid('errors.invalidChoice').optional(),
    parent_id: z.uuid('errors.invalidChoice').optional(),
    baseline_value: optionalDecimal,
    baseline_date: fields.optionalIsoDate(),
    min_value: optionalDecimal,
    max_value: optionalDecimal,
    tolerance_pct: decimal.pipe(z.number().min(0).max(100)),
    rollup: z.enum(KPI_ROLLUPS, 'errors.invalidChoice'),
    rollup_weight: decimal.pipe(z.number().gt(0, 'errors.invalid')),
    grace_days: integer(0, 90),
    targets: targetRows,
  })
  .refine((value) => (value.baseline_value === undefined) === (value.baseline_date === undefined), {
    message: 'kpi.errors.baselinePair',
    path: ['baseline_date'],
  })
  .superRefine((kpi, ctx) => {
    if (kpi.min_value !== undefined && kpi.max_value !== undefined && kpi.min_value > kpi.max_value) {
      ctx.addIssue({ code: 'custom', path: ['max_value'], message: 'kpi.errors.rangeOrder' })
      return
    }
    // The baseline and the targets are values of the KPI too: within its range.
    const range = rangeOf(kpi)
    const params = rangeParams(range)
    // A value already refused as not a number (Infinity) gets that one message only.
    const outside = (value: number) => Number.isFinite(value) && !inRange(range, value)
    if (kpi.baseline_value !== undefined && outside(kpi.baseline_value))
      ctx.addIssue({ code: 'custom', path: ['baseline_value'], message: 'kpi.errors.outOfRange', params })
    kpi.targets.forEach((target, index) => {
      if (outside(target.value))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'value'],
          message: 'kpi.errors.outOfRange',
          params,
        })
    })
  })
export type KpiInput = z.output<typeof KpiSchema>
/** What the form posts: targets as rows (the text lines are for earlier clients only). */
export type KpiFormInput = Omit<z.input<typeof KpiSchema>, 'targets'> & {
  targets?: z.input<typeof TargetSchema>[]
}

export const CheckInSchema = z.object({
  intent: z.literal('checkin'),
  period_end: fields.isoDate(),
  value: decimal,
  confidence: integer(1, 5).optional(),
  note: fields.optionalText(500),
})
export type CheckInInput = z.output<typeof CheckInSchema>

export const DriverLinkSchema = z.object({
  intent: z.literal('link'),
  lagging_kpi_id: z.uuid('errors.invalidChoice'),
  expected_lag: integer(0, 12),
})

/** One item of the measurements API body. */
export const ApiMeasurementSchema = z
  .object({
    period_end: z.iso.date().meta({
      description:
        "The period's last day: any day for daily KPIs, a Sunday for weekly ones, the month's last day for monthly ones. Not in a future period.",
    }),
    value: z.number().finite().meta({ description: 'The value for the period, in the KPI’s unit.' }),
    note: z
      .string()
      .max(500)
      .optional()
      .meta({ description: 'Optional; when omitted the existing note is kept.' }),
  })
  .meta({ id: 'MeasurementInput' })
export const ApiMeasurementsBody = z.array(z.unknown()).min(1).max(5000)

export const CSV_COLUMNS = ['kpi_key', 'period_end', 'value'] as const
export const CSV_OPTIONAL_COLUMNS = ['note'] as const
export const CSV_MAX_BYTES = 5_000_000

/** The CSV import form: a file uploaded on preview, the previewed text sent back (hidden) on commit. */
export const CsvImportSchema = z
  .object({
    intent: z.enum(['preview', 'commit']),
    program_id: z.uuid('errors.invalidChoice'),
    mode: z.enum(['all_or_nothing', 'valid_rows'], 'errors.invalidChoice'),
    file: z.file().max(CSV_MAX_BYTES, 'kpi.import.tooLarge').optional(),
    csv: z.string().optional(),
  })
  .superRefine(({ file, csv }, ctx) => {
    // Both refusals belong to the file: the previewed text is the file the user chose.
    if (!file && !csv) ctx.addIssue({ code: 'custom', path: ['file'], message: 'kpi.import.noFile' })
    else if (!file && csv!.length > CSV_MAX_BYTES)
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'kpi.import.tooLarge' })
  })

export const KpiFilterSchema = z.object({
  program: z.uuid().optional().catch(undefined),
  kind: z.enum(KPI_KINDS).optional().catch(undefined),
  category: z.enum(KPI_CATEGORIES).optional().catch(undefined),
  status: z.enum(KPI_STATUSES).optional().catch(undefined),
  initiative: z
    .union([z.uuid(), z.literal('program')])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
})
export type KpiFilter = z.output<typeof KpiFilterSchema>

/** The columns the program's KPI list sorts by (app/models/kpi/kpi.server.ts orders in SQL). */
export const KPI_LIST_SORTS = [
  'name',
  'initiative',
  'kind',
  'category',
  'latest',
  'period',
  'status',
] as const
export type KpiListSort = (typeof KPI_LIST_SORTS)[number]
