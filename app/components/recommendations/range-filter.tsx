import { readableCode } from '~/i18n/format'
import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'
import type { FunnelGroup } from '~/models/recommendations/metrics.schema'

/** The GET form every analytics page shares: a [from, to) range and, where it applies, a slice. */
export function RangeFilter({
  range,
  groups,
  invalid,
  keep,
}: {
  range: { from: string; to: string; group_by?: string }
  groups?: readonly FunnelGroup[]
  invalid?: boolean
  /** A list's state on the same page (its sort and text filter), kept when the range changes. */
  keep?: Record<string, string | null | undefined>
}) {
  const t = useT()
  return (
    <Form method="get" className="filters">
      {Object.entries(keep ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label>
        {t('recommendations.filter.from')}
        <input type="date" name="from" defaultValue={range.from} required />
      </label>
      <label>
        {t('recommendations.filter.to')}
        <input type="date" name="to" defaultValue={range.to} required />
      </label>
      {groups ? (
        <label>
          {t('recommendations.filter.groupBy')}
          <select name="group_by" defaultValue={range.group_by ?? ''}>
            {groups.map((group) => (
              <option key={group} value={group}>
                {t(`recommendations.group.${group}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">{t('recommendations.filter.apply')}</button>
      {invalid ? (
        <p className="field-error" role="alert">
          {t('recommendations.errors.range')}
        </p>
      ) : null}
    </Form>
  )
}

// The recommendation types the tool sends today; a new one shows as words until it gets a label here.
const RECOMMENDATION_TYPES = [
  'cross_sell',
  'renewal_risk',
  'upsell_seats',
  'competitor_alert',
  're_engage',
] as const

/** A group key in the reader's language: explanation keys, tech affinity, "unknown"; others as they are. */
export function useKeyLabel() {
  const t = useT()
  return (group: string | null | undefined, key: string, names: Record<string, string> = {}) => {
    if (key === 'unknown') return t('recommendations.key.unknown')
    if (group === 'explanation' && (key === 'with' || key === 'without'))
      return t(`recommendations.key.${key}`)
    if (group === 'pilot' && (key === 'pilot' || key === 'rest')) return t(`recommendations.key.${key}`)
    if (group === 'tech_affinity' && (key === 'avoider' || key === 'reluctant' || key === 'enthusiast'))
      return t(`recommendations.affinity.${key}`)
    if ((RECOMMENDATION_TYPES as readonly string[]).includes(key))
      return t(`recommendations.type.${key as (typeof RECOMMENDATION_TYPES)[number]}`)
    return names[key] ?? readableCode(key)
  }
}
