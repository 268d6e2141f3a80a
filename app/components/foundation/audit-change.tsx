import { Link } from '@remix-run/react'
import { useFormat, useT } from '~/i18n/react'
import { isMessageKey } from '~/i18n/translate'

// An audit row read by a person: which fields changed, old → new, with field names, codes, dates and
// yes/no in the reader's language. Unknown fields keep their name as words (underscores, hyphens and
// camelCase humps turned to spaces), never as an identifier.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Fields = Record<string, Json>

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
/** Fields whose values are codes with labels in the catalogue, and the catalogue prefix. */
const CODE_LABELS: Record<string, string> = {
  status: 'status.',
  stage: 'stage.',
  from: 'stage.',
  to: 'stage.',
  role: 'role.',
}
/** Other catalogue families a code value may belong to, tried in turn when its field names none. */
const CODE_FAMILIES = [
  'status.',
  'eet.status.',
  'eet.feedback.kind.',
  'accountability.costKind.',
  'stage.',
  'role.',
]
const CODE = /^[a-z]+(_[a-z0-9]+)+$/
const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const humanise = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()

function useAuditLabels() {
  const t = useT()
  const format = useFormat()
  const label = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback)
  const fieldName = (name: string) => label(`audit.field.${name}`, humanise(name))
  const value = (field: string, raw: Json): string => {
    if (raw === null || raw === '') return '—'
    if (typeof raw === 'boolean') return t(raw ? 'common.yes' : 'common.no')
    if (typeof raw === 'number') return format.number(raw)
    if (Array.isArray(raw)) return raw.map((item) => value(field, item)).join(', ')
    if (isFields(raw)) {
      // A nested record (a benefit line, a measurement) reads as its labelled fields, not as JSON.
      const text = Object.entries(raw)
        .map(([name, inner]) => `${fieldName(name)}: ${value(name, inner)}`)
        .join('; ')
      return text.length > 160 ? `${text.slice(0, 160)}…` : text
    }
    if (ISO_DAY.test(raw)) return format.date(raw)
    if (ISO_TIME.test(raw)) return format.dateTime(raw)
    const prefix = CODE_LABELS[field]
    if (prefix) return label(`${prefix}${raw}`, humanise(raw))
    if (CODE.test(raw)) {
      const family = CODE_FAMILIES.find((candidate) => isMessageKey(`${candidate}${raw}`))
      return family ? label(`${family}${raw}`, raw) : humanise(raw)
    }
    return raw.length > 160 ? `${raw.slice(0, 160)}…` : raw
  }
  return {
    field: fieldName,
    value,
    type: (type: string) => label(`audit.type.${type}`, humanise(type)),
    action: (action: string) => {
      const verb = action.split('.').at(-1) ?? action
      return label(`audit.verb.${verb}`, humanise(verb))
    },
  }
}

export { useAuditLabels }

/** The changed fields of one audit row: old → new, or the values set (creation) or removed. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const labels = useAuditLabels()
  const old = isFields(before) ? before : {}
  const next = isFields(after) ? after : {}
  const names = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter(
    (name) => JSON.stringify(old[name]) !== JSON.stringify(next[name]),
  )
  if (!names.length) return <span className="muted">—</span>
  return (
    <dl className="audit-change">
      {names.map((name) => (
        <div key={name}>
          <dt>{labels.field(name)}</dt>
          <dd>
            {name in old ? (
              <>
                <del>{labels.value(name, old[name] ?? null)}</del> →{' '}
              </>
            ) : null}
            {name in next ? <ins>{labels.value(name, next[name] ?? null)}</ins> : null}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** The record an audit row is about, by its translated type, linked to its page when it has one. */
export function AuditRecord({ type, href }: { type: string; href: string | null }) {
  const labels = useAuditLabels()
  return href ? <Link to={href}>{labels.type(type)}</Link> : <>{labels.type(type)}</>
}
