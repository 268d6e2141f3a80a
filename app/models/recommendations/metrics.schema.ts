import { z } from 'zod'
import { daysBetween } from '~/utils/calendar'

// Query parameters of the funnel and adoption metrics (API and pages). Browser-safe.

export const FUNNEL_GROUPS = [
  'recommendation_type',
  'model_version',
  'explanation',
  'region',
  'segment',
  'team',
  'manager',
  'tech_affinity',
  'seller',
  'week',
] as const
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number]

/** Roster dimensions: adoption groups by these (a rep's own roster entry). */
export const ROSTER_GROUPS = ['region', 'segment', 'team', 'manager', 'tech_affinity'] as const
export type RosterGroup = (typeof ROSTER_GROUPS)[number]

/** The longest range a metric may span (three years), so one request cannot ask for a century of days. */
export const MAX_RANGE_DAYS = 1100

const isoDay = z.iso.date('errors.invalidDate')

function rangeSchema<G extends readonly [string, ...string[]]>(groups: G) {
  return z
    .object({
      from: isoDay,
      to: isoDay,
      group_by: z.enum(groups).optional(),
    })
    .refine((range) => daysBetween(range.from, range.to) > 0, {
      message: 'recommendations.errors.rangeOrder',
      path: ['to'],
    })
    .refine((range) => daysBetween(range.from, range.to) <= MAX_RANGE_DAYS, {
      message: 'recommendations.errors.rangeTooLong',
      path: ['to'],
    })
}

export const FunnelQuerySchema = rangeSchema(FUNNEL_GROUPS)
export const AdoptionQuerySchema = rangeSchema(ROSTER_GROUPS)
export type FunnelQuery = z.output<typeof FunnelQuerySchema>
export type AdoptionQuery = z.output<typeof AdoptionQuerySchema>

/** `count / of`, or null when the denominator is 0 (the contract's rule for every rate). */
export function rate(count: number, of: number) {
  return of > 0 ? count / of : null
}
