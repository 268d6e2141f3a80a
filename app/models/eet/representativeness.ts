import { totalVariationDistance } from '~/utils/stats'

// Is the EET a typical cross-section of the eligible sales force? Pure functions, no database: the
// model loads the two groups of reps and this module compares them attribute by attribute.
//
// Method (also explained on the EET page):
// - For each attribute (region, segment, tenure band, role, tech affinity) both groups become shares
//   per category; the total variation distance TVD = ½ Σ |p_eet − p_force| is the share of the EET that
//   would have to change category to match the sales force (0 = identical, 1 = disjoint).
// - Overall score = 100 × (1 − mean TVD over the attributes), 100 being a perfect mirror.
// - Warnings: enthusiasts over-represented by more than ENTHUSIAST_MARGIN share points; a region or
//   segment holding at least MISSING_MIN_SHARE of the sales force with nobody in the EET; an EET of fewer
//   than MIN_EET_SIZE reps (shares of a tiny group swing by whole tenths).
// - Suggestions: for each under-represented category (p_eet < p_force), the reps missing for an EET of
//   n = max(current size, MIN_EET_SIZE) to match the sales force: ceil(p_force × n − count_eet),
//   largest share gaps first.

export const ATTRIBUTES = ['region', 'segment', 'tenure', 'role', 'tech_affinity'] as const
export type Attribute = (typeof ATTRIBUTES)[number]

export const TENURE_BANDS = ['lt1', '1to3', '3to5', '5to10', '10plus', 'unknown'] as const
export type TenureBand = (typeof TENURE_BANDS)[number]

export const ENTHUSIAST_MARGIN = 0.1
export const MISSING_MIN_SHARE = 0.05
export const MIN_EET_SIZE = 10
export const MAX_SUGGESTIONS = 6

export type RepProfile = {
  region: string
  segment: string
  role: string
  tech_affinity: string
  hire_date: string | null
}

export type CategoryShare = {
  category: string
  force: number
  forceShare: number
  eet: number
  eetShare: number
}

export type AttributeComparison = { attribute: Attribute; tvd: number | null; categories: CategoryShare[] }

export type RepresentativenessWarning =
  | { kind: 'enthusiasts'; eetShare: number; forceShare: number }
  | { kind: 'missing'; attribute: 'region' | 'segment'; category: string; forceShare: number }
  | { kind: 'small'; size: number; minimum: number }
  | { kind: 'empty' }

export type Suggestion = { attribute: Attribute; category: string; add: number }

export type Representativeness = {
  eetSize: number
  forceSize: number
  attributes: AttributeComparison[]
  /** 0–100, null when either group is empty. */
  score: number | null
  warnings: RepresentativenessWarning[]
  suggestions: Suggestion[]
}

/** Whole years from hire date to `asOf` (both 'YYYY-MM-DD'), banded as <1, 1–3, 3–5, 5–10, 10+. */
export function tenureBand(hireDate: string | null, asOf: string): TenureBand {
  if (!hireDate) return 'unknown'
  const [hy, hm, hd] = hireDate.split('-').map(Number) as [number, number, number]
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number]
  let years = ay - hy
  if (am < hm || (am === hm && ad < hd)) years -= 1
  if (years < 0) return 'unknown'
  if (years < 1) return 'lt1'
  if (years < 3) return '1to3'
  if (years < 5) return '3to5'
  if (years < 10) return '5to10'
  return '10plus'
}

function categoryOf(rep: RepProfile, attribute: Attribute, asOf: string) {
  return attribute === 'tenure' ? tenureBand(rep.hire_date, asOf) : rep[attribute]
}

function countBy(reps: readonly RepProfile[], attribute: Attribute, asOf: string) {
  const counts: Record<string, number> = {}
  for (const rep of reps) {
    const category = categoryOf(rep, attribute, asOf)
    counts[category] = (counts[category] ?? 0) + 1
  }
  return counts
}

/** The sales force counted once per attribute: many EETs are compared with the same profile. */
export type ForceProfile = { size: number; counts: Record<Attribute, Record<string, number>> }

export function forceProfile(force: readonly RepProfile[], asOf: string): ForceProfile {
  const counts = Object.fromEntries(
    ATTRIBUTES.map((attribute) => [attribute, countBy(force, attribute, asOf)]),
  ) as ForceProfile['counts']
  return { size: force.length, counts }
}

function compareAttribute(
  force: ForceProfile,
  eet: readonly RepProfile[],
  attribute: Attribute,
  asOf: string,
): AttributeComparison {
  const forceCounts = force.counts[attribute]
  const eetCounts = countBy(eet, attribute, asOf)
  const order =
    attribute === 'tenure'
      ? TENURE_BANDS.filter((band) => forceCounts[band] || eetCounts[band])
      : [...new Set([...Object.keys(forceCounts), ...Object.keys(eetCounts)])].sort(
          (a, b) => (forceCounts[b] ?? 0) - (forceCounts[a] ?? 0) || a.localeCompare(b),
        )
  const categories = order.map((category) => ({
    category,
    force: forceCounts[category] ?? 0,
    forceShare: force.size ? (forceCounts[category] ?? 0) / force.size : 0,
    eet: eetCounts[category] ?? 0,
    eetShare: eet.length ? (eetCounts[category] ?? 0) / eet.length : 0,
  }))
  const tvd = force.size && eet.length ? totalVariationDistance(eetCounts, forceCounts) : null
  return { attribute, tvd, categories }
}

/** The EET against the sales force (its reps, or its profile when many EETs are assessed). */
export function assessRepresentativeness(
  force: readonly RepProfile[] | ForceProfile,
  eet: readonly RepProfile[],
  asOf: string,
): Representativeness {
  const profile = 'counts' in force ? force : forceProfile(force, asOf)
  const attributes = ATTRIBUTES.map((attribute) => compareAttribute(profile, eet, attribute, asOf))
  const distances = attributes.map((a) => a.tvd).filter((tvd): tvd is number => tvd !== null)
  const score =
    distances.length === ATTRIBUTES.length
      ? 100 * (1 - distances.reduce((sum, tvd) => sum + tvd, 0) / distances.length)
      : null

  const warnings: RepresentativenessWarning[] = []
  if (!eet.length) warnings.push({ kind: 'empty' })
  else {
    if (eet.length < MIN_EET_SIZE) warnings.push({ kind: 'small', size: eet.length, minimum: MIN_EET_SIZE })
    const affinity = attributes.find((a) => a.attribute === 'tech_affinity')!
    const enthusiasts = affinity.categories.find((c) => c.category === 'enthusiast')
    if (enthusiasts && enthusiasts.eetShare - enthusiasts.forceShare > ENTHUSIAST_MARGIN + 1e-9)
      warnings.push({
        kind: 'enthusiasts',
        eetShare: enthusiasts.eetShare,
        forceShare: enthusiasts.forceShare,
      })
    for (const comparison of attributes) {
      if (comparison.attribute !== 'region' && comparison.attribute !== 'segment') continue
      for (const c of comparison.categories)
        if (c.eet === 0 && c.forceShare >= MISSING_MIN_SHARE)
          warnings.push({
            kind: 'missing',
            attribute: comparison.attribute,
            category: c.category,
            forceShare: c.forceShare,
          })
    }
  }

  const suggestions: (Suggestion & { gap: number })[] = []
  const size = Math.max(eet.length, MIN_EET_SIZE)
  for (const comparison of attributes) {
    for (const c of comparison.categories) {
      if (c.category === 'unknown' || c.forceShare - c.eetShare <= 1e-9) continue
      const add = Math.ceil(c.forceShare * size - c.eet - 1e-9)
      if (add > 0)
        suggestions.push({
          attribute: comparison.attribute,
          category: c.category,
          add,
          gap: c.forceShare - c.eetShare,
        })
    }
  }
  suggestions.sort((a, b) => b.gap - a.gap || b.add - a.add || a.category.localeCompare(b.category))

  return {
    eetSize: eet.length,
    forceSize: profile.size,
    attributes,
    score,
    warnings,
    suggestions: suggestions.slice(0, MAX_SUGGESTIONS).map(({ gap: _gap, ...rest }) => rest),
  }
}
