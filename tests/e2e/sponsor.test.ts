import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { renderBoardPack } from '../../scripts/board-pack'
import {
  baseUrl,
  consoleErrorsOf,
  DEMO_PASSWORD,
  expectAccessible,
  gotoHydrated,
  newPage,
  signIn,
  signOut,
  setupBrowser,
} from './support/browser'

setupBrowser()

// The sponsor's view end to end: the portfolio with its explained scores, an approval from the inbox,
// a CSV export, and the board pack rendered to PDF in headless Chromium by scripts/board-pack.ts.

const toast = (page: Page) => page.getByRole('status').textContent()
const MICROLEARNING = 'Microlearning in the daily workflow'

test('the sponsor sees every initiative scored against the three failure modes, with the inputs explained', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'sponsor@tenfold.demo')
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click()
  await page.waitForURL(/\/portfolio$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Portfolio health')
  const table = page.getByRole('table')
  await expect.poll(() => table.getByRole('link', { name: 'Daily Recommender' }).count()).toBe(1)
  expect(await table.getByRole('columnheader', { name: 'Progress' }).count()).toBe(1)
  expect(await table.getByRole('columnheader', { name: 'Sustainment' }).count()).toBe(1)
  // Open one score: its inputs are listed, each with a value or "No data yet".
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Daily Recommender' }) })
  await row.locator('summary').first().click()
  const inputs = row.getByRole('list', { name: /Inputs of the Progress score/ })
  await expect.poll(() => inputs.getByRole('listitem').count()).toBe(5)
  await expect.poll(() => inputs.getByText('Business case approved').count()).toBe(1)
  await expectAccessible(page)

  // Filtering by stage keeps only pilots; the drill-down opens the initiative.
  await page.getByRole('combobox', { name: 'Stage', exact: true }).selectOption('pilot')
  await page.waitForURL(/stage=pilot/)
  await expect.poll(() => page.getByRole('table').getByRole('link', { name: MICROLEARNING }).count()).toBe(0)
  await page.getByRole('table').getByRole('link', { name: 'Daily Recommender' }).click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('a lead submits a business case and the sponsor approves it from the inbox', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead2@tenfold.demo')
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: MICROLEARNING }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  const caseUrl = `${new URL(page.url()).pathname}/case`
  await gotoHydrated(page, caseUrl)
  // The demo may already hold a submitted case for this initiative; otherwise the lead writes one.
  if ((await page.getByRole('link', { name: 'Start the business case' }).count()) > 0) {
    await page.getByRole('link', { name: 'Start the business case' }).click()
    await page.waitForURL(/\/case\/edit$/)
    await page.waitForSelector('html[data-hydrated="true"]')
    await page.getByLabel('Context', { exact: true }).fill('Reps forget tools trained on once.')
    await page.getByLabel('Approach', { exact: true }).fill('Five-minute lessons inside the workflow.')
    await page.getByLabel('Value for customers').fill('Reps use what helps customers.')
    await page.getByRole('button', { name: 'Save the business case' }).click()
    await page.waitForURL(/\/case$/)
    await page.getByRole('button', { name: 'Submit for approval' }).click()
    await expect.poll(() => toast(page)).toContain('Submitted for approval.')
  }
  await signOut(page)

  await signIn(page, 'sponsor@tenfold.demo')
  await page.getByRole('link', { name: 'Approvals' }).click()
  await page.waitForURL(/\/portfolio\/approvals$/)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Awaiting your decision')
  await expectAccessible(page)
  // Each row decides in place: the decision, a note, then record it.
  const decide = page.getByRole('form', { name: `Decide: ${MICROLEARNING}` })
  await decide.getByLabel('Decision').selectOption({ label: 'Approved' })
  await decide.getByRole('button', { name: 'Record the decision' }).click()
  await expect.poll(() => toast(page)).toContain('Business case approved.')
  expect(await page.getByRole('form', { name: `Decide: ${MICROLEARNING}` }).count()).toBe(0)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 120_000)

test('the sponsor exports the portfolio as CSV and the board pack as PDF, in zh-TW', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'sponsor@tenfold.demo')
  await gotoHydrated(page, '/portfolio')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ])
  const csv = fs.readFileSync((await download.path())!)
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = csv.subarray(3).toString('utf8')
  expect(text.split('\r\n')[0]).toContain('progress_score')
  expect(text).toContain('Daily Recommender')

  // The printable pack, in Traditional Chinese whatever the reader's language.
  await page.getByRole('link', { name: 'Board pack' }).click()
  await page.waitForURL(/\/portfolio\/board-pack/)
  await page.getByRole('link', { name: '繁體中文' }).click()
  await page.waitForURL(/lang=zh-TW/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('董事會簡報')
  await expectAccessible(page)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()

  // One command makes the PDF: scripts/board-pack.ts signs in and prints in headless Chromium.
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'board-pack-')), 'pack.pdf')
  const size = await renderBoardPack({
    url: baseUrl(),
    email: 'sponsor@tenfold.demo',
    password: DEMO_PASSWORD,
    locale: 'zh-TW',
    period: '2026-Q3',
    out,
  })
  const pdf = fs.readFileSync(out)
  expect(size).toBe(pdf.length)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
  expect(pages.length).toBeGreaterThanOrEqual(2)
  await expect(
    renderBoardPack({ url: baseUrl(), email: 'sponsor@tenfold.demo', password: 'wrong-password', out }),
  ).rejects.toThrow('Sign-in failed')
}, 240_000)
