// The values a KPI can take: its declared range, and for a percentage unit without one, 0–100 (a share
// of something cannot be −50 % or 140 %; a KPI that measures growth in % declares its own range).

export type KpiRange = { min: number | null; max: number | null }

const PERCENT_UNITS = new Set(['%', 'percent', 'pct', '百分比'])

export function isPercentUnit(unit: string | null | undefined) {
  return PERCENT_UNITS.has((unit ?? '').trim().toLowerCase())
}

export function rangeOf(kpi: {
  unit?: string | null
  min_value?: number | null
  max_value?: number | null
}): KpiRange {
  const declared = (kpi.min_value ?? null) !== null || (kpi.max_value ?? null) !== null
  if (!declared && isPercentUnit(kpi.unit)) return { min: 0, max: 100 }
  return { min: kpi.min_value ?? null, max: kpi.max_value ?? null }
}

export function inRange(range: KpiRange, value: number) {
  return (range.min === null || value >= range.min) && (range.max === null || value <= range.max)
}

/** The range as the refusal's variables ("between 0 and 100", "at least 0", "at most 5"). */
export function rangeParams(range: KpiRange) {
  return { min: range.min ?? '−∞', max: range.max ?? '∞' }
}
