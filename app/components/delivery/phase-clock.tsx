import { Badge } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { PhaseClock as Clock } from '~/models/delivery/phase-time'

// The 10/10/10 clock of a phase: a ring filled to the share of the budget used (capped at a full turn),
// green, amber from 80%, red on overrun; the figures beside it in words.

const RADIUS = 30
const CIRCUMFERENCE = 2 * Math.PI * RADIUS

export function LevelBadge({ clock, closed }: { clock: Clock; closed?: boolean }) {
  const t = useT()
  if (closed && clock.level === 'ok') return <Badge>{t('delivery.level.closed')}</Badge>
  const tone = clock.level === 'overrun' ? 'bad' : clock.level === 'warning' ? 'warn' : 'good'
  return <Badge tone={tone}>{t(`delivery.level.${clock.level}`)}</Badge>
}

export function usedText(t: ReturnType<typeof useT>, format: ReturnType<typeof useFormat>, clock: Clock) {
  return t(`delivery.unit.${clock.unit}`, {
    used: format.number(clock.used, { maximumFractionDigits: 2 }),
    budget: format.number(clock.budget, { maximumFractionDigits: 2 }),
  })
}

export function PhaseClock({ clock, size = 76 }: { clock: Clock; size?: number }) {
  const t = useT()
  const format = useFormat()
  const share = Math.min(1, Number.isFinite(clock.ratio) ? clock.ratio : 1)
  const label = `${t(`delivery.phase.${clock.phase}`)}: ${usedText(t, format, clock)}`
  return (
    <svg className="clock" width={size} height={size} viewBox="0 0 76 76" role="img" aria-label={label}>
      <circle className="clock-track" cx="38" cy="38" r={RADIUS} fill="none" strokeWidth="8" />
      <circle
        className={`clock-${clock.level}`}
        cx="38"
        cy="38"
        r={RADIUS}
        fill="none"
        strokeWidth="8"
        strokeDasharray={`${share * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
        transform="rotate(-90 38 38)"
      />
      <text className="clock-text" x="38" y="43" textAnchor="middle">
        {format.percent(Number.isFinite(clock.ratio) ? clock.ratio : 1, 0)}
      </text>
    </svg>
  )
}
