import { expect, test } from 'vitest'
import { consoleErrorsOf, gotoHydrated, newPage, openUserMenu, setupBrowser } from './support/browser'

// Single sign-on in Chromium against the real OpenID provider the e2e setup starts on 127.0.0.1:
// the button on the login page, the provider's own login page, back to Tenfold signed in as a user
// created just in time with the role the provider's group maps to; signing out passes the provider's
// sign-out and ends on the login page.

setupBrowser()

test('signing in with the company account creates the user and signs them in; signing out passes the provider', async () => {
  const { context, page } = await newPage()
  await gotoHydrated(page, '/login?redirectTo=/initiatives')
  await page.getByRole('button', { name: 'Sign in with Tenfold ID' }).click()
  await page.getByLabel('Username').fill('sso-e2e')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL((url) => url.pathname === '/initiatives')
  await page.waitForSelector('html[data-hydrated="true"]')
  // Signed in as the new user (their name from the provider; their role is checked in oidc.test.ts).
  await expect.poll(() => page.getByLabel(/^Account menu for Sam Single-Sign-On$/).count()).toBe(1)
  await signOutThroughProvider(page)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})

async function signOutThroughProvider(page: Parameters<typeof openUserMenu>[0]) {
  await openUserMenu(page)
  await page.getByRole('button', { name: /^Sign out$/ }).click()
  await page.getByRole('button', { name: 'Yes, sign me out' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await page.waitForSelector('html[data-hydrated="true"]')
  await expect.poll(() => page.getByRole('button', { name: 'Sign in with Tenfold ID' }).count()).toBe(1)
}
