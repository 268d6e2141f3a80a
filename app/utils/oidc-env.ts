import type { Role } from './db.types'

// The single sign-on settings that need more than a zod primitive, parsed once by the env schema.

const ROLES: readonly Role[] = ['admin', 'lead', 'sponsor', 'eet_member', 'viewer', 'manager']
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** https, or http on this machine only (a test or local provider): tokens must not cross a network in clear. */
export function validIssuer(value: string) {
  const url = new URL(value)
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
}

export type RoleMapping = { group: string; role: Role }

/**
 * OIDC_ROLE_MAP: `group=role` pairs separated by commas, e.g. `Tenfold Admins=admin,Sales Leads=lead`.
 * A group name may hold spaces but no `,` or `=`; each group once. Order is precedence. A string is
 * the problem, for the env schema's one line.
 */
export function parseRoleMap(value: string): RoleMapping[] | string {
  const mappings: RoleMapping[] = []
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (!entry) continue
    const [group, role, ...rest] = entry.split('=').map((part) => part.trim())
    if (!group || !role || rest.length) return `"${entry}" is not group=role`
    if (!ROLES.includes(role as Role)) return `"${role}" is not a role (${ROLES.join(', ')})`
    if (mappings.some((mapping) => mapping.group === group)) return `group "${group}" is mapped twice`
    mappings.push({ group, role: role as Role })
  }
  return mappings
}

/** The role the claim's groups give: the first mapping whose group the user has, else null. */
export function mappedRole(mappings: readonly RoleMapping[], claim: unknown): Role | null {
  const groups = Array.isArray(claim) ? claim.filter((item) => typeof item === 'string') : [claim]
  return mappings.find((mapping) => groups.includes(mapping.group))?.role ?? null
}
