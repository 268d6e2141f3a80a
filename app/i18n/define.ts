import type { Locale } from './locales'

export type MessagePair = Record<Locale, string>

/** A catalogue area: each key carries its English and Traditional Chinese text side by side. */
export function defineMessages<const T extends Record<string, MessagePair>>(messages: T): T {
  return messages
}
