import { useFormat, useT } from '~/i18n/react'
import type { CoachingEffect } from '~/models/change/coaching-effect'

/** The coached-vs-not comparison, labelled as observational. */
export function CoachingEffectCard({ effect }: { effect: CoachingEffect }) {
  const t = useT()
  const format = useFormat()
  const points = (value: number | null) =>
    value === null ? '—' : format.number(value * 100, { maximumFractionDigits: 1, signDisplay: 'always' })
  return (
    <section className="card" aria-labelledby="effect-heading">
      <h3 id="effect-heading">{t('change.effect.heading')}</h3>
      <p className="muted">{t('change.effect.observational')}</p>
      {effect.coached === 0 ? (
        <p>{t('change.effect.none')}</p>
      ) : (
        <>
          <p>{t('change.effect.counts', { coached: effect.coached, similar: effect.similar })}</p>
          <dl className="stat-grid">
            <div className="stat">
              <dt className="stat-label">{t('change.effect.coached')}</dt>
              <dd className="stat-value">{points(effect.coachedChange)}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('change.effect.similar')}</dt>
              <dd className="stat-value">{points(effect.similarChange)}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('change.effect.difference')}</dt>
              <dd className="stat-value">
                {effect.low === null || effect.high === null
                  ? t('change.effect.noInterval', { value: points(effect.difference) })
                  : t('change.effect.interval', {
                      value: points(effect.difference),
                      low: points(effect.low),
                      high: points(effect.high),
                    })}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  )
}
