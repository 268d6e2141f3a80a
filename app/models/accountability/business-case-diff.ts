// Field-level differences between two business-case versions, for the version comparison: each
// difference is added, removed or changed (old → new). Lines are matched by name (a renamed line reads
// as one removed and one added), assumptions by name within their benefit line; finance is compared
// on the computed figures so a change anywhere in the money shows where it lands.

export type DiffKind = 'added' | 'removed' | 'changed'
export type DiffValue = string | number | null
export type CaseDiff = {
  section: 'case' | 'benefit' | 'assumption' | 'cost' | 'finance'
  /** What changed: a case field key, or the line (and assumption) names. */
  subject: string[]
  field: string | null
  kind: DiffKind
  before: DiffValue
  after: DiffValue
}

type Assumption = { name: string; unit: string; value: number; source: string }
type Benefit = { name: string; start_year: number; kpi_id: string | null; assumptions: Assumption[] }
type Cost = { name: string; kind: string; year: number; amount: number }
export type DiffableCase = {
  context: string
  approach: string
  customer_value: string
  target_segments: string[]
  data_systems: string[]
  discount_rate: number | null
  horizon_years: number
  benefits: Benefit[]
  costs: Cost[]
  figures: {
    npv: number
    roi: number | null
    paybackMonth: number | null
    totalBenefits: number
    totalCosts: number
  } | null
}

const CASE_FIELDS = ['context', 'approach', 'customer_value', 'target_segments', 'data_systems'] as const
const FINANCE_FIELDS = ['discount_rate', 'horizon_years'] as const
const FIGURES = ['totalBenefits', 'totalCosts', 'npv', 'roi', 'paybackMonth'] as const

function same(a: DiffValue, b: DiffValue) {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9)
}

/** Records of each side keyed by name; a repeated name gets its occurrence number so none is lost. */
function byName<T extends { name: string }>(items: readonly T[]) {
  const seen = new Map<string, number>()
  return new Map(
    items.map((item) => {
      const n = (seen.get(item.name) ?? 0) + 1
      seen.set(item.name, n)
      return [n === 1 ? item.name : `${item.name} (${n})`, item] as const
    }),
  )
}

function fieldsDiff<T, F extends keyof T & string>(
  section: CaseDiff['section'],
  subject: string[],
  before: T,
  after: T,
  fields: readonly F[],
  value: (record: T, field: F) => DiffValue,
): CaseDiff[] {
  return fields.flatMap((field) => {
    const [old, now] = [value(before, field), value(after, field)]
    return same(old, now)
      ? []
      : [{ section, subject, field, kind: 'changed' as const, before: old, after: now }]
  })
}

function linesDiff<T extends { name: string }>(
  section: 'benefit' | 'assumption' | 'cost',
  parent: string[],
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
  nested?: (old: T, now: T, subject: string[]) => CaseDiff[],
): CaseDiff[] {
  const [old, now] = [byName(before), byName(after)]
  const diffs: CaseDiff[] = []
  for (const [name, line] of old) {
    const subject = [...parent, name]
    const match = now.get(name)
    if (!match) {
      diffs.push({
        section,
        subject,
        field: null,
        kind: 'removed',
        before: summary(line, fields),
        after: null,
      })
      continue
    }
    diffs.push(...fieldsDiff(section, subject, line, match, fields, (r, f) => r[f] as DiffValue))
    if (nested) diffs.push(...nested(line, match, subject))
  }
  for (const [name, line] of now)
    if (!old.has(name))
      diffs.push({
        section,
        subject: [...parent, name],
        field: null,
        kind: 'added',
        before: null,
        after: summary(line, fields),
      })
  return diffs
}

/** A whole added or removed line in one cell: its fields' values (ids are left to the field rows). */
function summary<T>(line: T, fields: readonly (keyof T & string)[]) {
  return fields
    .filter((field) => !field.endsWith('_id'))
    .map((field) => (line[field] === null || line[field] === '' ? '—' : String(line[field])))
    .join(' · ')
}

/** The differences from version `before` to version `after`, in reading order. */
export function diffCases(before: DiffableCase, after: DiffableCase): CaseDiff[] {
  const text = (c: DiffableCase, field: (typeof CASE_FIELDS)[number]) => {
    const value = c[field]
    return Array.isArray(value) ? value.join(', ') : value
  }
  return [
    ...fieldsDiff('case', [], before, after, CASE_FIELDS, text),
    ...linesDiff(
      'benefit',
      [],
      before.benefits,
      after.benefits,
      ['start_year', 'kpi_id'],
      (old, now, subject) =>
        linesDiff('assumption', subject, old.assumptions, now.assumptions, ['value', 'unit', 'source']),
    ),
    ...linesDiff('cost', [], before.costs, after.costs, ['kind', 'year', 'amount']),
    ...fieldsDiff('finance', [], before, after, FINANCE_FIELDS, (c, f) => c[f] as DiffValue),
    ...(before.figures && after.figures
      ? fieldsDiff('finance', [], before.figures, after.figures, FIGURES, (c, f) => c[f])
      : []),
  ]
}
