import { formatMessage, type MessageVars } from './icu'
import type { Locale } from './locales'
import { messages, type MessageKey } from './messages'

// Server-side translation with both languages' catalogues. Browser code translates through
// useT (react.tsx), which holds only the reader's locale.

export type { MessageKey, MessageVars }
export type Translate = (key: MessageKey, vars?: MessageVars) => string

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key)
}

/** Formats the message as ICU MessageFormat; a missing variable stays visible as `{name}`. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return formatMessage(locale, messages[key][locale], vars)
}

export function translator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars)
}
