import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { NeedsYou } from '~/components/attention/needs-you'
import { InitiativeTable } from '~/components/foundation/initiative-table'
import { PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { pendingDecisions } from '~/models/accountability/business-case.server'
import { acknowledgeItem } from '~/models/attention/acknowledgement.server'
import { AcknowledgeSchema } from '~/models/attention/attention.schema'
import { needsYou } from '~/models/attention/needs-you.server'
import { countActive } from '~/models/foundation/counts.server'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const personal = user.role === 'lead' || user.role === 'sponsor' || user.role === 'eet_member'
  const initiatives = await listInitiatives(db, user, { mine: personal })
  const stats = user.role === 'admin' ? await countActive(db) : null
  const [pending, attention] = await Promise.all([pendingDecisions(db, user), needsYou(db, user)])
  return {
    attention,
    role: user.role,
    name: user.name,
    initiatives,
    stats,
    pendingCount: pending.cases.length + pending.gates.length,
    canDecide: can(user.role, 'business-case:decide'),
    canReadPortfolio: can(user.role, 'portfolio:read'),
  }
}

/** "Mark as seen" on an informational item of the list. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), AcknowledgeSchema, locale)
  invariantResponse(submission.status === 'success', 'Bad request')
  try {
    await acknowledgeItem(db, user, submission.value.key)
  } catch (error) {
    return refuseSubmission(locale, submission, error)
  }
  return { ok: true }
}

export default function HomePage() {
  const { attention, role, initiatives, stats, pendingCount, canDecide, canReadPortfolio } =
    useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader title={t(`home.title.${role}`)} subtitle={t(`home.intro.${role}`)} />
      <NeedsYou items={attention} />
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
