import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { InitiativeTable } from '~/components/foundation/initiative-table'
import { PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { pendingDecisions } from '~/models/accountability/business-case.server'
import { countActive } from '~/models/foundation/counts.server'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { db } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const personal = user.role === 'lead' || user.role === 'sponsor' || user.role === 'eet_member'
  const initiatives = await listInitiatives(db, user, { mine: personal })
  const stats = user.role === 'admin' ? await countActive(db) : null
  const pending = await pendingDecisions(db, user)
  return {
    role: user.role,
    name: user.name,
    initiatives,
    stats,
    pendingCount: pending.cases.length + pending.gates.length,
    canDecide: can(user.role, 'business-case:decide'),
    canReadPortfolio: can(user.role, 'portfolio:read'),
  }
}

export default function HomePage() {
  const { role, initiatives, stats, pendingCount, canDecide, canReadPortfolio } =
    useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader title={t(`home.title.${role}`)} subtitle={t(`home.intro.${role}`)} />
      {stats ? (
        <section className="stat-grid" aria-label={t('home.title.admin')}>
          <Link className="stat" to="/admin/users">
            <span className="stat-value">{format.number(stats.users)}</span>
            <span className="stat-label">{t('home.stats.users')}</span>
          </Link>
          <Link className="stat" to="/programs">
            <span className="stat-value">{format.number(stats.programs)}</span>
            <span className="stat-label">{t('home.stats.programs')}</span>
          </Link>
          <Link className="stat" to="/initiatives">
            <span className="stat-value">{format.number(stats.initiatives)}</span>
            <span className="stat-label">{t('home.stats.initiatives')}</span>
          </Link>
        </section>
      ) : null}
      {canReadPortfolio ? (
        <section className="stat-grid" aria-label={t('sponsor.nav.portfolio')}>
          {canDecide ? (
            <Link className="stat" to="/portfolio/approvals">
              <span className="stat-value">{format.number(pendingCount)}</span>
              <span className="stat-label">{t('home.pendingDecisions')}</span>
            </Link>
          ) : null}
          <Link className="stat" to="/portfolio">
            <span className="stat-value">{t('sponsor.nav.portfolio')}</span>
            <span className="stat-label">{t('home.portfolioHint')}</span>
          </Link>
          <Link className="stat" to="/portfolio/report">
            <span className="stat-value">{t('sponsor.nav.report')}</span>
            <span className="stat-label">{t('home.reportHint')}</span>
          </Link>
        </section>
      ) : null}
      <InitiativeTable initiatives={initiatives} emptyText={t('home.none')} />
    </>
  )
}
