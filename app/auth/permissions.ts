import type { Role } from '~/utils/db.types'

// The static role → capability table. Capabilities say what a role may do at all; membership of an
// initiative (lead, sponsor, team, EET) narrows which records it may do it to (see app/models/foundation/access.server.ts).

export const ROLES = [
  'admin',
  'lead',
  'sponsor',
  'eet_member',
  'viewer',
  'manager',
] as const satisfies readonly Role[]

export const CAPABILITIES = [
  // Foundation
  'user:manage',
  'audit:read',
  'apikey:manage',
  'program:manage',
  'initiative:create',
  'initiative:edit-own',
  'initiative:edit-any',
  'initiative:read-all',
  // Accountability: business cases, team, gates, governance
  'finance:read',
  'business-case:edit',
  'business-case:decide',
  'gate:decide',
  'governance:manage',
  // KPI trees
  'kpi:edit',
  'kpi:measure',
  // Agile delivery
  'delivery:manage',
  // Sales-force roster, EET and pilot feedback
  'roster:manage',
  'eet:manage',
  'feedback:submit',
  'feedback:triage',
  // Recommendation analytics
  'events:import',
  'analytics:read',
  // Sponsor's view
  'portfolio:read',
  // Frontline managers: their team's per-rep figures (scoped to the team in app/models/foundation/team.server.ts)
  'team:read',
  'coaching:log',
] as const

export type Capability = (typeof CAPABILITIES)[number]

// `-own` style rights (edit, triage) still pass through the initiative scope in app/models/foundation/access.server.ts.
const TABLE: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES.filter(
    (capability) => capability !== 'initiative:edit-own' && capability !== 'feedback:submit',
  ),
  lead: [
    'initiative:create',
    'initiative:edit-own',
    'finance:read',
    'business-case:edit',
    'kpi:edit',
    'kpi:measure',
    'delivery:manage',
    'eet:manage',
    'feedback:triage',
    'analytics:read',
    'portfolio:read',
  ],
  sponsor: [
    'initiative:read-all',
    'finance:read',
    'business-case:decide',
    'gate:decide',
    'governance:manage',
    'analytics:read',
    'portfolio:read',
  ],
  eet_member: ['feedback:submit'],
  viewer: ['initiative:read-all', 'analytics:read', 'portfolio:read'],
  manager: ['team:read', 'coaching:log'],
}

export function can(role: Role, capability: Capability): boolean {
  return TABLE[role].includes(capability)
}

export function capabilitiesOf(role: Role): readonly Capability[] {
  return TABLE[role]
}
