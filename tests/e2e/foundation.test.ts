import { describe, expect, test } from 'vitest'
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

test('the interface switches to Traditional Chinese and pages stay accessible', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await chooseLanguage(page, '繁體中文')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('您負責的行動方案')
  expect(await page.getAttribute('html', 'lang')).toBe('zh-TW')
  for (const path of ['/initiatives', '/programs', '/account/password']) {
    await gotoHydrated(page, path)
    await expectAccessible(page)
  }
  await chooseLanguage(page, 'English')
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

test('an admin creates a user, who sets a password from the one-time link and signs in; once disabled, she cannot', async () => {
  const admin = await newPage()
  await signIn(admin.page, 'admin@tenfold.demo')
  for (const path of ['/admin/users', '/admin/audit', '/admin/api-keys', '/programs']) {
    await gotoHydrated(admin.page, path)
    await expectAccessible(admin.page)
  }
  await gotoHydrated(admin.page, '/admin/users/new')
  await expectAccessible(admin.page)
  await admin.page.getByLabel('Name').fill('Nora Tsai')
  await admin.page.getByLabel('Email').fill('nora.tsai@tenfold.demo')
  await admin.page.getByLabel('Role').selectOption('viewer')
  await admin.page.getByRole('button', { name: 'Create' }).click()
  const linkBox = admin.page.getByRole('textbox', { name: /one-time link/ })
  await linkBox.waitFor()
  const link = await linkBox.inputValue()
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/)
  await admin.context.close()

  const invited = await newPage()
  await gotoHydrated(invited.page, new URL(link).pathname)
  await expectAccessible(invited.page)
  await invited.page.getByLabel('New password').fill('password1234')
  await invited.page.getByLabel('Repeat the password').fill('password1234')
  await invited.page.getByRole('button', { name: 'Set password' }).click()
  await expect.poll(() => invited.page.getByText('This password is too common.').count()).toBe(1)
  await invited.page.getByLabel('New password').fill('a walk along the Tamsui river')
  await invited.page.getByLabel('Repeat the password').fill('a walk along the Tamsui river')
  await invited.page.getByRole('button', { name: 'Set password' }).click()
  await invited.page.waitForURL(/\/login/)
  await signIn(invited.page, 'nora.tsai@tenfold.demo', 'a walk along the Tamsui river')
  await expect
    .poll(() => invited.page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Program overview')
  await signOut(invited.page)

  // The admin disables her: the right password no longer signs her in.
  const admin2 = await newPage()
  await signIn(admin2.page, 'admin@tenfold.demo')
  await gotoHydrated(admin2.page, '/admin/users')
  await admin2.page.getByRole('link', { name: 'Nora Tsai' }).click()
  await admin2.page.waitForURL(/\/admin\/users\/.+/)
  await admin2.page.getByRole('button', { name: 'Disable user' }).click()
  await admin2.page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).click()
  await expect.poll(() => admin2.page.getByRole('status').textContent()).toContain('User disabled')
  await admin2.context.close()
  await invited.page.getByLabel('Email').fill('nora.tsai@tenfold.demo')
  await invited.page.getByLabel('Password').fill('a walk along the Tamsui river')
  await invited.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect
    .poll(() => invited.page.getByRole('alert').first().textContent())
    .toContain('The email or password is incorrect.')
  await invited.context.close()
})

test('an admin creates an API key: without a scope the field says so; the key shows once and the form starts empty', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  await gotoHydrated(page, '/admin/api-keys')
  await page.getByLabel('Name').fill('E2E export')
  await page.getByRole('button', { name: 'Create key' }).click()
  await expect.poll(() => page.getByText('Choose at least one scope.').count()).toBe(1)
  await page.getByLabel('Read metrics').check()
  await expect.poll(() => page.getByText('Choose at least one scope.').count()).toBe(0)
  await page.getByRole('button', { name: 'Create key' }).click()
  const secret = page.getByRole('textbox', { name: /Copy this key now/ })
  await secret.waitFor()
  expect(await secret.inputValue()).toMatch(/^tf_[0-9a-f]{12}_/)
  await expect.poll(() => page.getByRole('rowheader', { name: /E2E export/ }).count()).toBe(1)
  expect(await page.getByLabel('Name').inputValue()).toBe('')
  expect(await page.getByLabel('Read metrics').isChecked()).toBe(false)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

test('a user changes their password: a wrong current one is refused at its field, then the new one signs in', async () => {
  const admin = await newPage()
  await signIn(admin.page, 'admin@tenfold.demo')
  await gotoHydrated(admin.page, '/admin/users/new')
  await admin.page.getByLabel('Name').fill('Ming Lee')
  await admin.page.getByLabel('Email').fill('ming.lee@tenfold.demo')
  await admin.page.getByLabel('Role').selectOption('viewer')
  await admin.page.getByRole('button', { name: 'Create' }).click()
  await admin.page.getByRole('link', { name: 'Users →' }).click()
  await admin.page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/)
  // The card's other buttons submit without its fields: a new link for the same person.
  await admin.page.getByRole('button', { name: 'New set-password link' }).click()
  const linkBox = admin.page.getByRole('textbox', { name: /One-time set-password link/ })
  await linkBox.waitFor()
  const link = await linkBox.inputValue()
  await admin.context.close()

  const { context, page } = await newPage()
  await gotoHydrated(page, new URL(link).pathname)
  await page.getByLabel('New password').fill('first passphrase by the sea')
  await page.getByLabel('Repeat the password').fill('first passphrase by the sea')
  await page.getByRole('button', { name: 'Set password' }).click()
  await page.waitForURL(/\/login/)
  await signIn(page, 'ming.lee@tenfold.demo', 'first passphrase by the sea')
  await gotoHydrated(page, '/account/password')
  await page.getByLabel('Current password').fill('not my passphrase')
  await page.getByLabel('New password').fill('second passphrase up the hill')
  await page.getByLabel('Repeat the password').fill('second passphrase up the hill')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => page.getByText('The current password is incorrect.').count()).toBe(1)
  expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true')
  await page.getByLabel('Current password').fill('first passphrase by the sea')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Password changed.')
  expect(await page.getByLabel('Current password').inputValue()).toBe('')
  expect(await page.getByLabel('New password').inputValue()).toBe('')
  expect(await page.getByText('The current password is incorrect.').count()).toBe(0)
  await signOut(page)
  await signIn(page, 'ming.lee@tenfold.demo', 'second passphrase up the hill')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Program overview')
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})
