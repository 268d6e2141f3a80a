import { catalogueFor } from './catalogue'
import { formatMessage, type MessageVars } from './icu'
import { DEFAULT_LOCALE, type Locale } from './locales'
import type { MessageKey } from './messages'

// Translation by locale through catalogue.ts: on the server both languages' catalogues, in the browser
// (where the build swaps in catalogue.browser.ts) the reader's alone, so that browser code such as a
// form's validation can translate without shipping the other language.

export type { MessageKey, MessageVars }
export type Translate = (key: MessageKey, vars?: MessageVars) => string

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogueFor(DEFAULT_LOCALE), key)
}

/** Formats the message as ICU MessageFormat; a missing variable stays visible as `{name}`. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return formatMessage(locale, catalogueFor(locale)[key], vars)
}

export function translator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars)
}
