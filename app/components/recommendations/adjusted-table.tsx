import { useFormat, useT } from '~/i18n/react'
import type { Adjusted } from '~/models/recommendations/insights.server'

/** The adjusted comparison of a against b: Mantel–Haenszel odds ratio and the rep-clustered difference. */
export function AdjustedTable({
  caption,
  adjusted,
}: {
  caption: string
  adjusted: { acceptance: Adjusted; conversion: Adjusted }
}) {
  const t = useT()
  const format = useFormat()
  const ratio = (value: number) =>
    format.number(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 })
  const points = (value: number) =>
    format.number(value * 100, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'always' })
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recommendations.evidence.metric')}</th>
            <th scope="col">{t('recommendations.adjusted.oddsRatio')}</th>
            <th scope="col">{t('recommendations.adjusted.difference')}</th>
            <th scope="col">{t('recommendations.adjusted.p')}</th>
          </tr>
        </thead>
        <tbody>
          {(['acceptance', 'conversion'] as const).map((metric) => {
            const { oddsRatio, difference } = adjusted[metric]
            return (
              <tr key={metric}>
                <th scope="row">
                  {t(
                    metric === 'acceptance'
                      ? 'recommendations.rate.acceptance_rate'
                      : 'recommendations.rate.conversion_rate',
                  )}
                </th>
                <td>
                  {oddsRatio
                    ? `${ratio(oddsRatio.oddsRatio)} (${ratio(oddsRatio.low)} – ${ratio(oddsRatio.high)})`
                    : t('recommendations.evidence.noTest')}
                </td>
                <td>
                  {difference
                    ? t('recommendations.adjusted.points', {
                        value: points(difference.difference),
                        low: points(difference.low),
                        high: points(difference.high),
                        reps: difference.reps,
                      })
                    : t('recommendations.evidence.noTest')}
                </td>
                <td>
                  {difference
                    ? `${format.number(difference.p, { maximumSignificantDigits: 2 })} (${t(difference.p < 0.05 ? 'recommendations.evidence.significant' : 'recommendations.evidence.notSignificant')})`
                    : '—'}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
