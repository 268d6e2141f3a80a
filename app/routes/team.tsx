import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'team:read')
  return null
}

const TABS = [
  { to: '/team', label: 'recommendations.team.tab.overview', end: true },
  { to: '/team/coaching', label: 'change.coaching.tab' },
  { to: '/team/feedback', label: 'recommendations.team.tab.feedback' },
] as const

export default function TeamLayout() {
  const t = useT()
  return (
    <>
      <PageHeader title={t('recommendations.team.title')} subtitle={t('recommendations.team.subtitle')} />
      <nav className="tabs" aria-label={t('recommendations.team.tabs')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={'end' in tab}>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
