import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import { LevelBadge, PhaseClock, usedText } from '~/components/delivery/phase-clock'
import { EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { PHASES } from '~/models/delivery/phase-time'
import { deliveryOverview } from '~/models/delivery/overview.server'
import styles from '~/styles/delivery.css?url'
import { db } from '~/utils/db.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { initiatives: await deliveryOverview(db, user), canEditBudgets: can(user.role, 'program:manage') }
}

export default function DeliveryOverviewPage() {
  const { initiatives, canEditBudgets } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <section>
      <PageHeader
        title={t('delivery.portfolio.title')}
        subtitle={t('delivery.portfolio.subtitle')}
        actions={
          canEditBudgets ? (
            <Link className="button-secondary button" to="/delivery/settings">
              {t('delivery.portfolio.budgets')}
            </Link>
          ) : null
        }
      />
      {initiatives.length === 0 ? (
        <EmptyState>{t('delivery.portfolio.none')}</EmptyState>
      ) : (
        <>
          <h2>{t('delivery.portfolio.clocks')}</h2>
          <ul className="clock-grid">
            {initiatives.map((initiative) => (
              <li key={initiative.id}>
                <h3>
                  <Link to={`/initiatives/${initiative.id}/cycle`}>{initiative.name}</Link>
                </h3>
                {initiative.current ? (
                  <div className="clock-row">
                    <PhaseClock clock={initiative.current} />
                    <div>
                      <p>
                        <strong>{t(`delivery.phase.${initiative.current.phase}`)}</strong>
                        <br />
                        {usedText(t, format, initiative.current)}
                      </p>
                      <LevelBadge clock={initiative.current} />
                    </div>
                  </div>
                ) : (
                  <p className="muted">
                    {initiative.cycle
                      ? t('delivery.portfolio.cycleDone', { number: initiative.cycle.number })
                      : t('delivery.portfolio.noCycle')}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <h2 id="heatmap-title">{t('delivery.portfolio.heatmap')}</h2>
          <p className="field-hint">{t('delivery.portfolio.heatmapHint')}</p>
          <div className="table-wrap">
            <table aria-labelledby="heatmap-title">
              <thead>
                <tr>
                  <th scope="col">{t('delivery.portfolio.initiative')}</th>
                  {PHASES.map((phase) => (
                    <th scope="col" key={phase}>
                      {t(`delivery.phase.${phase}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {initiatives.map((initiative) => (
                  <tr key={initiative.id}>
                    <th scope="row">{initiative.name}</th>
                    {PHASES.map((phase) => {
                      const clock = initiative.phases[phase]
                      return (
                        <td
                          key={phase}
                          className={`heat-cell heat-${clock?.level ?? 'none'}`}
                          title={clock ? usedText(t, format, clock) : undefined}
                        >
                          {clock ? (
                            <>
                              {format.percent(Number.isFinite(clock.ratio) ? clock.ratio : 1, 0)}
                              <span className="visually-hidden"> · {t(`delivery.level.${clock.level}`)}</span>
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
