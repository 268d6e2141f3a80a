import { DEFAULT_LOCALE, type Locale } from './locales'
import { messages, type MessageKey } from './messages'

// One locale's messages: key → ICU text. On the server (and in tests) both languages are here; the
// browser build replaces this module with catalogue.browser.ts, which loads only the reader's
// locale as its own chunk (see vite-plugin.ts).

export type Catalogue = Readonly<Record<MessageKey, string>>

const catalogues = new Map<Locale, Catalogue>()

export function catalogueFor(locale: Locale): Catalogue {
  let catalogue = catalogues.get(locale)
  if (!catalogue) {
    catalogue = Object.fromEntries(
      Object.entries(messages).map(([key, pair]) => [key, pair[locale] ?? pair[DEFAULT_LOCALE]]),
    ) as Record<MessageKey, string>
    catalogues.set(locale, catalogue)
  }
  return catalogue
}

/** The browser fetches a locale's chunk before rendering in it; the server has both already. */
export async function loadCatalogue(_locale: Locale): Promise<void> {}
