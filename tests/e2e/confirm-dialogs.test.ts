import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { consoleErrorsOf, gotoHydrated, newPage, signIn, setupBrowser } from './support/browser'

// Every destructive action asks first in a native dialog: Cancel (or Esc) changes nothing, confirming
// does it; removing a team member and ending an EET membership offer Undo in the toast.

setupBrowser()

async function openDailyRecommender(page: Page) {
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname
}

async function waitIdle(page: Page) {
  await page.waitForLoadState('networkidle')
}

test('removing a team member and ending an EET membership ask first, then offer undo', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  const initiative = await openDailyRecommender(page)

  await gotoHydrated(page, `${initiative}/team`)
  const removeButtons = page.getByRole('button', { name: /^Remove / })
  const members = await removeButtons.count()
  expect(members).toBeGreaterThan(0)
  const name = (await removeButtons.first().textContent())!.replace(/^Remove /, '')
  await removeButtons.first().click()
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.getByRole('heading').textContent()).toBe(`Remove ${name} from the team?`)
  // Focus starts on Cancel; Esc closes the dialog; nothing changed.
  await page.keyboard.press('Escape')
  await expect.poll(() => dialog.isVisible()).toBe(false)
  await removeButtons.first().click()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await waitIdle(page)
  expect(await removeButtons.count()).toBe(members)
  await removeButtons.first().click()
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
  await expect.poll(() => removeButtons.count()).toBe(members - 1)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => removeButtons.count()).toBe(members)
  await expect.poll(() => page.getByRole('button', { name: `Remove ${name}` }).count()).toBe(1)

  await gotoHydrated(page, `${initiative}/eet`)
  const endButtons = page.getByRole('button', { name: 'End membership', exact: true })
  const stints = await endButtons.count()
  expect(stints).toBeGreaterThan(0)
  await endButtons.first().click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await waitIdle(page)
  expect(await endButtons.count()).toBe(stints)
  await endButtons.first().click()
  // The dialog's own confirm button has the same name as the row's: the one inside the open dialog.
  await page.getByRole('dialog').getByRole('button', { name: 'End membership' }).click()
  await expect.poll(() => endButtons.count()).toBe(stints - 1)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => endButtons.count()).toBe(stints)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 120_000)

test('revoking an API key asks first: cancel keeps it, confirm revokes it', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  await gotoHydrated(page, '/admin/api-keys')
  await page.getByLabel('Name').fill('E2E confirm')
  await page.getByRole('checkbox').first().check()
  await page.getByRole('button', { name: 'Create key' }).click()
  const row = page.getByRole('row', { name: /E2E confirm/ })
  await expect.poll(() => row.getByRole('button', { name: 'Revoke' }).count()).toBe(1)
  await row.getByRole('button', { name: 'Revoke' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await waitIdle(page)
  expect(await row.getByText('Revoked').count()).toBe(0)
  await row.getByRole('button', { name: 'Revoke' }).click()
  await page
    .getByRole('dialog', { name: 'Revoke the API key “E2E confirm”?' })
    .getByRole('button', { name: 'Revoke' })
    .click()
  await expect.poll(() => row.getByText('Revoked').count()).toBe(1)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 120_000)
