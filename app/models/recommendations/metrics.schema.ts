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
      from: isoDay.meta({ description: 'First day (reporting time zone).' }),
      to: isoDay.meta({ description: 'Day after the last (exclusive); at most 1,100 days after from.' }),
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

// The metrics' answers, for the OpenAPI document and the tests that hold the real answers to them.

// Figures about fewer than 5 reps are suppressed (docs/api.md, rep-data privacy): every number null.
const count = z.int().min(0).nullable().meta({ description: 'null when suppressed' })
const rateOrNull = z.number().nullable().meta({ description: 'null when the denominator is 0 or suppressed' })
const suppressed = z.boolean().meta({
  description: 'true when the figures are about fewer than 5 reps and the key lacks metrics:reps',
})

const funnelFigures = {
  generated: count,
  shown: count,
  viewed: count,
  accepted: count,
  rejected: count,
  actioned: count,
  opportunities: count,
  won: count,
  won_amount: z.record(z.string(), z.number()).meta({ description: 'By currency; empty when suppressed.' }),
  shown_rate: rateOrNull,
  view_rate: rateOrNull,
  acceptance_rate: rateOrNull,
  conversion_rate: z.number().nullable().meta({ description: 'opportunities ÷ shown; null when shown is 0' }),
  win_rate: rateOrNull,
  suppressed,
}
const adoptionFigures = {
  eligible: count,
  active: count,
  adoption_rate: rateOrNull,
  avg_daily_active: z.number().min(0).nullable(),
  avg_weekly_active: z.number().min(0).nullable(),
  stickiness: rateOrNull,
  suppressed,
}
const groupKey = { key: z.string().meta({ description: 'The group’s value (unknown when not known).' }) }

function metricsResponse<
  G extends readonly [string, ...string[]],
  T extends z.ZodObject,
  E extends z.ZodObject,
>(groups: G, total: T, group: E) {
  return z.object({
    from: z.iso.date(),
    to: z.iso.date(),
    timezone: z.string().meta({ description: 'The reporting time zone (IANA).' }),
    group_by: z.enum(groups).nullable(),
    total,
    groups: z.array(group).meta({ description: 'One entry per key with group_by; empty without.' }),
  })
}

export const FunnelResponseSchema = metricsResponse(
  FUNNEL_GROUPS,
  z.object(funnelFigures).meta({ id: 'FunnelFigures' }),
  z.object({ ...groupKey, ...funnelFigures }).meta({ id: 'FunnelGroup' }),
).meta({ id: 'FunnelResponse' })
export const AdoptionResponseSchema = metricsResponse(
  ROSTER_GROUPS,
  z.object(adoptionFigures).meta({ id: 'AdoptionFigures' }),
  z.object({ ...groupKey, ...adoptionFigures }).meta({ id: 'AdoptionGroup' }),
).meta({ id: 'AdoptionResponse' })

/** `count / of`, or null when the denominator is 0 (the contract's rule for every rate). */
export function rate(count: number, of: number) {
  return of > 0 ? count / of : null
}
