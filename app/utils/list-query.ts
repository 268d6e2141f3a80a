import { z } from 'zod'

// The state of a list page lives in its URL (`?sort=name&dir=asc&q=…&page=2`), so that a list can be
// shared, reloaded and used without JavaScript. Loaders read it through `readListQuery`; `format=csv`
// asks the same loader for the same rows as CSV.

export type SortDir = 'asc' | 'desc'

export type ListQuery<Sort extends string> = {
  sort: Sort
  dir: SortDir
  /** The free-text filter, trimmed ('' when none). */
  q: string
  page: number
  /** The loader answers CSV of every row the filters keep (all pages), in the same order. */
  csv: boolean
}

export type ListSpec<Sort extends string, Shape extends z.ZodRawShape> = {
  sorts: readonly [Sort, ...Sort[]]
  defaultSort: Sort
  defaultDir?: SortDir
  /** The list's own filters (selects, checkboxes, dates); each must `.catch()` a bad value. */
  filters?: Shape
}

export function listQuerySchema<Sort extends string, Shape extends z.ZodRawShape>(
  spec: ListSpec<Sort, Shape>,
) {
  const base = z.object({
    sort: z
      .enum(spec.sorts as unknown as [Sort, ...Sort[]])
      .optional()
      .catch(undefined),
    dir: z.enum(['asc', 'desc']).optional().catch(undefined),
    q: z.string().max(200).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
    format: z.literal('csv').optional().catch(undefined),
  })
  return base.extend(spec.filters ?? ({} as Shape)).transform((raw) => {
    const { sort, dir, q, page, format, ...filters } = raw as z.infer<typeof base> & Record<string, unknown>
    const query: ListQuery<Sort> = {
      sort: (sort as Sort | undefined) ?? spec.defaultSort,
      dir: dir ?? (sort ? 'asc' : (spec.defaultDir ?? 'asc')),
      q: (q ?? '').trim(),
      page: page ?? 1,
      csv: format === 'csv',
    }
    return { ...query, ...(filters as z.infer<z.ZodObject<Shape>>) }
  })
}

/** Reads a list's state from the request's URL; unknown or bad values fall back to the defaults. */
export function readListQuery<Sort extends string, Shape extends z.ZodRawShape>(
  request: Request,
  spec: ListSpec<Sort, Shape>,
) {
  const params = new URL(request.url).searchParams
  const values: Record<string, string> = {}
  // Empty values are "no filter" (a GET form sends every field).
  for (const [key, value] of params) if (value !== '') values[key] = value
  return listQuerySchema(spec).parse(values)
}

/** A LIKE/ILIKE pattern matching `text` anywhere, with the pattern characters escaped. */
export function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

export type Paged<Row> = { rows: Row[]; total: number; page: number; pages: number; pageSize: number }

export function pagesFor(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize))
}

type SortValue = string | number | boolean | Date | null | undefined

function compareValues(a: SortValue, b: SortValue) {
  // Blanks sort last whichever the direction, as spreadsheets do.
  const blankA = a === null || a === undefined || a === ''
  const blankB = b === null || b === undefined || b === ''
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1
  if (a instanceof Date || b instanceof Date)
    return new Date(a as Date).getTime() - new Date(b as Date).getTime()
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' })
}

/**
 * Filters, sorts and pages a small list in memory (a few hundred rows at most). `text` gives the
 * fields the free-text filter searches; `by` each sortable column's value.
 */
export function applyListQuery<Row, Sort extends string>(
  rows: readonly Row[],
  query: ListQuery<Sort>,
  options: {
    by: Record<Sort, (row: Row) => SortValue>
    text?: (row: Row) => (string | null | undefined)[]
    pageSize?: number
  },
): Paged<Row> {
  const needle = query.q.toLocaleLowerCase()
  const kept = needle
    ? rows.filter((row) =>
        (options.text?.(row) ?? []).some((value) => value?.toLocaleLowerCase().includes(needle)),
      )
    : [...rows]
  const value = options.by[query.sort]
  const sign = query.dir === 'desc' ? -1 : 1
  kept.sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    const blank = (v: SortValue) => v === null || v === undefined || v === ''
    if (blank(va) || blank(vb)) return compareValues(va, vb)
    return sign * compareValues(va, vb)
  })
  const pageSize = options.pageSize ?? 50
  const pages = pagesFor(kept.length, pageSize)
  const page = Math.min(query.page, pages)
  const shown = query.csv ? kept : kept.slice((page - 1) * pageSize, page * pageSize)
  return { rows: shown, total: kept.length, page, pages, pageSize }
}
