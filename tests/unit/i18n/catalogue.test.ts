import { describe, expect, test } from 'vitest'
import { localeFromAcceptLanguage } from '~/i18n/locales'
import { areas, messages } from '~/i18n/messages'
import { translate } from '~/i18n/translate'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

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

  test('the article’s terms are the zh-TW interface’s terms', () => {
    expect(translate('zh-TW', 'role.lead')).toBe('跨界溝通者')
    expect(translate('zh-TW', 'role.sponsor')).toBe('高階主管贊助者')
    expect(translate('zh-TW', 'role.eet_member')).toContain('早期經驗團隊')
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
