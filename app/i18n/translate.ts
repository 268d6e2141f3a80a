import { messages, type MessageKey } from './messages'
import type { Locale } from './locales'

export type { MessageKey }
export type MessageVars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: MessageVars) => string

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key)
}

/** Fills `{name}` placeholders; a missing variable stays visible rather than silently vanishing. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = messages[key][locale]
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  )
}

export function translator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars)
}
