import { Fragment } from 'react'
import { useFormat, useT } from '~/i18n/react'
import type { Comparison, Proportion } from '~/models/recommendations/insights.server'

/** Acceptance and conversion of two groups, each with its Wilson 95% interval, and the z-test between them. */
export function EvidenceTable({
  caption,
  comparison,
  labelA,
  labelB,
}: {
  caption: string
  comparison: Comparison
  labelA: string
  labelB: string
}) {
  const t = useT()
  const format = useFormat()
  const cells = (p: Proportion) => (
    <>
      <td>{format.percent(p.rate)}</td>
      <td>{p.low === null ? '—' : `${format.percent(p.low)} – ${format.percent(p.high)}`}</td>
      <td>{format.number(p.n)}</td>
    </>
  )
  const test = (result: { z: number; p: number } | null) =>
    result
      ? `z = ${format.number(result.z, { maximumFractionDigits: 2 })}, ${format.pValue(result.p)} (${t(result.p < 0.05 ? 'recommendations.evidence.significant' : 'recommendations.evidence.notSignificant')})`
      : t('recommendations.evidence.noTest')
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recommendations.evidence.metric')}</th>
            <th scope="col">{t('recommendations.evidence.group')}</th>
            <th scope="col">{t('recommendations.evidence.rate')}</th>
            <th scope="col">{t('recommendations.evidence.interval')}</th>
            <th scope="col">{t('recommendations.evidence.n')}</th>
            <th scope="col">{t('recommendations.evidence.test')}</th>
          </tr>
        </thead>
        <tbody>
          {(['acceptance', 'conversion'] as const).map((metric) => (
            <Fragment key={metric}>
              <tr key={`${metric}-a`}>
                <th scope="row" rowSpan={2}>
                  {t(
                    metric === 'acceptance'
                      ? 'recommendations.rate.acceptance_rate'
                      : 'recommendations.rate.conversion_rate',
                  )}
                </th>
                <td>{labelA}</td>
                {cells(comparison[metric].a)}
                <td rowSpan={2}>{test(comparison[metric].test)}</td>
              </tr>
              <tr key={`${metric}-b`}>
                <td>{labelB}</td>
                {cells(comparison[metric].b)}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  )
}
