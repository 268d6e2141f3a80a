import { describe, expect, test } from 'vitest'
import {
  consoleErrorsOf,
  expectAccessible,
  gotoHydrated,
  newPage,
  setupBrowser,
  signIn,
  chooseLanguage,
} from './support/browser'

setupBrowser()

/** expect.poll with room for a loaded machine (the default gives up after 1 s). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 })

const CSV = [
  'kpi_key,period_end,value,note',
  'e2e-dealer-visits,2026-09-30,41,',
  'e2e-dealer-visits,2026-10-15,44,mid-month by mistake',
  'e2e-dealer-visits,2026-10-31,45.5,"EET wave 2, north"',
].join('\n')

describe('KPI trees', () => {
  test('a lead builds a KPI, imports a CSV with a bad row, sees it reported, and imports the valid rows', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'lead@tenfold.demo')
    await gotoHydrated(page, '/initiatives')
    await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
    await page.getByRole('link', { name: 'KPI tree' }).click()
    await page.waitForURL(/\/kpis$/)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'New KPI' }).click()
    await page.waitForURL(/\/kpis\/new/)
    await page.getByLabel('Key').fill('e2e-dealer-visits')
    await page.getByLabel('Name (English)').fill('Dealer visits prepared with insights')
    await page.getByLabel('Name (Traditional Chinese)').fill('以洞察準備的經銷商拜訪')
    await page.getByLabel('Kind').selectOption('leading')
    await page.getByRole('button', { name: 'Add a target' }).click()
    await page.getByLabel('Target 1: period end').fill('2026-12-31')
    await page.getByLabel('Target 1: value').fill('60')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Create' }).click()
    await page.waitForURL(/\/kpis\/[0-9a-f-]{36}$/)
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Dealer visits prepared with insights',
    )

    await gotoHydrated(page, '/kpis/import')
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    await page.getByRole('button', { name: 'Preview' }).click()
    const status = page.getByRole('status').filter({ hasText: 'with errors' })
    await poll(() => status.textContent()).toBe('2 new, 0 replaced, 0 unchanged, 1 with errors.')
    const badRow = page.getByRole('row').filter({ hasText: 'not the end of a monthly period' })
    await poll(() => badRow.getByRole('cell').first().textContent()).toBe('3')
    await expectAccessible(page)

    // All or nothing (the default): nothing is written.
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'Nothing was imported' }).count()).toBe(1)

    // Import the valid rows.
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    await page.getByLabel('Import the valid rows').check()
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await poll(() => page.getByRole('status').filter({ hasText: 'Imported:' }).textContent()).toBe(
      'Imported: 2 new, 0 replaced, 0 unchanged, 1 skipped.',
    )

    await gotoHydrated(page, '/kpis')
    await page.getByRole('link', { name: 'Dealer visits prepared with insights' }).click()
    await page.waitForURL(/\/kpis\/[0-9a-f-]{36}$/)
    const history = page.getByRole('region', { name: 'Revision history' })
    await poll(() => history.getByRole('row').count()).toBe(3)
    await expectAccessible(page)
    expect(consoleErrorsOf(page)).toEqual([])
    await context.close()
  }, 240_000)

  test('bad rows are explained in Traditional Chinese', async () => {
    const { context, page } = await newPage({ locale: 'zh-TW' })
    await signIn(page, 'lead@tenfold.demo')
    // A saved language choice outranks the browser's: choose zh-TW explicitly, and restore English after.
    await chooseLanguage(page, '繁體中文')
    await page.waitForSelector('html[lang="zh-TW"]')
    await gotoHydrated(page, '/kpis/import')
    await page.getByLabel('CSV 檔案').setInputFiles({
      name: 'values.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFFkpi_key,period_end,value\nno-such-kpi,2026-10-31,1\n'),
    })
    await page.getByRole('button', { name: '預覽' }).click()
    await poll(() => page.getByRole('row').filter({ hasText: 'no-such-kpi' }).textContent()).toContain(
      '此方案中沒有代碼為「no-such-kpi」的 KPI。',
    )
    await expectAccessible(page)
    await chooseLanguage(page, 'English')
    await page.waitForSelector('html[lang="en"]')
    await context.close()
  }, 120_000)
})
