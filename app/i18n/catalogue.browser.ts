import type { Catalogue } from './catalogue'
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales'

// The browser's catalogue.ts (swapped in by vite-plugin.ts): each locale's messages are a separate
// chunk, and a page loads only the one its <html lang> names, before hydration (top-level await).

const chunks: Record<Locale, () => Promise<{ default: Catalogue }>> = {
  en: () => import('virtual:tenfold-catalogue/en'),
  'zh-TW': () => import('virtual:tenfold-catalogue/zh-TW'),
}

const loaded = new Map<Locale, Catalogue>()

export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) loaded.set(locale, (await chunks[locale]()).default)
}

const pageLang = document.documentElement.lang
const pageLocale: Locale = isLocale(pageLang) ? pageLang : DEFAULT_LOCALE
await loadCatalogue(pageLocale)

/** The root's clientLoader loads a new locale before the page switches to it. */
export function catalogueFor(locale: Locale): Catalogue {
  return loaded.get(locale) ?? (loaded.get(pageLocale) as Catalogue)
}
