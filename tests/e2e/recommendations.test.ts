import { expect, test } from 'vitest'
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

// Events from two days ago (inside the dashboard's default last-90-days range), as the recommendation
// tool would send them, plus one invalid row that the per-row report must show.
function eventsCsv() {
  const at = (minutes: number) => new Date(Date.now() - 2 * 86_400_000 + minutes * 60_000).toISOString()
  const rows = [
    'event_id,type,occurred_at,recommendation_id,seller_id,recommendation_type,explanation,reason_code,amount,currency',
  ]
  for (let i = 0; i < 12; i++) {
    const rec = `e2e-rec-${i}`
    const explained = i % 2 === 0
    rows.push(
      `${rec}-g,generated,${at(0)},${rec},AE-9${i % 3},cross_sell,${explained ? 'Similar customers bought this' : ''},,,`,
    )
    rows.push(`${rec}-s,shown,${at(5)},${rec},AE-9${i % 3},,,,,`)
    if (i % 3 === 0) rows.push(`${rec}-r,rejected,${at(30)},${rec},AE-9${i % 3},,,bad_timing,,`)
    else {
      rows.push(`${rec}-a,accepted,${at(30)},${rec},AE-9${i % 3},,,,,`)
      if (explained) rows.push(`${rec}-o,opportunity_created,${at(90)},${rec},AE-9${i % 3},,,,250000,TWD`)
    }
  }
  rows.push('e2e-bad,rejected,yesterday,e2e-rec-x,AE-90,,,,,')
  return rows.join('\n')
}

test('an admin imports events with a per-row report, and the funnel dashboard shows them', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  const generated = async () => {
    await gotoHydrated(page, '/recommendations')
    const text =
      (await page
        .locator('.stat-value')
        .first()
        .textContent({ timeout: 5000 })
        .catch(() => null)) ?? '0'
    return Number(text.replace(/\D/g, ''))
  }
  const before = await generated()
  await gotoHydrated(page, '/recommendations/import')
  await expectAccessible(page)
  await page
    .getByLabel('Events file')
    .setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(eventsCsv()) })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect
    .poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 })
    .toMatch(/stored, 0 duplicates, 1 rejected/)
  await expect
    .poll(() => page.getByRole('cell', { name: /occurred_at: not an RFC 3339 time/ }).count())
    .toBe(1)
  expect(await page.getByRole('progressbar', { name: 'Import progress' }).count()).toBe(1)

  await page.getByRole('link', { name: 'Recommendations' }).first().click()
  await page.waitForURL(/\/recommendations$/)
  await expect.poll(() => page.getByRole('heading', { name: 'The funnel' }).count()).toBe(1)
  await expect
    .poll(() => page.locator('.stat-value').first().textContent())
    .toBe((before + 12).toLocaleString('en'))
  expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3)
  await expectAccessible(page)

  await page.getByLabel('Slice by').selectOption('explanation')
  await page.getByRole('button', { name: 'Show' }).click()
  await page.waitForURL(/group_by=explanation/)
  const slices = page.getByRole('region', { name: 'Every slice' })
  await expect.poll(() => slices.getByRole('rowheader', { name: 'With explanation' }).count()).toBe(1)
  expect(await slices.getByRole('rowheader', { name: 'Without explanation' }).count()).toBe(1)
  // 12 generated: 6 with an explanation, of which 4 accepted and turned into opportunities.
  const withRow = slices
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'With explanation' }) })
  const cells = await withRow.getByRole('cell').allTextContents()
  expect(Number(cells[0]!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(6)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('a viewer reads the evidence pages, in both languages; the import is for admins only', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'viewer@tenfold.demo')
  for (const [path, heading] of [
    ['/recommendations/rejections', 'Why reps reject recommendations'],
    ['/recommendations/explanations', 'With an explanation vs without'],
    ['/recommendations/adoption', 'Adoption by the sales force'],
  ] as const) {
    await gotoHydrated(page, path)
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe(heading)
    await expectAccessible(page)
  }
  expect(await page.getByRole('link', { name: 'Import events' }).count()).toBe(0)
  const response = await page.goto('/recommendations/import')
  expect(response?.status()).toBe(403)
  await gotoHydrated(page, '/recommendations')
  await chooseLanguage(page, '繁體中文')
  await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('轉換漏斗')
  await expectAccessible(page)
  await chooseLanguage(page, 'English')
  await page.waitForSelector('html[lang="en"]')
  await context.close()
})
