import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { KpiTree } from '~/components/kpi/kpi-ui'
import { EmptyState } from '~/components/page'
import { useT } from '~/i18n/react'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { getKpiTree } from '~/models/kpi/kpi.server'
import styles from '~/styles/kpi.css?url'
import { db } from '~/utils/db.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const tree = await getKpiTree(db, user, { programId: initiative.program_id, initiativeId: initiative.id })
  return {
    initiative: { id: initiative.id, program_id: initiative.program_id },
    tree,
    canEdit: initiative.can_edit && can(user.role, 'kpi:edit'),
    canMeasure: initiative.can_edit && can(user.role, 'kpi:measure'),
  }
}

export default function InitiativeKpiTree() {
  const { initiative, tree, canEdit, canMeasure } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="card" aria-labelledby="kpi-tree-title">
      <header className="page-header">
        <h2 id="kpi-tree-title">{t('kpi.tree')}</h2>
        <div className="page-actions">
          {canMeasure ? (
            <Link className="button-secondary" to={`/kpis/import?program=${initiative.program_id}`}>
              {t('kpi.importCsv')}
            </Link>
          ) : null}
          {canEdit ? (
            <Link className="button" to={`/kpis/new?initiative=${initiative.id}`}>
              {t('kpi.new')}
            </Link>
          ) : null}
        </div>
      </header>
      {tree.length ? (
        <KpiTree nodes={tree} label={t('kpi.tree')} />
      ) : (
        <EmptyState>{t('kpi.treeEmpty')}</EmptyState>
      )}
    </section>
  )
}
