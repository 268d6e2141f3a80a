import IntlMessageFormat from 'intl-messageformat'
import type { Locale } from './locales'

// ICU MessageFormat for the catalogues: `{count, plural, one {# KPI} other {# KPIs}}` picks the
// locale's plural form and `#` / `{n, number}` print the number formatted for the locale ("2,000").
// `ignoreTag` keeps `<` literal ("p < 0.05"); apostrophes follow ICU (`'{` starts a quoted literal).

export type MessageVars = Record<string, string | number>
export type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number]

// The parser's element types (@formatjs/icu-messageformat-parser TYPE).
export const ELEMENT = { literal: 0, argument: 1, number: 2, select: 5, plural: 6, pound: 7 } as const

// Keyed by the message text itself (the catalogue's own string, whose hash the engine keeps).
type Compiled = { format: IntlMessageFormat; args: Map<string, number> }
const compiled: Record<Locale, Map<string, Compiled>> = { en: new Map(), 'zh-TW': new Map() }

/** Parses once per locale and message: translate runs on every server render. */
export function compile(locale: Locale, template: string): Compiled {
  let message = compiled[locale].get(template)
  if (!message) {
    const format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true })
    message = { format, args: argumentsOf(format.getAst()) }
    compiled[locale].set(template, message)
  }
  return message
}

/** Every argument a message uses, with its kind (argument, number, plural, select). */
export function argumentsOf(elements: MessageElement[], found = new Map<string, number>()) {
  for (const element of elements) {
    // A name used both as text and as a number (`{n, number} … {n, plural, …}`) is a number.
    if ('value' in element && element.type !== ELEMENT.literal && typeof element.value === 'string')
      if (found.get(element.value) === undefined || found.get(element.value) === ELEMENT.argument)
        found.set(element.value, element.type)
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value, found)
  }
  return found
}

// A missing variable stays visible as `{name}` (a plural shows its `other` form) instead of throwing.
function showMissing(elements: MessageElement[], vars: MessageVars, pound?: string): MessageElement[] {
  return elements.flatMap((element): MessageElement[] => {
    if (element.type === ELEMENT.pound && pound) return [{ type: ELEMENT.literal, value: pound }]
    if (!('value' in element) || element.type === ELEMENT.literal) return [element]
    const name = element.value
    if ('options' in element) {
      if (vars[name] === undefined) {
        const other = element.options.other?.value ?? []
        return showMissing(other, vars, element.type === ELEMENT.plural ? `{${name}}` : pound)
      }
      const options = Object.fromEntries(
        Object.entries(element.options).map(([id, option]) => [
          id,
          { ...option, value: showMissing(option.value, vars, pound) },
        ]),
      )
      return [{ ...element, options } as MessageElement]
    }
    return vars[name] === undefined ? [{ type: ELEMENT.literal, value: `{${name}}` }] : [element]
  })
}

export function formatMessage(locale: Locale, template: string, vars: MessageVars = {}) {
  const { format, args } = compile(locale, template)
  if (args.size === 0) return String(format.format())
  const values: MessageVars = {}
  let missing = false
  for (const [name, type] of args) {
    const given = vars[name]
    // Plurals and numbers need a number; a numeric string (a form value, a query parameter) is read as
    // one, anything else is shown as missing rather than printed as NaN.
    const value =
      type === ELEMENT.argument || typeof given !== 'string' || given.trim() === '' ? given : Number(given)
    if (value === undefined || (type !== ELEMENT.argument && !Number.isFinite(value))) missing = true
    else values[name] = value
  }
  if (!missing) return String(format.format(values))
  const partial = new IntlMessageFormat(showMissing(format.getAst(), values), locale, undefined, {
    ignoreTag: true,
  })
  return String(partial.format(values))
}
