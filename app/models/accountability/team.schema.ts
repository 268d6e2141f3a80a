import { z } from 'zod'
import type { SpannerBackground, TeamFunction } from '~/models/accountability/tables'
import { fields } from '~/utils/forms'

// The cross-functional team: the article's three groups of functions.
export const FUNCTION_GROUPS = {
  user_representatives: ['sales', 'marketing'],
  engineers: ['data_scientist', 'scrum_master', 'ux', 'software_architect'],
  integrators: ['project_manager', 'change_management', 'sales_operations', 'finance'],
} as const satisfies Record<string, readonly TeamFunction[]>
export type FunctionGroup = keyof typeof FUNCTION_GROUPS
export const TEAM_FUNCTIONS = Object.values(FUNCTION_GROUPS).flat() as TeamFunction[]
export const SPANNER_BACKGROUNDS = [
  'sales_marketing',
  'technology',
  'both',
] as const satisfies readonly SpannerBackground[]

export const TeamMemberSchema = z.object({
  intent: z.literal('add'),
  person_name: fields.text(120),
  person_email: z.string().trim().toLowerCase().max(254).pipe(z.email('errors.invalidEmail')).optional(),
  function: z.enum(TEAM_FUNCTIONS as [TeamFunction, ...TeamFunction[]], 'errors.invalidChoice'),
  allocation: fields.number({ min: 1, max: 100, int: true }),
})
export type TeamMemberInput = z.output<typeof TeamMemberSchema>

export const RemoveMemberSchema = z.object({ intent: z.literal('remove'), member_id: z.uuid() })

export const SpannerSchema = z.object({
  intent: z.literal('background'),
  spanner_background: z.enum(SPANNER_BACKGROUNDS, 'errors.invalidChoice'),
})
