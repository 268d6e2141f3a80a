import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/session.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { INITIATIVE_TABS } from '~/components/foundation/initiative-tabs'
import { StageBadge, StatusBadge } from '~/components/foundation/initiative-table'
import { Badge } from '~/components/page'
import { useT } from '~/i18n/react'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  return {
    initiative: {
      id: initiative.id,
      name: initiative.name,
      stage: initiative.stage,
      status: initiative.status,
      program_id: initiative.program_id,
      program_name: initiative.program_name,
      archived: initiative.archived_at !== null,
    },
  }
}

export default function InitiativeLayout() {
  const { initiative } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <article className="initiative">
      <header className="page-header">
        <div>
          <h1>
            {initiative.name} {initiative.archived ? <Badge>{t('common.archived')}</Badge> : null}
          </h1>
          <p className="page-subtitle">
            <StageBadge stage={initiative.stage} /> <StatusBadge status={initiative.status} />
          </p>
        </div>
      </header>
      <nav className="tabs" aria-label={initiative.name}>
        {INITIATIVE_TABS.map((tab) => (
          <NavLink
            key={tab.path}
            to={`/initiatives/${initiative.id}${tab.path ? `/${tab.path}` : ''}`}
            end={tab.path === ''}
          >
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
