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

const toastText = (page: Page) => page.getByRole('status').textContent()

/** Opens the dialog `press` opens, cancels it, and checks that nothing changed. */
async function cancelKeeps(
  page: Page,
  press: () => Promise<void>,
  heading: string | RegExp,
  unchanged: () => Promise<unknown>,
) {
  const before = await unchanged()
  await press()
  const dialog = page.getByRole('dialog', { name: heading })
  await expect.poll(() => dialog.isVisible()).toBe(true)
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect.poll(() => dialog.isVisible()).toBe(false)
  await waitIdle(page)
  expect(await unchanged()).toEqual(before)
  return dialog
}

test('a lead: a sprint item removed, cancelled or an initiative archived asks first; feedback declined or merged asks first', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  const initiative = await openDailyRecommender(page)

  // The running sprint: removing asks (naming the item), cancel keeps it, confirm removes, Undo restores.
  await gotoHydrated(page, `${initiative}/sprints`)
  await page.getByRole('row').filter({ hasText: 'Running' }).getByRole('link').click()
  await page.waitForURL(/\/sprints\/[0-9a-f-]{36}$/)
  await waitIdle(page)
  const change = page.getByRole('region', { name: 'Remove or cancel an item' })
  const planned = change.getByLabel('Planned item')
  const options = () => planned.locator('option').allTextContents()
  const title = (await options())[0]!
  await planned.selectOption({ label: title })
  await change.getByLabel('Reason').fill('The pilot reps asked for the digest first')
  const remove = change.getByRole('button', { name: 'Remove (back to the backlog)' })
  const dialog = await cancelKeeps(
    page,
    () => remove.click(),
    'Remove this item from the running sprint?',
    options,
  )
  await remove.click()
  await expect.poll(() => dialog.textContent()).toContain(`Item: ${title}`)
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
  await expect.poll(() => toastText(page)).toContain('Scope change recorded.')
  await expect.poll(options).not.toContain(title)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => toastText(page)).toContain('The item is back in the sprint as it was.')
  await expect.poll(options).toContain(title)
  // Cancelling an item asks the same way.
  await change.getByLabel('Reason').fill('No longer needed')
  await cancelKeeps(
    page,
    () => change.getByRole('button', { name: 'Cancel (no longer needed)' }).click(),
    'Cancel this item?',
    options,
  )

  // Declining a feedback item asks; so does merging it into another.
  await gotoHydrated(page, `${initiative}/feedback?status=new`)
  // A new item that is not itself a duplicate (a merged one has no triage).
  await page
    .getByRole('listitem')
    .filter({ hasNotText: 'Duplicate' })
    .getByRole('heading', { level: 3 })
    .getByRole('link')
    .last()
    .click()
  await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/)
  await waitIdle(page)
  const triage = page.getByRole('region', { name: 'Triage' })
  const moveTo = triage.getByLabel('New status')
  // The statuses it can move to, which any change of status would change.
  const status = () => moveTo.locator('option').allTextContents()
  await moveTo.selectOption({ label: 'Declined' })
  await triage.getByLabel('Why it was declined').fill('Quotes are out of the pilot’s scope')
  await cancelKeeps(
    page,
    () => triage.getByRole('button', { name: 'Update status' }).click(),
    'Decline this feedback?',
    status,
  )
  await cancelKeeps(
    page,
    () => triage.getByRole('button', { name: 'Merge', exact: true }).click(),
    'Merge this feedback into another item?',
    status,
  )

  // Archiving the initiative asks; confirmed, the toast's Undo restores it.
  await gotoHydrated(page, initiative)
  const archive = page.getByRole('button', { name: 'Archive', exact: true })
  const restoreCount = () => page.getByRole('button', { name: 'Restore' }).count()
  const archiveDialog = await cancelKeeps(
    page,
    () => archive.click(),
    'Archive “Daily Recommender”?',
    restoreCount,
  )
  await archive.click()
  await archiveDialog.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect.poll(() => toastText(page)).toContain('Initiative archived.')
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => toastText(page)).toContain('Initiative restored.')
  await expect.poll(restoreCount).toBe(0)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 120_000)

test('a sponsor: rejecting a gate in the inbox or a case on its page asks first; other decisions do not', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'sponsor@tenfold.demo')
  await gotoHydrated(page, '/portfolio/approvals')
  const gate = page.getByRole('form', { name: 'Decide: AI coaching for account executives' })
  const rows = () => page.getByRole('form').count()
  await gate.getByLabel('Decision').selectOption({ label: 'Rejected' })
  await gate.getByLabel('Comment').fill('Ask again once the business case is approved.')
  const record = gate.getByRole('button', { name: 'Record the decision' })
  const dialog = await cancelKeeps(page, () => record.click(), 'Reject this stage gate?', rows)
  await record.click()
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click()
  await expect.poll(() => toastText(page)).toContain('Gate rejected.')
  await expect.poll(() => gate.count()).toBe(0)

  // The case waiting on its own page: a rejection asks (and Cancel keeps it waiting).
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: 'Microlearning in the daily workflow' }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/)
  await gotoHydrated(page, `${new URL(page.url()).pathname}/case`)
  const decide = page.getByRole('region', { name: 'Your decision' })
  await decide.getByLabel('Decision').selectOption({ label: 'Rejected' })
  await decide.getByLabel('Comment').fill('The value rests on one region.')
  await cancelKeeps(
    page,
    () => decide.getByRole('button', { name: 'Record the decision' }).click(),
    'Reject this business case?',
    () => page.getByRole('region', { name: 'Your decision' }).count(),
  )
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 120_000)

test('an admin: disabling a user and archiving a program ask first, and Undo reverses them', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'admin@tenfold.demo')
  await gotoHydrated(page, '/admin/users')
  await page.getByRole('link', { name: 'Vera Lee' }).click()
  await page.waitForURL(/\/admin\/users\/.+/)
  await waitIdle(page)
  const disable = page.getByRole('button', { name: 'Disable user' })
  const enableCount = () => page.getByRole('button', { name: 'Enable user' }).count()
  const dialog = await cancelKeeps(page, () => disable.click(), /^Disable .+\?$/, enableCount)
  await disable.click()
  await dialog.getByRole('button', { name: 'Disable', exact: true }).click()
  await expect.poll(() => toastText(page)).toContain('User disabled')
  await expect.poll(enableCount).toBe(1)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect.poll(enableCount).toBe(0)

  await gotoHydrated(page, '/programs')
  await page.getByRole('heading', { level: 2 }).getByRole('link').first().click()
  await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/)
  await waitIdle(page)
  const archive = page.getByRole('button', { name: 'Archive', exact: true })
  const restoreCount = () => page.getByRole('button', { name: 'Restore' }).count()
  const archiveDialog = await cancelKeeps(page, () => archive.click(), /^Archive the program/, restoreCount)
  await archive.click()
  await archiveDialog.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect.poll(() => toastText(page)).toContain('Program archived.')
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => toastText(page)).toContain('Program restored.')
  await expect.poll(restoreCount).toBe(0)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 120_000)
