import type { Role } from '~/utils/db.types'

// The static role → capability table. Capabilities say what a role may do at all; membership of an
// initiative (lead, sponsor, team, EET) narrows which records it may do it to (see app/models/access.server.ts).

export const ROLES = ['admin', 'lead', 'sponsor', 'eet_member', 'viewer'] as const satisfies readonly Role[]

export const CAPABILITIES = [
  'user:manage',
  'audit:read',
  'program:manage',
  'initiative:create',
  'initiative:edit-own',
  'initiative:edit-any',
  'initiative:read-all',
  'finance:read',
] as const

export type Capability = (typeof CAPABILITIES)[number]

const TABLE: Record<Role, readonly Capability[]> = {
  admin: [
    'user:manage',
    'audit:read',
    'program:manage',
    'initiative:create',
    'initiative:edit-any',
    'initiative:read-all',
    'finance:read',
  ],
  lead: ['initiative:create', 'initiative:edit-own', 'finance:read'],
  sponsor: ['initiative:read-all', 'finance:read'],
  eet_member: [],
  viewer: ['initiative:read-all'],
}

export function can(role: Role, capability: Capability): boolean {
  return TABLE[role].includes(capability)
}

export function capabilitiesOf(role: Role): readonly Capability[] {
  return TABLE[role]
}
