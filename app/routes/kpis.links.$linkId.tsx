import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/session.server'
import { Chart } from '~/components/charts/chart'
import { useKpiName, VerdictBadge } from '~/components/kpi/kpi-ui'
import { EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { analyseLink } from '~/models/kpi/chart.server'
import { MIN_PAIRS } from '~/models/kpi/driver'
import styles from '~/styles/kpi.css?url'
import { db } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { MetricsLink } from '~/components/metrics-link'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const report = z.uuid().safeParse(params.linkId).success
    ? await analyseLink(db, user, params.linkId!)
    : null
  if (!report) notFound()
  const pick = (kpi: typeof report.leading) => ({
    id: kpi.id,
    key: kpi.key,
    name_en: kpi.name_en,
    name_zh_tw: kpi.name_zh_tw,
  })
  return { ...report, leading: pick(report.leading), lagging: pick(report.lagging) }
}

export default function DriverLinkPage() {
  const { leading, lagging, analysis, overlay, cadence, link } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const name = useKpiName()
  const best = analysis.best
  const lag = best?.lag ?? link.expected_lag
  const fixed = (value: number, digits: number) =>
    format.number(value, { maximumFractionDigits: digits, minimumFractionDigits: digits })
  const pValue = (p: number) => (p < 0.0001 ? '< 0.0001' : fixed(p, 4))
  const levels = analysis.levels
  return (
    <>
      <PageHeader
        title={t('kpi.analysis')}
        subtitle={
          <>
            <Link to={`/kpis/${leading.id}`}>{name(leading)}</Link> {t('kpi.drives')}{' '}
            <Link to={`/kpis/${lagging.id}`}>{name(lagging)}</Link> · {t('kpi.expectedLag')}:{' '}
            {link.expected_lag}
          </>
        }
      />
      <section className="card" aria-labelledby="verdict-title">
        <h2 id="verdict-title">
          <VerdictBadge verdict={analysis.verdict} />
        </h2>
        <p className="field-hint">
          <MetricsLink section="lead-lag" />
        </p>
        {best && analysis.p !== null ? (
          <p>
            {t('kpi.summaryLine', {
              lag: best.lag,
              cadence: t(`kpi.cadence.${cadence}`),
              r: fixed(best.r, 3),
              low: fixed(best.low, 3),
              high: fixed(best.high, 3),
              n: best.n,
              p: pValue(analysis.p),
              lags: analysis.lags.length,
            })}
          </p>
        ) : null}
        {analysis.reason === 'trend_driven' && levels ? (
          <p>
            {t('kpi.reason.trend_driven', {
              lag: levels.lag,
              r: fixed(levels.r, 3),
              p: pValue(levels.adjustedP),
              lags: levels.searched,
            })}
          </p>
        ) : analysis.reason ? (
          <p>{t(`kpi.reason.${analysis.reason}`, { min: MIN_PAIRS })}</p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="overlay-title">
        <h2 id="overlay-title">{t('kpi.overlayTitle', { lag })}</h2>
        {overlay.labels.length ? (
          <Chart
            kind="line"
            title={t('kpi.overlayTitle', { lag })}
            titleVisible={false}
            labels={overlay.labels}
            series={[
              { label: name(lagging), values: overlay.lagging },
              { label: name(leading), values: overlay.leading },
            ]}
          />
        ) : (
          <EmptyState>{t('kpi.noValues')}</EmptyState>
        )}
      </section>
      <div className="two-column">
        <section className="card" aria-labelledby="lags-title">
          <h2 id="lags-title">{t('kpi.lagTable')}</h2>
          {analysis.lags.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('kpi.lag')}</th>
                    <th scope="col">r</th>
                    <th scope="col">{t('kpi.pairs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.lags.map((row) => (
                    <tr key={row.lag} aria-current={row.lag === best?.lag ? 'true' : undefined}>
                      <td>{row.lag === best?.lag ? <strong>{row.lag}</strong> : row.lag}</td>
                      <td>{fixed(row.r, 3)}</td>
                      <td>{row.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState>{t('kpi.reason.too_little_data', { min: MIN_PAIRS })}</EmptyState>
          )}
        </section>
        <section className="card kpi-method" aria-labelledby="method-title">
          <h2 id="method-title">{t('kpi.method')}</h2>
          <p>{t('kpi.methodText')}</p>
          <p>{t('kpi.methodLimits')}</p>
        </section>
      </div>
    </>
  )
}
