import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  consoleErrorsOf,
  expectAccessible,
  gotoHydrated,
  newPage,
  signIn,
  signOut,
  setupBrowser,
  chooseLanguage,
} from './support/browser'

setupBrowser()

// A lead builds a business case (with a live preview of its value), submits it, and the sponsor
// approves it; an author who could otherwise decide (an administrator) cannot approve their own.

async function openCaseTab(page: Page, initiative: string) {
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: initiative }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  await page.getByRole('link', { name: 'Business case' }).click()
  await page.waitForURL(/\/case$/)
  await page.waitForSelector('html[data-hydrated="true"]')
}

const toast = (page: Page) => page.getByRole('status').textContent()

test('a lead builds and submits a business case; the sponsor approves it', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await openCaseTab(page, 'AI coaching for account executives')
  await page.getByRole('link', { name: 'Start the business case' }).click()
  await page.waitForURL(/\/case\/edit$/)
  await expectAccessible(page)

  // Bad input: field-level errors, nothing saved.
  await page.getByRole('button', { name: 'Add a benefit line' }).click()
  await page.getByLabel('Benefit 1, assumption 1: value').fill('lots')
  await page.getByRole('button', { name: 'Save the business case' }).click()
  await expect.poll(() => page.getByText('This field is required.').count()).toBeGreaterThan(2)
  await expect.poll(() => page.getByText('Enter a number.').count()).toBe(1)

  await page.getByLabel('Context', { exact: true }).fill('Reps prepare calls from scattered notes.')
  await page
    .getByLabel('Approach', { exact: true })
    .fill('An AI coach prepares each call from CRM and meeting data.')
  await page.getByLabel('Value for customers').fill('Better-prepared conversations.')
  await page.getByLabel('Benefit 1: name').fill('Time with customers')
  await page.getByLabel('Benefit 1, assumption 1: name').fill('Hours saved per rep per year')
  await page.getByLabel('Benefit 1, assumption 1: value').fill('50')
  await page.getByRole('button', { name: 'Add an assumption to benefit 1' }).click()
  await page.getByLabel('Benefit 1, assumption 2: name').fill('Reps')
  await page.getByLabel('Benefit 1, assumption 2: value').fill('100')
  await page.getByRole('button', { name: 'Add an assumption to benefit 1' }).click()
  await page.getByLabel('Benefit 1, assumption 3: name').fill('Loaded hourly cost')
  await page.getByLabel('Benefit 1, assumption 3: value').fill('24')
  await page.getByRole('button', { name: 'Add a cost line' }).click()
  await page.getByLabel('Cost 1: name').fill('Build')
  await page.getByLabel('Cost 1: amount').fill('200000')
  await page.getByRole('button', { name: 'Add a cost line' }).click()
  await page.getByLabel('Cost 2: name').fill('Run')
  await page.getByLabel('Cost 2: kind').selectOption('recurring')
  await page.getByLabel('Cost 2: amount').fill('12000')
  // The live preview: 120,000 a year against 200,000 up front and 12,000 a year pays back in month 23.
  await expect.poll(() => page.getByText('Month 23').count()).toBe(1)
  await page.getByRole('button', { name: 'Save the business case' }).click()
  await page.waitForURL(/\/case$/)
  await expect.poll(() => toast(page)).toContain('Business case version 1 saved.')
  await page.getByRole('button', { name: 'Submit for approval' }).click()
  await expect.poll(() => toast(page)).toContain('Submitted for approval.')
  expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0)
  const caseUrl = new URL(page.url()).pathname
  expect(consoleErrorsOf(page)).toEqual([])
  await signOut(page)

  await signIn(page, 'sponsor@tenfold.demo')
  await gotoHydrated(page, caseUrl)
  await expectAccessible(page)
  await page.getByLabel('Decision', { exact: true }).selectOption('approved')
  await page.getByLabel('Comment', { exact: true }).fill('Sourced and credible.')
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await expect.poll(() => toast(page)).toContain('Business case approved.')
  await expect
    .poll(() => page.getByRole('heading', { level: 2, name: /Version 1/ }).textContent())
    .toContain('Approved')
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('an administrator who wrote a case cannot approve it', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  await openCaseTab(page, 'Dealer remote-support service')
  // With the demo's approved case a change starts a new version; without one the case starts here.
  await page
    .getByRole('link', { name: /^(Start the business case|Change \(starts a new version\))$/ })
    .click()
  await page.waitForURL(/\/case\/edit$/)
  await page
    .getByLabel('Context', { exact: true })
    .fill('Dealers can sell insight services from sensor data.')
  await page.getByLabel('Approach', { exact: true }).fill('A remote-support console for dealers.')
  await page.getByLabel('Value for customers').fill('Less downtime.')
  await page.getByRole('button', { name: 'Save the business case' }).click()
  await page.waitForURL(/\/case$/)
  await page.getByRole('button', { name: 'Submit for approval' }).click()
  await expect.poll(() => toast(page)).toContain('Submitted for approval.')
  await expect.poll(() => page.getByText('You wrote or submitted this version').count()).toBe(1)
  expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0)
  await context.close()
})

test('a lead adds a person to the team; a refused addition shows its errors in its own form only', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: 'AI coaching for account executives' }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  await gotoHydrated(page, `${new URL(page.url()).pathname}/team`)

  await page.getByLabel('Allocation (%)').fill('150')
  await page.getByLabel('Allocation (%)').press('Enter')
  await expect.poll(() => page.getByText('This field is required.').count()).toBe(1)
  // One form says something is wrong: the one that was sent, not the background form beside it.
  expect(await page.getByRole('alert').count()).toBe(1)
  expect(await page.getByLabel('Person', { exact: true }).getAttribute('aria-invalid')).toBe('true')
  expect(await page.getByLabel('Allocation (%)').getAttribute('aria-invalid')).toBe('true')
  expect(await page.getByLabel('Background').getAttribute('aria-invalid')).toBeNull()

  await page.getByLabel('Person', { exact: true }).fill('Fay Finance')
  await page.getByLabel('Function', { exact: true }).selectOption({ label: 'Finance' })
  await page.getByLabel('Allocation (%)').fill('30')
  await page.getByRole('button', { name: 'Add to the team' }).click()
  await expect.poll(() => toast(page)).toContain('Added to the team.')
  await expect.poll(() => page.getByRole('rowheader', { name: 'Fay Finance' }).count()).toBe(1)
  expect(await page.getByRole('alert').count()).toBe(0)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('the business case, team, gates, checklist and governance pages read in Traditional Chinese', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'sponsor@tenfold.demo')
  await chooseLanguage(page, '繁體中文')
  await page.waitForSelector('html[lang="zh-TW"]')
  await gotoHydrated(page, '/governance')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('治理架構')
  await expectAccessible(page)
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  const base = new URL(page.url()).pathname
  for (const [path, heading] of [
    ['case', '提案理由說明書'],
    ['team', '跨職能團隊'],
    ['gates', '階段關卡'],
    ['checklist', '銷售數位化查核清單'],
  ] as const) {
    await gotoHydrated(page, `${base}/${path}`)
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain(heading)
    await expectAccessible(page)
  }
  await chooseLanguage(page, 'English')
  await page.waitForSelector('html[lang="en"]')
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 180_000)
