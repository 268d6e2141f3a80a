import type { Locale } from './locales'

// Dates and numbers formatted for the locale. Times are shown in an explicit zone (the program's
// reporting zone, else UTC) so that server and browser render the same text.

export function formatDate(locale: Locale, value: Date | string | null | undefined, timeZone = 'UTC') {
  if (!value) return '—'
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: typeof value === 'string' ? 'UTC' : timeZone,
  }).format(date)
}

export function formatDateTime(locale: Locale, value: Date | string | null | undefined, timeZone = 'UTC') {
  if (!value) return '—'
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(value),
  )
}

export function formatNumber(
  locale: Locale,
  value: number | null | undefined,
  options?: Intl.NumberFormatOptions,
) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return new Intl.NumberFormat(locale, options).format(value)
}

export function formatPercent(locale: Locale, value: number | null | undefined, digits = 1) {
  return formatNumber(locale, value, {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  })
}

export function formatMoney(locale: Locale, value: number | null | undefined, currency = 'USD') {
  return formatNumber(locale, value, { style: 'currency', currency, maximumFractionDigits: 0 })
}

/** A 0–100 score as people read it: a whole number ("69", never "68.7111111111111"). */
export function formatScore(locale: Locale, value: number | null | undefined) {
  return formatNumber(locale, value, { maximumFractionDigits: 0 })
}

/** A p-value as a statistician writes it: "p < 0.001", else "p = 0.03" (two significant digits, at most 3 decimals). */
export function formatPValue(locale: Locale, p: number | null | undefined) {
  if (p === null || p === undefined || Number.isNaN(p)) return '—'
  if (p < 0.001) return `p < ${formatNumber(locale, 0.001)}`
  const digits = p < 0.01 ? { maximumFractionDigits: 3 } : { maximumSignificantDigits: 2 }
  return `p = ${formatNumber(locale, p, digits)}`
}

/** A code with no catalogue label (a key sent by another system): words, not snake_case. */
export function readableCode(code: string) {
  if (!code.includes('_')) return code
  const words = code.replace(/_+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
