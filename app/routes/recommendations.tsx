import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requirePermission } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { reportingProgram } from '~/models/foundation/reporting-program.server'
import { db } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const { timezone } = await reportingProgram(db)
  return { timezone, canImport: can(user.role, 'events:import') }
}

const TABS = [
  { to: '/recommendations', label: 'recommendations.tab.funnel', end: true },
  { to: '/recommendations/rejections', label: 'recommendations.tab.rejections' },
  { to: '/recommendations/explanations', label: 'recommendations.tab.explanations' },
  { to: '/recommendations/adoption', label: 'recommendations.tab.adoption' },
] as const

export default function RecommendationsLayout() {
  const { timezone, canImport } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader title={t('recommendations.title')} subtitle={t('recommendations.subtitle', { timezone })} />
      <nav className="tabs" aria-label={t('recommendations.tabs')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={'end' in tab}>
            {t(tab.label)}
          </NavLink>
        ))}
        {canImport ? <NavLink to="/recommendations/import">{t('recommendations.tab.import')}</NavLink> : null}
      </nav>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
