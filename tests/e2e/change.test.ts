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

// A frontline manager's coaching journey on a phone: their team, a rep who went quiet, a coaching
// action logged for that rep, and the action in the history.

test('a manager on a phone opens the team, finds a quiet rep and logs a coaching action', async () => {
  const { context, page } = await newPage({ phone: { width: 390, height: 844 } })
  await signIn(page, 'manager@tenfold.demo')
  await gotoHydrated(page, '/team')
  await expect
    .poll(() => page.getByRole('heading', { level: 2, name: 'Your team’s use of the tool' }).count())
    .toBe(1)
  await page.getByRole('link', { name: 'Coaching', exact: true }).click()
  await page.waitForURL(/\/team\/coaching$/)
  const quiet = page.getByRole('list', { name: 'Gone quiet (no activity for 14 days)' })
  await expect.poll(() => quiet.getByRole('listitem').count()).toBeGreaterThan(0)
  // An item reads "name · last active day".
  const name = (await quiet.getByRole('listitem').first().textContent())!.split(' · ')[0]!.trim()
  await page.getByLabel('Rep', { exact: true }).selectOption({ label: name })
  await page.getByLabel('Action', { exact: true }).selectOption('ride_along')
  await page
    .getByLabel('Note (optional)')
    .fill('Rode along to two accounts; walked through the recommendations.')
  await page.getByRole('button', { name: 'Log action' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Coaching action logged')
  const history = page.getByRole('list', { name: 'Coaching logged' })
  await expect
    .poll(() =>
      history.getByRole('listitem').filter({ hasText: name }).filter({ hasText: 'Ride-along' }).count(),
    )
    .toBeGreaterThan(0)
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await expectAccessible(page)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
})
