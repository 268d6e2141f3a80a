import { can, type Capability } from '~/auth/permissions'
import type { MessageKey } from '~/i18n/translate'
import type { Role } from '~/utils/db.types'

// A nav entry exists only for what works; each capability adds its own line here.
export type NavItem = { to: string; label: MessageKey; capability?: Capability; roles?: readonly Role[] }

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/programs', label: 'nav.programs' },
  { to: '/initiatives', label: 'nav.initiatives' },
  { to: '/portfolio', label: 'sponsor.nav.portfolio', capability: 'portfolio:read' },
  { to: '/portfolio/approvals', label: 'sponsor.nav.approvals', capability: 'business-case:decide' },
  { to: '/portfolio/report', label: 'sponsor.nav.report', capability: 'portfolio:read' },
  { to: '/kpis', label: 'kpi.nav' },
  { to: '/delivery', label: 'delivery.nav.portfolio' },
  { to: '/governance', label: 'accountability.nav.governance', roles: ['admin', 'sponsor', 'viewer'] },
  { to: '/recommendations', label: 'recommendations.nav', capability: 'analytics:read' },
  { to: '/roster', label: 'eet.nav.roster', capability: 'eet:manage' },
  { to: '/admin/users', label: 'nav.users', capability: 'user:manage' },
  { to: '/admin/api-keys', label: 'nav.apiKeys', capability: 'apikey:manage' },
  { to: '/admin/audit', label: 'nav.audit', capability: 'audit:read' },
  { to: '/admin/outbox', label: 'attention.nav.outbox', capability: 'user:manage' },
]

export function navFor(role: Role) {
  return NAV_ITEMS.filter(
    (item) => (!item.capability || can(role, item.capability)) && (!item.roles || item.roles.includes(role)),
  )
}
