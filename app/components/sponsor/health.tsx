import type { Translate } from '~/i18n/translate'
import type { Band, ModeScore } from '~/models/sponsor/health'
import { INPUT_UNITS, type InputKey } from '~/models/sponsor/health-config'

// A failure-mode score with its inputs, explained: each input's value, its sub-score, its share of the
// score after re-weighting, and "no data yet" when it had none. Works without JavaScript (<details>).

export type Formatter = {
  number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) => string
  percent: (value: number | null | undefined, digits?: number) => string
}

const TONE: Record<Band, 'good' | 'warn' | 'bad'> = { green: 'good', amber: 'warn', red: 'bad' }

export function BandBadge({ band, score, t }: { band: Band | null; score: number | null; t: Translate }) {
  if (band === null || score === null) return <span className="badge">{t('sponsor.noData')}</span>
  return (
    <span className={`badge badge-${TONE[band]}`}>
      {Math.round(score)} · {t(`sponsor.band.${band}`)}
    </span>
  )
}

export function inputValueText(key: InputKey, value: number | null, t: Translate, fmt: Formatter) {
  if (value === null) return t('sponsor.noData')
  switch (INPUT_UNITS[key]) {
    case 'share':
      return key.endsWith('Trend')
        ? `${value > 0 ? '+' : ''}${fmt.number(value * 100, { maximumFractionDigits: 1 })} pp`
        : fmt.percent(value, 0)
    case 'ratio':
      return fmt.percent(value, 0)
    case 'days':
      return `${fmt.number(value)} ${t('sponsor.unit.days')}`
    case 'yesno':
      return value >= 1 ? t('common.yes') : t('common.no')
    default:
      return fmt.number(value, { maximumFractionDigits: 1 })
  }
}

export function ModeScoreCell({ score, t, fmt }: { score: ModeScore; t: Translate; fmt: Formatter }) {
  const mode = t(`sponsor.mode.${score.mode}`)
  return (
    <details className="health-score">
      <summary
        aria-label={t('sponsor.scoreOf', {
          mode,
          score: score.score ?? '—',
          band: score.band ? t(`sponsor.band.${score.band}`) : t('sponsor.noData'),
        })}
      >
        <BandBadge band={score.band} score={score.score} t={t} />
        <span className="health-inputs-used">
          {t('sponsor.inputsUsed', { used: score.inputsUsed, total: score.inputsTotal })}
        </span>
      </summary>
      <ul className="health-inputs" aria-label={t('sponsor.portfolio.inputs', { mode })}>
        {score.inputs.map((input) => (
          <li key={input.key} className={input.value === null ? 'health-input-missing' : undefined}>
            <span className="health-input-name" title={t(`sponsor.why.${input.key}`)}>
              {t(`sponsor.input.${input.key}`)}
            </span>
            <span className="health-input-value">
              {inputValueText(input.key, input.value, t, fmt)}
              {input.score !== null
                ? ` → ${input.score} (${t('sponsor.weight', { share: fmt.percent(input.share, 0) })})`
                : null}
            </span>
            <span className="health-input-why">{t(`sponsor.why.${input.key}`)}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
