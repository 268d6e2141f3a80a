import { can, type Capability } from '~/auth/permissions'
import type { MessageKey } from '~/i18n/translate'
import type { Role } from '~/utils/db.types'
import type { IconName } from './shell/icons'

// The sidebar, grouped by the jobs people come to do. An entry shows when the role holds one of the
// capabilities its route's guard accepts (`anyOf`, read from the same table in app/auth/permissions.ts),
// so no link leads to a 403; tests/e2e/shell.test.ts follows every link for every role to prove it.
export type NavItem = { to: string; label: MessageKey; icon: IconName; anyOf?: readonly Capability[] }
export type NavGroup = { id: string; label: MessageKey; items: readonly NavItem[] }

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    id: 'needs',
    label: 'shell.group.needs',
    items: [{ to: '/', label: 'shell.nav.needsMe', icon: 'inbox' }],
  },
  {
    id: 'program',
    label: 'shell.group.program',
    items: [
      { to: '/programs', label: 'nav.programs', icon: 'layers' },
      {
        to: '/governance',
        label: 'accountability.nav.governance',
        icon: 'scale',
        anyOf: ['initiative:read-all', 'governance:manage'],
      },
    ],
  },
  {
    id: 'initiatives',
    label: 'shell.group.initiatives',
    items: [{ to: '/initiatives', label: 'nav.initiatives', icon: 'flag' }],
  },
  {
    id: 'kpis',
    label: 'shell.group.kpis',
    items: [
      { to: '/kpis', label: 'kpi.nav', icon: 'target' },
      { to: '/kpis/import', label: 'shell.nav.kpiImport', icon: 'upload', anyOf: ['kpi:measure'] },
    ],
  },
  {
    id: 'delivery',
    label: 'shell.group.delivery',
    items: [{ to: '/delivery', label: 'delivery.nav.portfolio', icon: 'timer' }],
  },
  {
    id: 'eet',
    label: 'shell.group.eet',
    items: [
      { to: '/roster', label: 'eet.nav.roster', icon: 'users', anyOf: ['roster:manage', 'eet:manage'] },
    ],
  },
  {
    id: 'recommendations',
    label: 'shell.group.recommendations',
    items: [
      { to: '/recommendations', label: 'recommendations.nav', icon: 'funnel', anyOf: ['analytics:read'] },
      { to: '/team', label: 'recommendations.team.nav', icon: 'users', anyOf: ['team:read'] },
    ],
  },
  {
    id: 'sponsor',
    label: 'shell.group.sponsor',
    items: [
      { to: '/portfolio', label: 'sponsor.nav.portfolio', icon: 'grid', anyOf: ['portfolio:read'] },
      {
        to: '/portfolio/approvals',
        label: 'sponsor.nav.approvals',
        icon: 'check',
        anyOf: ['business-case:decide', 'gate:decide'],
      },
      { to: '/portfolio/report', label: 'sponsor.nav.report', icon: 'report', anyOf: ['portfolio:read'] },
    ],
  },
  {
    id: 'admin',
    label: 'shell.group.admin',
    items: [
      { to: '/admin/users', label: 'nav.users', icon: 'user', anyOf: ['user:manage'] },
      { to: '/admin/api-keys', label: 'nav.apiKeys', icon: 'key', anyOf: ['apikey:manage'] },
      { to: '/admin/audit', label: 'nav.audit', icon: 'list', anyOf: ['audit:read'] },
      { to: '/admin/outbox', label: 'attention.nav.outbox', icon: 'inbox', anyOf: ['user:manage'] },
      {
        to: '/delivery/settings',
        label: 'shell.nav.deliverySettings',
        icon: 'gear',
        anyOf: ['program:manage'],
      },
      {
        to: '/portfolio/settings',
        label: 'shell.nav.healthSettings',
        icon: 'gear',
        anyOf: ['program:manage'],
      },
    ],
  },
]

/** The groups and entries this role can open; a group with nothing left is not shown. */
export function navFor(role: Role): NavGroup[] {
  return NAV_GROUPS.map((group) => ({
    ...group,
    items: group.items.filter(
      (item) => !item.anyOf || item.anyOf.some((capability) => can(role, capability)),
    ),
  })).filter((group) => group.items.length > 0)
}

/** The nav entry a path belongs to (the longest matching prefix), for the breadcrumb's first step. */
export function sectionOf(pathname: string): NavItem | undefined {
  let best: NavItem | undefined
  for (const group of NAV_GROUPS)
    for (const item of group.items) {
      const inside =
        item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`)
      if (inside && (!best || item.to.length > best.to.length)) best = item
    }
  return best
}
