import { expect, test } from 'vitest'
import type { Page, Response } from 'playwright-core'
import {
  consoleErrorsOf,
  gotoHydrated,
  newPage,
  signIn,
  setupBrowser,
  chooseLanguage,
} from './support/browser'

setupBrowser()

// Long catalogue texts found only in one language: a page must download none of the other's.
const ENGLISH_ONLY = [
  'Both series are compared on the periods of the coarser cadence',
  'Frontline managers come from the manager column.',
  'Committed points completed ÷ committed points (cancelled work excluded)',
]
const CHINESE_ONLY = [
  '兩個序列以較粗的量測頻率比較',
  '第一線銷售經理依「主管」欄位判定。',
  '已完成的承諾點數 ÷ 承諾點數',
]

function recordBodies(page: Page) {
  const bodies: Promise<string>[] = []
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'image') bodies.push(response.text().catch(() => ''))
  })
  return async () => (await Promise.all(bodies)).join('\n')
}

test('a zh-TW page downloads no English catalogue, an English page no zh-TW one', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await chooseLanguage(page, '繁體中文')
  await page.waitForSelector('html[lang="zh-TW"]')
  const zhBodies = recordBodies(page)
  await gotoHydrated(page, '/kpis')
  await expect.poll(() => page.getByText(/\d+ 筆/).count()).toBeGreaterThan(0)
  const zh = await zhBodies()
  for (const text of ENGLISH_ONLY) expect(zh).not.toContain(text)
  expect(zh).toContain(CHINESE_ONLY[0])

  // Switching back loads the English chunk; a fresh English page has no Chinese catalogue.
  await chooseLanguage(page, 'English')
  await page.waitForSelector('html[lang="en"]')
  await expect.poll(() => page.getByRole('link', { name: 'KPIs' }).count()).toBeGreaterThan(0)
  const enBodies = recordBodies(page)
  await gotoHydrated(page, '/kpis')
  await expect.poll(() => page.getByText(/\d+ rows?$/).count()).toBeGreaterThan(0)
  const en = await enBodies()
  for (const text of CHINESE_ONLY) expect(en).not.toContain(text)
  expect(en).toContain(ENGLISH_ONLY[0])
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})
