import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import type { loader as rootLoader } from '~/root'
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format'
import { DEFAULT_LOCALE, type Locale } from './locales'
import { translator, type Translate } from './translate'

export function useLocale(): Locale {
  const data = useRouteLoaderData<typeof rootLoader>('root')
  return data?.locale ?? DEFAULT_LOCALE
}

export function useT(): Translate {
  const locale = useLocale()
  return useMemo(() => translator(locale), [locale])
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
    }),
    [locale],
  )
}
