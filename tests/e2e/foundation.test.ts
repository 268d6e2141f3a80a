import { describe, expect, test } from 'vitest'
import {
  consoleErrorsOf,
  expectAccessible,
  gotoHydrated,
  newPage,
  signIn,
  signOut,
  setupBrowser,
} from './support/browser'

setupBrowser()

const HOMES = [
  { email: 'admin@tenfold.demo', heading: 'Administration' },
  { email: 'lead@tenfold.demo', heading: 'Your initiatives' },
  { email: 'sponsor@tenfold.demo', heading: 'Initiatives you sponsor' },
  { email: 'eet@tenfold.demo', heading: 'Your pilots' },
  { email: 'viewer@tenfold.demo', heading: 'Program overview' },
]

describe('each demo role signs in, sees its home, and signs out', () => {
  test.each(HOMES)('$email', async ({ email, heading }) => {
    const { context, page } = await newPage()
    await signIn(page, email)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading)
    await expectAccessible(page)
    await signOut(page)
    await gotoHydrated(page, '/')
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(consoleErrorsOf(page)).toEqual([])
    await context.close()
  })
})

test('a disabled user cannot sign in', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  await gotoHydrated(page, '/admin/users')
  await page.getByRole('link', { name: 'Vera Lee' }).click()
  await page.waitForURL(/\/admin\/users\/.+/)
  await page.getByRole('button', { name: 'Disable user' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain('User disabled')
  await signOut(page)
  await page.getByLabel('Email').fill('viewer@tenfold.demo')
  await page.getByLabel('Password').fill('tenfold-demo-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toContain('The email or password is incorrect.')
  await context.close()
})

test('the interface switches to Traditional Chinese and pages stay accessible', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await page.getByRole('button', { name: '繁體中文' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('您負責的行動方案')
  expect(await page.getAttribute('html', 'lang')).toBe('zh-TW')
  for (const path of ['/initiatives', '/programs', '/account/password']) {
    await gotoHydrated(page, path)
    await expectAccessible(page)
  }
  await page.getByRole('button', { name: 'English' }).click()
  await page.waitForSelector('html[lang="en"]')
  await context.close()
})

test('a lead creates an initiative, sees field errors for bad input, then edits it', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await gotoHydrated(page, '/initiatives/new')
  await expectAccessible(page)
  await page.getByLabel('Name').fill('Pricing guidance pilot')
  await page.getByLabel('Start date').fill('2027-05-01')
  await page.getByLabel('Target date').fill('2027-01-01')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect.poll(() => page.getByText('The end date must not be before the start date.').count()).toBe(1)
  await page.getByLabel('Target date').fill('2027-12-31')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toContain('Pricing guidance pilot')
  await page.getByRole('link', { name: 'Edit' }).click()
  await page.getByLabel('Objective').fill('Suggest price ranges from won deals.')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => page.getByText('Suggest price ranges from won deals.').count()).toBe(1)
  await context.close()
})

test('an unknown address shows the 404 page', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'sponsor@tenfold.demo')
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
  await context.close()
})
