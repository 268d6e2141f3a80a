import { Chart } from '~/components/charts/chart'
import { Badge } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { MessageKey, Translate } from '~/i18n/translate'
import type { Attribute, Representativeness } from '~/models/eet/representativeness'

const ATTRIBUTE_LABEL: Record<Attribute, MessageKey> = {
  region: 'eet.field.region',
  segment: 'eet.field.segment',
  tenure: 'eet.field.tenure',
  role: 'eet.field.role',
  tech_affinity: 'eet.field.tech_affinity',
}

/** Category names in the reader's language where they are ours (tenure bands, affinities). */
export function categoryLabel(t: Translate, attribute: Attribute, category: string) {
  if (attribute === 'tenure') return t(`eet.tenure.${category}` as MessageKey)
  if (attribute === 'tech_affinity') return t(`eet.affinity.${category}` as MessageKey)
  return category
}

export function RepresentativenessPanel({ report }: { report: Representativeness }) {
  const t = useT()
  const format = useFormat()
  if (!report.forceSize) return <p className="empty-state">{t('eet.rep.noForce')}</p>
  const tone =
    report.score === null ? 'neutral' : report.score >= 85 ? 'good' : report.score >= 70 ? 'warn' : 'bad'
  return (
    <section aria-labelledby="rep-title" className="card">
      <h2 id="rep-title">{t('eet.rep.title')}</h2>
      <div className="stat-grid">
        <div className="stat">
          <span className="stat-value">
            <Badge tone={tone}>
              {report.score === null
                ? t('eet.stats.none')
                : t('eet.rep.scoreOf', { score: format.number(report.score, { maximumFractionDigits: 0 }) })}
            </Badge>
          </span>
          <span className="stat-label">{t('eet.rep.score')}</span>
        </div>
        {report.attributes.map((comparison) => (
          <div className="stat" key={comparison.attribute}>
            <span className="stat-value">
              {comparison.tvd === null
                ? t('eet.stats.none')
                : format.number(comparison.tvd, { maximumFractionDigits: 2 })}
            </span>
            <span className="stat-label">
              {t(ATTRIBUTE_LABEL[comparison.attribute])} · {t('eet.rep.tvd')}
            </span>
          </div>
        ))}
      </div>
      <p className="muted">{t('eet.rep.sizes', { eet: report.eetSize, force: report.forceSize })}</p>
      {report.warnings.length ? (
        <div role="status">
          <h3>{t('eet.rep.warnings')}</h3>
          <ul>
            {report.warnings.map((warning, index) => (
              <li key={index}>
                <Badge tone="warn">!</Badge>{' '}
                {warning.kind === 'enthusiasts'
                  ? t('eet.rep.warn.enthusiasts', {
                      eet: format.percent(warning.eetShare, 0),
                      force: format.percent(warning.forceShare, 0),
                    })
                  : warning.kind === 'missing'
                    ? t('eet.rep.warn.missing', {
                        attribute: t(ATTRIBUTE_LABEL[warning.attribute]),
                        category: warning.category,
                        force: format.percent(warning.forceShare, 0),
                      })
                    : warning.kind === 'small'
                      ? t('eet.rep.warn.small', { size: warning.size, minimum: warning.minimum })
                      : t('eet.rep.warn.empty')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>{t('eet.rep.suggestions')}</h3>
      {report.suggestions.length ? (
        <ul>
          {report.suggestions.map((suggestion) => (
            <li key={`${suggestion.attribute}-${suggestion.category}`}>
              {t('eet.rep.suggest', {
                count: suggestion.add,
                attribute: t(ATTRIBUTE_LABEL[suggestion.attribute]),
                category: categoryLabel(t, suggestion.attribute, suggestion.category),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('eet.rep.noSuggestions')}</p>
      )}
      <div className="two-column">
        {report.attributes.map((comparison) => (
          <Chart
            key={comparison.attribute}
            kind="bar"
            format="percent"
            title={t('eet.rep.chartTitle', { attribute: t(ATTRIBUTE_LABEL[comparison.attribute]) })}
            labels={comparison.categories.map((c) => categoryLabel(t, comparison.attribute, c.category))}
            series={[
              { label: t('eet.rep.force'), values: comparison.categories.map((c) => c.forceShare) },
              { label: t('eet.rep.eet'), values: comparison.categories.map((c) => c.eetShare) },
            ]}
          />
        ))}
      </div>
      <p className="muted">{t('eet.rep.method')}</p>
    </section>
  )
}
