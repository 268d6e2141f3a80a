import { Chart } from '~/components/charts/chart'
import { useFormat, useT } from '~/i18n/react'
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from '~/models/eet/eet.schema'
import type { FeedbackFigures } from '~/models/eet/feedback-summary'

export function FeedbackAnalytics({
  figures,
}: {
  figures: FeedbackFigures & { perRelease: (FeedbackFigures & { release: string })[] }
}) {
  const t = useT()
  const format = useFormat()
  const none = t('eet.stats.none')
  const stats: [string, string, string?][] = [
    [t('eet.stats.total'), format.number(figures.total)],
    [
      t('eet.stats.usefulness'),
      figures.averageUsefulness === null
        ? none
        : `${format.number(figures.averageUsefulness, { maximumFractionDigits: 1 })} / 5`,
    ],
    [
      t('eet.stats.ease'),
      figures.averageEase === null
        ? none
        : `${format.number(figures.averageEase, { maximumFractionDigits: 1 })} / 5`,
    ],
    [
      t('eet.stats.nps'),
      figures.nps === null
        ? none
        : format.number(figures.nps, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
      t('eet.stats.npsParts', {
        promoters: figures.promoters,
        passives: figures.passives,
        detractors: figures.detractors,
      }),
    ],
    [
      t('eet.stats.firstResponse'),
      figures.medianHoursToFirstResponse === null
        ? none
        : t('eet.stats.hours', {
            hours: format.number(figures.medianHoursToFirstResponse, { maximumFractionDigits: 1 }),
          }),
    ],
    [
      t('eet.stats.closedLoop'),
      figures.closedLoopShare === null ? none : format.percent(figures.closedLoopShare, 0),
    ],
  ]
  return (
    <section className="card" aria-labelledby="feedback-stats">
      <h2 id="feedback-stats">{t('eet.stats.title')}</h2>
      <div className="stat-grid">
        {stats.map(([label, value, detail]) => (
          <div className="stat" key={label}>
            <span className="stat-value">{value}</span>
            <span className="stat-label">{label}</span>
            {detail ? <span className="muted">{detail}</span> : null}
          </div>
        ))}
      </div>
      {figures.total ? (
        <div className="two-column">
          <Chart
            kind="bar"
            format="integer"
            title={t('eet.stats.byKind')}
            labels={FEEDBACK_KINDS.map((kind) => t(`eet.feedback.kind.${kind}`))}
            series={[
              { label: t('eet.stats.total'), values: FEEDBACK_KINDS.map((kind) => figures.byKind[kind]) },
            ]}
          />
          <Chart
            kind="bar"
            format="integer"
            title={t('eet.stats.byStatus')}
            labels={FEEDBACK_STATUSES.map((status) => t(`eet.status.${status}`))}
            series={[
              {
                label: t('eet.stats.total'),
                values: FEEDBACK_STATUSES.map((status) => figures.byStatus[status]),
              },
            ]}
          />
          {figures.perRelease.length > 1 ? (
            <Chart
              kind="bar"
              format="integer"
              title={t('eet.stats.byRelease')}
              labels={figures.perRelease.map((release) => release.release)}
              yMin={-100}
              yMax={100}
              series={[
                { label: t('eet.stats.nps'), values: figures.perRelease.map((release) => release.nps) },
              ]}
            />
          ) : null}
        </div>
      ) : null}
      <p className="muted">{t('eet.stats.method')}</p>
    </section>
  )
}
