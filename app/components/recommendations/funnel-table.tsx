import { useFormat, useT } from '~/i18n/react'
import type { FunnelFigures } from '~/models/recommendations/funnel.server'
import type { Guarded } from '~/models/recommendations/privacy.server'
import { FUNNEL_STAGES } from '~/models/recommendations/funnel-stages'

const COUNTS = FUNNEL_STAGES
const RATES = ['shown_rate', 'view_rate', 'acceptance_rate', 'conversion_rate', 'win_rate'] as const

type Figures = FunnelFigures | Guarded<FunnelFigures>

/** Every slice's counts and rates, plus the total row; a suppressed slice says "fewer than 5 reps". */
export function FunnelTable({
  caption,
  groupLabel,
  rows,
  total,
}: {
  caption: string
  groupLabel: string
  rows: { label: string; figures: Figures }[]
  total: Figures
}) {
  const t = useT()
  const format = useFormat()
  const row = (label: string, figures: Figures, isTotal = false) => (
    <tr key={label}>
      <th scope="row">{isTotal ? <strong>{label}</strong> : label}</th>
      {'suppressed' in figures && figures.suppressed ? (
        <td colSpan={COUNTS.length + RATES.length + 1}>{t('recommendations.privacy.fewerThan')}</td>
      ) : (
        cells(figures)
      )}
    </tr>
  )
  const cells = (figures: Figures) => (
    <>
      {COUNTS.map((name) => (
        <td key={name}>{format.number(figures[name])}</td>
      ))}
      {RATES.map((name) => (
        <td key={name}>{format.percent(figures[name])}</td>
      ))}
      <td>
        {Object.entries(figures.won_amount)
          .map(([currency, amount]) =>
            format.number(amount, { style: 'currency', currency, maximumFractionDigits: 0 }),
          )
          .join(' · ') || '—'}
      </td>
    </>
  )
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {COUNTS.map((name) => (
              <th scope="col" key={name}>
                {t(`recommendations.stage.${name}`)}
              </th>
            ))}
            {RATES.map((name) => (
              <th scope="col" key={name}>
                {t(`recommendations.rate.${name}`)}
              </th>
            ))}
            <th scope="col">{t('recommendations.wonAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => row(r.label, r.figures))}
          {row(t('common.all'), total, true)}
        </tbody>
      </table>
    </div>
  )
}
