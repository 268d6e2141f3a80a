import { z } from 'zod'
import { isIsoDate } from '~/utils/calendar'
import type { TechAffinity } from '~/utils/db.types'
import { fields } from '~/utils/forms'
import { SELLER_ROSTER_COLUMNS } from '../foundation/seller-columns'

// One rep of the sales force: the CSV row of a roster import and the admin's single-edit form share
// this schema (browser constraints and server parsing).

export const TECH_AFFINITIES = [
  'avoider',
  'reluctant',
  'enthusiast',
  'unknown',
] as const satisfies readonly TechAffinity[]

/**
 * A roster file's columns, all required as headers (email, manager_id, hire_date, tech_affinity and
 * eligible may be blank in a row): the rep's id, then the columns an import sets on the seller.
 */
export const ROSTER_COLUMNS = ['seller_id', ...SELLER_ROSTER_COLUMNS] as const

const TRUE_WORDS = ['true', 'yes', 'y', '1', 'on']
const FALSE_WORDS = ['false', 'no', 'n', '0', 'off']

const code = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'errors.required')
    .max(max)
    .regex(/^[\w.\-/]+$/, 'eet.roster.error.code')

const optionalCode = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[\w.\-/]*$/, 'eet.roster.error.code')
    .optional()
    .transform((value) => value || null)

export const SellerSchema = z.object({
  seller_id: code(64),
  name: fields.text(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email('errors.invalidEmail'))
    .optional()
    .transform((value) => value ?? null),
  region: fields.text(80),
  segment: fields.text(80),
  team: fields.text(80),
  manager_id: optionalCode(64),
  hire_date: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || isIsoDate(value), 'errors.invalidDate')
    .transform((value) => value || null),
  role: fields.text(80),
  tech_affinity: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => value || 'unknown')
    .pipe(z.enum(TECH_AFFINITIES, 'eet.roster.error.affinity')),
  eligible: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .refine(
      (value) => !value || TRUE_WORDS.includes(value) || FALSE_WORDS.includes(value),
      'eet.roster.error.eligible',
    )
    .transform((value) => !value || TRUE_WORDS.includes(value)),
})
export type SellerInput = z.output<typeof SellerSchema>

/** The admin's edit form: the CSV fields (seller_id fixed) plus the link to a portal user. */
export const SellerEditSchema = SellerSchema.omit({ seller_id: true, eligible: true }).extend({
  eligible: fields.checkbox(),
  user_id: z.uuid('errors.invalidChoice').optional(),
})
export type SellerEditInput = z.output<typeof SellerEditSchema>

export const IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]

export const RosterFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  region: z.string().trim().max(80).optional().catch(undefined),
  team: z.string().trim().max(80).optional().catch(undefined),
  manager: z.string().trim().max(64).optional().catch(undefined),
  affinity: z.enum(TECH_AFFINITIES).optional().catch(undefined),
  left: z.enum(['include', 'only']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})
export const ROSTER_SORTS = [
  'name',
  'seller_id',
  'region',
  'segment',
  'team',
  'manager',
  'role',
  'affinity',
  'hire_date',
] as const
export type RosterFilter = z.output<typeof RosterFilterSchema> & {
  sort?: (typeof ROSTER_SORTS)[number]
  dir?: 'asc' | 'desc'
  /** `null`: every row the filters keep (the CSV export). */
  pageSize?: number | null
}
