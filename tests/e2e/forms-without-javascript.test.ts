import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { newPage, setupBrowser, signIn } from './support/browser'

setupBrowser()

// The list forms are plain HTML forms: with JavaScript off, "Add" and "Remove" are submit buttons whose
// intent the server applies to the posted rows, answering the form again without saving anything.
/** Presses a submit button and waits for the server's answer page (a full page load, no JavaScript). */
async function submit(page: Page, name: string) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()])
}

describe('forms without JavaScript', () => {
  test('a lead adds two KPI targets, removes the first and saves the second', async () => {
    const signedIn = await newPage()
    await signIn(signedIn.page, 'lead@tenfold.demo')
    const storageState = await signedIn.context.storageState()
    await signedIn.context.close()

    const { context, page } = await newPage({ javaScriptEnabled: false, storageState })
    await page.goto('/initiatives')
    await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
    await page.getByRole('link', { name: 'KPI tree' }).click()
    await page.waitForURL(/\/kpis$/)
    await page.getByRole('link', { name: 'New KPI' }).click()
    await page.waitForURL(/\/kpis\/new/)
    await page.getByLabel('Key').fill('e2e-no-js-targets')
    await page.getByLabel('Name (English)').fill('Targets set without JavaScript')
    await page.getByLabel('Name (Traditional Chinese)').fill('不使用 JavaScript 設定的目標')
    await page.getByLabel('Kind').selectOption('leading')

    await submit(page, 'Add a target')
    await page.getByLabel('Target 1: period end').fill('2026-12-31')
    await page.getByLabel('Target 1: value').fill('60')
    await submit(page, 'Add a target')
    // The server answered the form with the first row kept and a second, empty one.
    expect(await page.getByLabel('Target 1: value').inputValue()).toBe('60')
    expect(await page.getByLabel('Key').inputValue()).toBe('e2e-no-js-targets')
    await page.getByLabel('Target 2: period end').fill('2027-06-30')
    await page.getByLabel('Target 2: value').fill('70')
    await submit(page, 'Remove target 1')
    expect(await page.getByLabel('Target 2: period end').count()).toBe(0)
    expect(await page.getByLabel('Target 1: period end').inputValue()).toBe('2027-06-30')
    expect(await page.getByLabel('Target 1: value').inputValue()).toBe('70')

    await submit(page, 'Create')
    await page.waitForURL(/\/kpis\/[0-9a-f-]{36}$/)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Targets set without JavaScript')
    const targets = page.locator('dt', { hasText: /^Targets$/ }).locator('xpath=following-sibling::dd[1]')
    expect((await targets.textContent())?.trim()).toBe('Jun 30, 2027: 70')
    await context.close()
  })
})
