import { describe, expect, test } from 'vitest'
import {
  consoleErrorsOf,
  expectAccessible,
  gotoHydrated,
  newPage,
  signIn,
  setupBrowser,
  chooseLanguage,
} from './support/browser'
import type { Page } from 'playwright-core'

setupBrowser()

async function createInitiative(page: Page, name: string) {
  await gotoHydrated(page, '/initiatives/new')
  await page.getByLabel('Name').fill(name)
  await page.getByRole('button', { name: 'Create' }).click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname
}

const toast = (page: Page) => page.getByRole('status').textContent()
/** The machine is shared: give server round trips time. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })

describe('agile delivery', () => {
  test('a lead plans, starts and closes a sprint: scope changes, carry-over and frozen figures', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'lead@tenfold.demo')
    const initiative = await createInitiative(page, 'Snooze and explain pilot')
    await page.getByRole('link', { name: 'Sprints' }).click()
    await page.waitForURL(/\/sprints$/)
    await page.waitForSelector('html[data-hydrated="true"]')
    await expectAccessible(page)

    // Bad input is refused next to the field.
    const addItem = page.getByRole('region', { name: 'Add a backlog item' })
    await addItem.getByRole('button', { name: 'Add a backlog item' }).click()
    await poll(() => addItem.getByText('This field is required.').count()).toBeGreaterThan(0)
    for (const [title, type, points] of [
      ['Explanation text', 'Story', '5'],
      ['Snooze a recommendation', 'Story', '3'],
      ['Export to CRM', 'Chore', '2'],
    ] as const) {
      await addItem.getByLabel('Title').fill(title)
      await addItem.getByLabel('Type').selectOption({ label: type })
      await addItem.getByLabel('Estimate (points)').fill(points)
      await addItem.getByRole('button', { name: 'Add a backlog item' }).click()
      await poll(() => page.getByRole('rowheader', { name: title }).count()).toBe(1)
    }

    await page.getByRole('region', { name: 'Plan the next sprint' }).getByLabel('Sprint goal').fill('Trust')
    await page.getByRole('button', { name: 'Plan sprint' }).click()
    await page.waitForURL(/\/sprints\/[0-9a-f-]{36}$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toContain('Sprint 1')

    const plan = page.getByRole('region', { name: 'Add to the plan' })
    for (const label of ['Explanation text (5)', 'Snooze a recommendation (3)']) {
      await plan.getByLabel('Backlog item').selectOption({ label })
      await plan.getByLabel('Why (sprint review)').fill('EET asked for it')
      await plan.getByRole('button', { name: 'Add to plan' }).click()
      await poll(() => toast(page)).toContain('Item added to the plan.')
    }
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Start sprint (freezes the scope)' }).click()
    await poll(() => toast(page)).toContain('Sprint started: scope frozen.')

    // Mid-sprint: one item done, one added with a reason, one cancelled (not counted as unfinished).
    await page.getByRole('button', { name: 'Mark “Explanation text” done' }).click()
    await poll(() => toast(page)).toContain('Item done.')
    const add = page.getByRole('region', { name: 'Add to the running sprint' })
    await add.getByLabel('Backlog item').selectOption({ label: 'Export to CRM (2)' })
    await add.getByRole('button', { name: 'Add to sprint' }).click()
    await poll(() => add.getByText('This field is required.').count()).toBe(1)
    await add.getByLabel('Reason').fill('Sales ops needs it for the pilot review')
    await add.getByRole('button', { name: 'Add to sprint' }).click()
    await poll(() => toast(page)).toContain('Scope change recorded.')
    const change = page.getByRole('region', { name: 'Remove or cancel an item' })
    await change.getByLabel('Planned item').selectOption({ label: 'Snooze a recommendation' })
    await change.getByLabel('Reason').fill('Covered by the new reminder settings')
    await change.getByRole('button', { name: 'Cancel (no longer needed)' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel (no longer needed)' }).click()
    await poll(() => page.getByText('Covered by the new reminder settings').count()).toBeGreaterThan(0)
    await expectAccessible(page)

    await page
      .getByRole('region', { name: 'Close the sprint' })
      .getByLabel('Unfinished work goes to')
      .selectOption('next')
    await page.getByRole('button', { name: 'Close sprint' }).click()
    await poll(() => toast(page)).toContain('Sprint closed: its figures are frozen.')
    // Carried-over work is not lost: it opens the plan of sprint 2.
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toContain('Sprint 2')
    await poll(() => page.getByRole('cell', { name: 'Carried over' }).count()).toBe(1)

    await gotoHydrated(page, `${initiative}/sprints`)
    await page.getByRole('link', { name: 'Sprint 1' }).click()
    await page.waitForURL(/\/sprints\/[0-9a-f-]{36}$/)
    const figure = (label: string) =>
      page
        .locator('dl.stat-grid div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd')
        .textContent()
    expect(await figure('Committed')).toBe('8')
    expect(await figure('Completed')).toBe('5')
    expect(await figure('Cancelled')).toBe('3')
    expect(await figure('Carried over')).toBe('2')
    // 5 done of (8 committed − 3 cancelled)
    expect(await figure('Predictability')).toBe('100%')
    await poll(() => page.getByText(/Frozen when the sprint closed/).count()).toBe(1)
    await expectAccessible(page)
    expect(consoleErrorsOf(page)).toEqual([])
    await context.close()
  }, 180_000)

  test('a saved backlog item clears its form, and a double press saves it once', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'lead@tenfold.demo')
    const initiative = await createInitiative(page, 'E2E form reset')
    await gotoHydrated(page, `${initiative}/sprints`)
    const form = page.getByRole('region', { name: 'Add a backlog item' })
    await form.getByLabel('Title').fill('Weekly digest of accepted recommendations')
    await form.getByLabel('Estimate (points)').fill('3')
    // Two presses in a row post the same form key twice: one item.
    await form.getByRole('button', { name: 'Add a backlog item' }).dblclick()
    await poll(() => toast(page)).toContain('Backlog item added.')
    await page.waitForLoadState('networkidle')
    await poll(() =>
      page.getByRole('rowheader', { name: 'Weekly digest of accepted recommendations' }).count(),
    ).toBe(1)
    // The form starts empty again, not with the draft just saved.
    await poll(() => form.getByLabel('Title').inputValue()).toBe('')
    expect(await form.getByLabel('Estimate (points)').inputValue()).toBe('')
    expect(consoleErrorsOf(page)).toEqual([])
    await context.close()
  }, 60_000)

  test('a lead runs the 10/10/10 clock and sees the 80% warning; the portfolio shows it', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'lead@tenfold.demo')
    const initiative = await createInitiative(page, 'Pricing guidance cycle')
    await gotoHydrated(page, `${initiative}/cycle`)
    await page.getByRole('button', { name: 'Start a cycle' }).click()
    await poll(() => toast(page)).toContain('Cycle started.')
    const hours = page.getByRole('region', { name: 'Log framing hours' })
    await hours.getByLabel('Hours').fill('8.5')
    await hours.getByRole('button', { name: 'Log hours' }).click()
    await poll(() => page.getByText('8.5 of 10 hours').count()).toBe(1)
    await poll(() => page.getByText('80% of budget used').count()).toBeGreaterThan(0)
    await expectAccessible(page)
    const close = page.getByRole('region', { name: 'Close this phase' })
    await close.getByLabel('Problem statement').fill('Reps discount too deeply on renewals.')
    await close.getByRole('button', { name: 'Close phase' }).click()
    await poll(() => toast(page)).toContain('Phase closed.')
    await poll(() => page.getByText('Reps discount too deeply on renewals.').count()).toBe(1)
    await poll(() => page.getByText(/of 10 working days$/).count()).toBe(1)

    // A pause dated before the phase began is refused by the server, next to its date; once another
    // form has been saved, that answer no longer shows (the pilot phase has a pause form too).
    const pause = page.getByRole('region', { name: 'Record a pause' })
    const today = await pause.getByLabel('Paused from').inputValue()
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    await pause.getByLabel('Paused from').fill(dayBefore)
    await pause.getByLabel('Reason').fill('Waiting for the pricing data')
    await pause.getByRole('button', { name: 'Record pause' }).click()
    await poll(() => pause.getByText('The date is before the phase started.').count()).toBe(1)
    await close.getByLabel('Model design summary').fill('A discount guardrail per segment.')
    await close.getByRole('button', { name: 'Close phase' }).click()
    await poll(() => page.getByText('A discount guardrail per segment.').count()).toBe(1)
    await poll(() => close.getByLabel('Pilot result').count()).toBe(1)
    expect(await pause.getByText('The date is before the phase started.').count()).toBe(0)
    expect(await pause.getByRole('alert').count()).toBe(0)

    await gotoHydrated(page, '/delivery')
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Delivery: the 10/10/10 clock')
    await poll(() => page.getByRole('rowheader', { name: 'Pricing guidance cycle' }).count()).toBe(1)
    await expectAccessible(page)
    await context.close()
  }, 180_000)

  test('without JavaScript, a refused form answers in its own place and keeps what was typed', async () => {
    const signedIn = await newPage()
    await signIn(signedIn.page, 'admin@tenfold.demo')
    const storageState = await signedIn.context.storageState()
    await signedIn.context.close()
    const { context, page } = await newPage({ javaScriptEnabled: false, storageState })
    /** Presses a submit button and waits for the server's answer page (a full page load). */
    const submit = (button: ReturnType<Page['getByRole']>) =>
      Promise.all([page.waitForEvent('load'), button.click()])

    await page.goto('/delivery/settings')
    const card = page.getByRole('region', { name: /Sales Digitalization 2026/ })
    await card.getByLabel('Sprint length (days)').fill('99')
    await submit(card.getByRole('button', { name: 'Save' }))
    expect(await card.getByText('Must be at most 56.').count()).toBe(1)
    expect(await card.getByLabel('Sprint length (days)').inputValue()).toBe('99')

    // A page of several forms: only the one submitted shows errors.
    await page.goto('/initiatives')
    await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
    await page.getByRole('link', { name: 'Sprints' }).click()
    await page.waitForURL(/\/sprints$/)
    await page.getByRole('row').filter({ hasText: 'Running' }).getByRole('link').click()
    await page.waitForURL(/\/sprints\/[0-9a-f-]{36}$/)
    const add = page.getByRole('region', { name: 'Add to the running sprint' })
    const change = page.getByRole('region', { name: 'Remove or cancel an item' })
    await submit(add.getByRole('button', { name: 'Add to sprint' }))
    expect(await add.getByText('This field is required.').count()).toBe(1)
    expect(await add.getByRole('alert').count()).toBe(1)
    expect(await change.getByText('This field is required.').count()).toBe(0)
    expect(await change.getByRole('alert').count()).toBe(0)
    // The form whose buttons post their own intents answers the same way.
    await submit(change.getByRole('button', { name: 'Remove (back to the backlog)' }))
    expect(await change.getByText('This field is required.').count()).toBe(1)
    expect(await add.getByText('This field is required.').count()).toBe(0)
    expect(await add.getByRole('alert').count()).toBe(0)
    await context.close()
  }, 180_000)

  test('an admin changes the program budgets; bad input changes nothing; zh-TW', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'admin@tenfold.demo')
    await gotoHydrated(page, '/delivery/settings')
    const card = page.getByRole('region', { name: /Sales Digitalization 2026/ })
    await card.getByLabel('Sprint length (days)').fill('99')
    await card.getByRole('button', { name: 'Save' }).click()
    await poll(() => card.getByText('Must be at most 56.').count()).toBe(1)
    await card.getByLabel('Sprint length (days)').fill('10')
    await card.getByRole('button', { name: 'Save' }).click()
    await poll(() => toast(page)).toContain('Budgets saved.')
    await poll(() => card.getByLabel('Sprint length (days)').inputValue()).toBe('10')
    await expectAccessible(page)
    await chooseLanguage(page, '繁體中文')
    await page.waitForSelector('html[lang="zh-TW"]')
    await gotoHydrated(page, '/delivery')
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('交付進度：10/10/10 時鐘')
    await expectAccessible(page)
    await chooseLanguage(page, 'English')
    await page.waitForSelector('html[lang="en"]')
    await context.close()
  }, 180_000)
})
