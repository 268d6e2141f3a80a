import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { catalogueFor, type Catalogue } from './catalogue'
import { formatDate, formatDateTime, formatNumber, formatPercent, formatPValue, formatScore } from './format'
import { formatMessage } from './icu'
import { DEFAULT_LOCALE, type Locale } from './locales'
import type { Translate } from './translate'

/** What this module reads from the root loader (declared here: importing root.tsx would be a cycle). */
type RootLocaleData = { locale: Locale }

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootLocaleData>('root')
  return data?.locale ?? DEFAULT_LOCALE
}

/** Translates with the reader's catalogue (in the browser, the only one it has). */
export function useT(): Translate {
  const locale = useLocale()
  return useMemo(() => {
    const catalogue = catalogueFor(locale)
    return (key, vars) => formatMessage(locale, catalogue[key], vars)
  }, [locale])
}

/** A page in another language than the reader's (the board pack's ?lang=) gets that catalogue from its loader. */
export function useTranslator(locale: Locale, catalogue: Catalogue | null): Translate {
  return useMemo(() => {
    const texts = catalogue ?? catalogueFor(locale)
    return (key, vars) => formatMessage(locale, texts[key], vars)
  }, [locale, catalogue])
}

export function useFormat() {
  const locale = useLocale()
  return useMemo(
    () => ({
      date: (value: Date | string | null | undefined, timeZone?: string) =>
        formatDate(locale, value, timeZone),
      dateTime: (value: Date | string | null | undefined, timeZone?: string) =>
        formatDateTime(locale, value, timeZone),
      number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) =>
        formatNumber(locale, value, options),
      percent: (value: number | null | undefined, digits?: number) => formatPercent(locale, value, digits),
      score: (value: number | null | undefined) => formatScore(locale, value),
      pValue: (value: number | null | undefined) => formatPValue(locale, value),
    }),
    [locale],
  )
}
