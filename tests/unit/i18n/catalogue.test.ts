import fs from 'node:fs'
import path from 'node:path'
import IntlMessageFormat from 'intl-messageformat'
import { describe, expect, test } from 'vitest'
import { ELEMENT, type MessageElement } from '~/i18n/icu'
import { localeFromAcceptLanguage, type Locale } from '~/i18n/locales'
import { areas, messages, type MessageKey } from '~/i18n/messages'
import { translate } from '~/i18n/translate'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const entries = Object.entries(messages) as [MessageKey, Record<Locale, string>][]
const parse = (text: string, locale: Locale) =>
  new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst()

// Each argument's kind: text, a number (`{n, number}`, `{n, plural, …}`) or a choice (`{x, select, …}`).
function kindsOf(elements: MessageElement[], kinds = new Map<string, Set<string>>()) {
  for (const element of elements) {
    if (element.type === ELEMENT.literal || element.type === ELEMENT.pound) continue
    if ('value' in element && typeof element.value === 'string') {
      const kind =
        element.type === ELEMENT.argument ? 'text' : element.type === ELEMENT.select ? 'select' : 'number'
      kinds.set(element.value, (kinds.get(element.value) ?? new Set()).add(kind))
    }
    if ('options' in element)
      for (const option of Object.values(element.options)) kindsOf(option.value, kinds)
  }
  return kinds
}
const describeKinds = (kinds: Map<string, Set<string>>) =>
  [...kinds]
    .map(([name, set]) => `${name}:${[...set].sort().join('|')}`)
    .sort()
    .join(', ')

function choicesWithoutOther(elements: MessageElement[]): string[] {
  return elements.flatMap((element) =>
    'options' in element
      ? [
          ...(element.options.other ? [] : [element.value]),
          ...Object.values(element.options).flatMap((option) => choicesWithoutOther(option.value)),
        ]
      : [],
  )
}

/** The text every message rendered before ICU: each `{name}` replaced by its value. */
const substituted = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)

describe('message catalogues', () => {
  test('no key is defined in two areas', () => {
    const seen = new Map<string, string>()
    const duplicates: string[] = []
    for (const [area, catalogue] of Object.entries(areas)) {
      for (const key of Object.keys(catalogue)) {
        if (seen.has(key)) duplicates.push(`${key} (${seen.get(key)} and ${area})`)
        seen.set(key, area)
      }
    }
    expect(duplicates).toEqual([])
  })

  test('every message has non-empty en and zh-TW text with the same placeholders', () => {
    const problems: string[] = []
    for (const [key, pair] of Object.entries(messages) as [string, Record<'en' | 'zh-TW', string>][]) {
      if (!pair.en?.trim()) problems.push(`${key}: empty en`)
      if (!pair['zh-TW']?.trim()) problems.push(`${key}: empty zh-TW`)
      if (placeholders(pair.en).join() !== placeholders(pair['zh-TW']).join())
        problems.push(`${key}: placeholders differ`)
    }
    expect(problems).toEqual([])
  })

  test('every message is valid ICU MessageFormat in both languages', () => {
    const problems: string[] = []
    for (const [key, pair] of entries)
      for (const locale of ['en', 'zh-TW'] as const) {
        try {
          parse(pair[locale], locale)
        } catch (error) {
          problems.push(`${key} (${locale}): ${String(error)}`)
        }
      }
    expect(problems).toEqual([])
  })

  test('both languages use the same arguments, of the same kinds, and every plural has `other`', () => {
    const problems: string[] = []
    for (const [key, pair] of entries) {
      const en = parse(pair.en, 'en')
      const zh = parse(pair['zh-TW'], 'zh-TW')
      if (describeKinds(kindsOf(en)) !== describeKinds(kindsOf(zh)))
        problems.push(`${key}: ${describeKinds(kindsOf(en))} ≠ ${describeKinds(kindsOf(zh))}`)
      for (const name of [...choicesWithoutOther(en), ...choicesWithoutOther(zh)])
        problems.push(`${key}: {${name}} has no other`)
    }
    expect(problems).toEqual([])
  })

  test('messages without plurals or numbers render exactly as plain substitution did', () => {
    const problems: string[] = []
    for (const [key, pair] of entries)
      for (const locale of ['en', 'zh-TW'] as const) {
        const kinds = kindsOf(parse(pair[locale], locale))
        if ([...kinds.values()].some((set) => !set.has('text') || set.size > 1)) continue
        const vars = Object.fromEntries([...kinds.keys()].map((name) => [name, `‹${name}›`]))
        const rendered = translate(locale, key, vars)
        if (rendered !== substituted(pair[locale], vars)) problems.push(`${key} (${locale}): ${rendered}`)
      }
    expect(problems).toEqual([])
  })

  test('counts take the plural form and print formatted, in both languages', () => {
    expect(translate('en', 'list.count', { count: 1 })).toBe('1 row')
    expect(translate('en', 'list.count', { count: 2 })).toBe('2 rows')
    expect(translate('en', 'list.count', { count: 2000 })).toBe('2,000 rows')
    expect(translate('en', 'list.count', { count: 0 })).toBe('0 rows')
    expect(translate('zh-TW', 'list.count', { count: 1 })).toBe('1 筆')
    expect(translate('zh-TW', 'list.count', { count: 2000 })).toBe('2,000 筆')
    expect(translate('en', 'eet.members.added', { count: 1 })).toBe('1 rep added to the EET.')
    expect(translate('en', 'eet.members.added', { count: 12 })).toBe('12 reps added to the EET.')
    expect(translate('zh-TW', 'eet.members.added', { count: 1200 })).toBe(
      '已將 1,200 位代表加入早期經驗團隊。',
    )
    expect(translate('en', 'login.throttled', { minutes: 1 })).toBe(
      'Too many failed attempts. Try again in 1 minute.',
    )
    expect(translate('zh-TW', 'login.throttled', { minutes: 15 })).toBe('失敗次數過多，請於 15 分鐘後再試。')
    expect(translate('en', 'recommendations.import.explain', { max: 5000 })).toContain(
      'Up to 5,000 events per file.',
    )
    expect(
      translate('en', 'kpi.summaryLine', {
        lag: 1,
        cadence: 'monthly',
        r: '0.812',
        low: '0.6',
        high: '0.91',
        n: 24,
        p: '0.001',
        lags: 1,
      }),
    ).toBe(
      'Strongest link of changes at a lag of 1 period (monthly): r = 0.812 (95 % interval 0.6 to 0.91), n = 24 pairs; p = 0.001 for the strongest of 1 lag searched.',
    )
    expect(translate('en', 'kpi.import.summary', { created: 1200, updated: 0, unchanged: 3, error: 1 })).toBe(
      '1,200 new, 0 replaced, 3 unchanged, 1 with errors.',
    )
  })

  test('a count given as a numeric string is read as a number; a missing count stays visible', () => {
    expect(translate('en', 'list.count', { count: '1' })).toBe('1 row')
    expect(translate('en', 'list.count')).toBe('{count} rows')
    expect(translate('zh-TW', 'list.count', { count: 'many' })).toBe('{count} 筆')
    expect(translate('en', 'delivery.review.eetCount', { count: 2 })).toBe(
      '2 of {total} plan changes came from pilot feedback.',
    )
  })

  test('the article’s terms are the zh-TW interface’s terms', () => {
    expect(translate('zh-TW', 'role.lead')).toBe('跨界溝通者')
    expect(translate('zh-TW', 'role.sponsor')).toBe('高階主管贊助者')
    expect(translate('zh-TW', 'role.eet_member')).toContain('早期經驗團隊')
  })

  test('every message is used: its key is written in the code, or a key built from a prefix covers it', () => {
    const sources = ['app', 'db', 'scripts']
      .flatMap((dir) =>
        fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)),
      )
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(path.join('app', 'i18n', 'messages')))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
    // `accountability.check.${item.key}.detail` covers every key under accountability.check.
    const built = [...sources.matchAll(/`([a-zA-Z][\w.]*\.)\$\{/g)].flatMap((match) =>
      match[1] ? [match[1]] : [],
    )
    const unused = entries
      .map(([key]) => key)
      .filter(
        (key) =>
          !sources.includes(`'${key}'`) &&
          !sources.includes(`"${key}"`) &&
          !sources.includes(`\`${key}`) &&
          !built.some((prefix) => key.startsWith(prefix)),
      )
    expect(unused).toEqual([])
  })

  test('placeholders are filled and a missing variable stays visible', () => {
    expect(translate('en', 'errors.tooShort', { min: 3 })).toBe('Use at least 3 characters.')
    expect(translate('zh-TW', 'errors.tooShort', { min: 3 })).toBe('請至少輸入 3 個字元。')
    expect(translate('en', 'errors.tooShort')).toBe('Use at least {min} characters.')
  })
})

test.each([
  [null, 'en'],
  ['zh-TW,zh;q=0.9,en;q=0.8', 'zh-TW'],
  ['zh-Hant', 'zh-TW'],
  ['en-GB,en;q=0.9', 'en'],
  ['fr-FR,fr;q=0.9,zh-TW;q=0.5', 'zh-TW'],
  ['fr', 'en'],
  ['en;q=0.2,zh;q=0.8', 'zh-TW'],
])('Accept-Language %s → %s', (header, locale) => {
  expect(localeFromAcceptLanguage(header)).toBe(locale)
})
