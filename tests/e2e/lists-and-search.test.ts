import { expect, test } from 'vitest'
import {
  consoleErrorsOf,
  expectAccessible,
  gotoHydrated,
  newPage,
  setupBrowser,
  signIn,
} from './support/browser'

setupBrowser()

// Lists filter as you type and keep their state in the URL; without JavaScript the filter form still
// submits; ⌘K / Ctrl-K opens the search palette, driven by the keyboard.

test('a lead filters and sorts the initiatives, reloads, and opens one from the search palette', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('daily')
  await page.waitForURL(/q=daily/)
  await expect
    .poll(() => page.getByRole('table').getByRole('link', { name: 'Daily Recommender' }).count())
    .toBe(1)
  await page.getByRole('link', { name: /^Name/ }).click()
  await page.waitForURL(/sort=name&dir=asc/)
  await expect
    .poll(() => page.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort'))
    .toBe('ascending')
  await page.reload()
  await page.waitForSelector('html[data-hydrated="true"]')
  expect(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue()).toBe('daily')
  await expectAccessible(page)

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search' })
  await expect.poll(() => palette.isVisible()).toBe(true)
  await palette.getByRole('combobox').fill('Daily Rec')
  await expect
    .poll(() => palette.getByRole('option', { name: /Daily Recommender/ }).count())
    .toBeGreaterThan(0)
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect.poll(() => palette.isVisible()).toBe(false)
  await page.keyboard.press('Control+k')
  await palette.getByRole('combobox').fill('Daily Recommender')
  await expect.poll(() => palette.getByRole('option').count()).toBeGreaterThan(0)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('the program KPIs filter as you type, sort by a header and keep both across a reload', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await gotoHydrated(page, '/kpis')
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('customers')
  await page.waitForURL(/q=customers/)
  await expect
    .poll(() => page.getByRole('table').getByRole('link', { name: 'New customers won' }).count())
    .toBe(1)
  expect(await page.getByRole('table').getByRole('link', { name: 'Recommendations accepted' }).count()).toBe(
    0,
  )
  await page.getByRole('link', { name: /^Latest/ }).click()
  await page.waitForURL(/sort=latest&dir=asc/)
  await page.reload()
  await page.waitForSelector('html[data-hydrated="true"]')
  expect(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue()).toBe('customers')
  expect(await page.getByRole('columnheader', { name: /^Latest/ }).getAttribute('aria-sort')).toBe(
    'ascending',
  )
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('without JavaScript the filter form and the search page still work', async () => {
  const signedIn = await newPage()
  await signIn(signedIn.page, 'admin@tenfold.demo')
  const storageState = await signedIn.context.storageState()
  await signedIn.context.close()
  const { context, page } = await newPage({ javaScriptEnabled: false, storageState })
  await page.goto('/admin/audit')
  await page.getByLabel('Who (email contains)').fill('lead@')
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Filter' }).click()])
  expect(page.url()).toContain('actor=lead%40')
  await page.goto('/portfolio')
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('daily')
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Filter' }).click()])
  expect(page.url()).toContain('q=daily')
  expect(await page.getByRole('table').getByRole('link', { name: 'Daily Recommender' }).count()).toBe(1)
  await page.goto('/search?q=Daily')
  expect(await page.getByRole('heading', { name: 'Initiatives' }).count()).toBe(1)
  expect(await page.getByRole('link', { name: 'Daily Recommender' }).count()).toBeGreaterThan(0)
  await context.close()
})

test("every list's Export CSV downloads the rows its filtered page shows", async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  await gotoHydrated(page, '/initiatives')
  const initiative = await page
    .getByRole('table')
    .getByRole('link', { name: 'Daily Recommender' })
    .getAttribute('href')
  const lists = [
    '/initiatives?q=daily',
    '/kpis',
    `${initiative}/feedback`,
    `${initiative}/sprints`,
    '/roster',
    '/team',
    '/recommendations/rejections',
    '/portfolio/approvals',
    '/admin/users',
    '/admin/api-keys',
    '/admin/audit',
  ]
  for (const list of lists) {
    await page.goto(list)
    const link = page.getByRole('link', { name: 'Export CSV' })
    const href = await link.getAttribute('href')
    expect(href, list).toMatch(/\.csv(\?|$)/)
    const answer = await page.request.get(href!)
    expect(`${list}: ${answer.status()} ${answer.headers()['content-type']}`).toMatch(
      new RegExp(`^${list.replace(/[?]/g, '\\?')}: 200 text/csv`),
    )
    expect((await answer.text()).split('\n')[0]!.length, list).toBeGreaterThan(0)
  }
  // The export holds what the filtered page shows: as many rows, the same names.
  await page.goto('/initiatives?q=daily')
  const shown = await page.locator('main table tbody tr').count()
  const filtered = await page.request.get('/initiatives.csv?q=daily')
  const lines = (await filtered.text()).trim().split('\n')
  expect(lines.length).toBe(shown + 1)
  expect(lines.slice(1).some((line) => line.includes('Daily Recommender'))).toBe(true)
  await context.close()
})
