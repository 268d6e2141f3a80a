import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  consoleErrorsOf,
  expectAccessible,
  gotoHydrated,
  newPage,
  setupBrowser,
  signIn,
  signOut,
  chooseLanguage,
} from './support/browser'

setupBrowser()

const toast = (page: Page) => page.getByRole('status').first().textContent()
const TITLE = 'E2E: the list recommends customers who already bought'

async function openDailyRecommender(page: Page) {
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/)
  await page.waitForSelector('html[data-hydrated="true"]')
  return new URL(page.url()).pathname
}

describe('pilot feedback with a closed loop', () => {
  test('an EET member submits on a phone, the lead triages, the member is notified and sees the outcome', async () => {
    // 1. The EET member, on a phone-sized screen.
    const member = await newPage()
    await member.page.setViewportSize({ width: 390, height: 844 })
    await signIn(member.page, 'eet@tenfold.demo')
    const initiative = await openDailyRecommender(member.page)
    await member.page.getByRole('link', { name: 'Pilot feedback' }).click()
    await member.page.waitForURL(/\/feedback$/)
    await member.page.getByRole('link', { name: 'Give feedback' }).click()
    await member.page.waitForURL(/\/feedback\/new$/)
    await member.page.waitForSelector('html[data-hydrated="true"]')
    await expectAccessible(member.page)

    const release = member.page.getByLabel('Release')
    if ((await release.evaluate((element) => element.tagName)) === 'SELECT')
      await release.selectOption({ index: 0 })
    else await release.fill('0.5')
    await member.page.getByLabel('Kind').selectOption({ label: 'Recommendation quality' })
    // Bad input first: the scales are required, the summary too.
    await member.page.getByRole('button', { name: 'Send feedback' }).click()
    expect(new URL(member.page.url()).pathname).toBe(`${initiative}/feedback/new`)
    await member.page
      .getByRole('group', { name: 'How useful is it? (1–5)' })
      .getByRole('radio', { name: '4', exact: true })
      .check()
    await member.page
      .getByRole('group', { name: 'How easy is it to use? (1–5)' })
      .getByRole('radio', { name: '3', exact: true })
      .check()
    await member.page
      .getByRole('group', { name: 'Would you recommend it to a colleague? (0–10)' })
      .getByRole('radio', { name: '9', exact: true })
      .check()
    await member.page.getByLabel('In one line').fill(TITLE)
    await member.page.getByLabel('Details (optional)').fill('客戶上個月已經購買，系統仍然推薦。')
    await member.page.getByRole('button', { name: 'Send feedback' }).click()
    await member.page.waitForURL(/\/feedback\?mine=1$/)
    await expect.poll(() => toast(member.page)).toContain('your feedback was sent')
    await member.page.getByRole('link', { name: TITLE }).click()
    await member.page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/)
    const feedbackPath = new URL(member.page.url()).pathname
    expect(await member.page.getByRole('heading', { name: 'Triage' }).count()).toBe(0)
    await signOut(member.page)

    // 2. The lead moves it along: under review → planned → shipped.
    const lead = await newPage()
    await signIn(lead.page, 'lead@tenfold.demo')
    await gotoHydrated(lead.page, feedbackPath)
    await expectAccessible(lead.page)
    for (const status of ['Under review', 'Planned', 'Shipped']) {
      await lead.page.getByLabel('New status').selectOption({ label: status })
      await lead.page.getByRole('button', { name: 'Update status' }).click()
      await expect.poll(() => toast(lead.page)).toContain('the submitter was notified')
      await lead.page.waitForSelector('html[data-hydrated="true"]')
      await expect.poll(() => lead.page.getByRole('heading', { level: 2, name: TITLE }).count()).toBe(1)
      await expect
        .poll(() =>
          lead.page
            .getByRole('list')
            .filter({ hasText: `→ ${status}` })
            .count(),
        )
        .toBeGreaterThan(0)
    }
    // Shipped is final: no more triage.
    expect(await lead.page.getByLabel('New status').count()).toBe(0)
    expect(consoleErrorsOf(lead.page)).toEqual([])
    await lead.context.close()

    // 3. The member sees the unread count, the notification, and the outcome.
    await signIn(member.page, 'eet@tenfold.demo')
    const bell = member.page.getByRole('link', { name: /^Notifications: \d+$/ })
    const unread = Number((await bell.getAttribute('aria-label'))!.split(': ')[1])
    expect(unread).toBeGreaterThanOrEqual(3)
    await bell.click()
    await member.page.waitForURL(/\/notifications$/)
    await member.page.waitForSelector('html[data-hydrated="true"]')
    await expectAccessible(member.page)
    const notice = member.page
      .getByRole('listitem')
      .filter({ hasText: `“${TITLE}” (Daily Recommender) is now Shipped.` })
    await notice.getByRole('button', { name: 'Open' }).click()
    await member.page.waitForURL((url) => url.pathname === feedbackPath)
    await member.page.waitForSelector('html[data-hydrated="true"]')
    await expect.poll(() => member.page.getByText('Shipped', { exact: true }).first().isVisible()).toBe(true)
    await gotoHydrated(member.page, '/notifications')
    const after = Number(
      (await member.page
        .getByRole('link', { name: /^Notifications: \d+$/ })
        .getAttribute('aria-label'))!.split(': ')[1],
    )
    expect(after).toBe(unread - 1)

    // The same page in Traditional Chinese.
    await chooseLanguage(member.page, '繁體中文')
    await expect.poll(() => member.page.getByRole('heading', { level: 1 }).textContent()).toBe('通知')
    await expect
      .poll(() =>
        member.page.getByText(`您的回饋「${TITLE}」（Daily Recommender）狀態已變更為「已上線」。`).count(),
      )
      .toBeGreaterThan(0)
    await expectAccessible(member.page)
    await chooseLanguage(member.page, 'English')
    await member.page.waitForSelector('html[lang="en"]')
    expect(consoleErrorsOf(member.page)).toEqual([])
    await member.context.close()
  })

  test('a 3-row roster file without the full-roster choice is previewed and changes nothing', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'admin@tenfold.demo')
    await gotoHydrated(page, '/roster/import')
    const csv = [
      'seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible',
      'E2E-P1,Ann Lee,,North,SMB,E2E team,,2019-05-01,Frontline manager,reluctant,true',
      'E2E-P2,Bo Chen,,North,SMB,E2E team,E2E-P1,2024-02-01,Account executive,enthusiast,true',
      'E2E-P3,Cy Wu,,North,SMB,E2E team,E2E-P1,2022-08-01,Account executive,avoider,true',
    ].join('\n')
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    expect(await page.getByLabel(/This file is the whole roster/).isChecked()).toBe(false)
    await page.getByRole('button', { name: 'Preview' }).click()
    // The preview says what would happen before anything is written: nobody is marked as left.
    await expect.poll(() => page.getByText('Preview: nothing has been saved yet').count()).toBeGreaterThan(0)
    const stat = (label: string) => page.getByText(label, { exact: true }).locator('..').textContent()
    await expect.poll(() => stat('Rows')).toBe('3Rows')
    expect(await stat('Marked as left')).toBe('0Marked as left')
    await expect.poll(() => page.getByText(/not in this file and will stay on the roster/).count()).toBe(1)
    await gotoHydrated(page, '/roster?q=E2E-P&left=include')
    await expect.poll(() => page.getByText('No reps match.', { exact: false }).count()).toBe(1)
    expect(consoleErrorsOf(page)).toEqual([])
    await context.close()
  })

  test('an admin imports a roster file: per-row errors by line, and all-or-nothing refuses the file', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'admin@tenfold.demo')
    await gotoHydrated(page, '/roster/import')
    await expectAccessible(page)
    const csv = [
      'seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible',
      'E2E-1,Ann Lee,,North,SMB,E2E team,,2019-05-01,Frontline manager,reluctant,true',
      'E2E-2,Bo Chen,,North,SMB,E2E team,E2E-1,2024-02-30,Account executive,enthusiast,true',
      'E2E-3,Cy Wu,,North,SMB,E2E team,E2E-1,2022-08-01,Account executive,avoider,yes',
    ].join('\n')
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByLabel('Import nothing (all or nothing)').check()
    await page.getByRole('button', { name: 'Preview' }).click()
    const issues = page.getByRole('table', { name: 'Rows with errors' })
    await expect.poll(() => issues.getByRole('row').count()).toBe(2)
    expect(await issues.getByRole('row').nth(1).textContent()).toContain('3hire_date')
    // All or nothing with a bad row: the preview offers no confirm step at all.
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Nothing was imported')
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0)
    // The e2e server's roster is shared with other files: a real import is left to the integration tests.
    await gotoHydrated(page, '/roster?q=E2E-&left=include')
    await expect.poll(() => page.getByText('No reps match.', { exact: false }).count()).toBe(1)
    await expectAccessible(page)
    await context.close()
  })
})
