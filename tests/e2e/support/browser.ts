import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'

// Debian's Chromium, headless, with the flags this closed network needs. Tests select by role and
// label and wait for hydration before they click.

export const DEMO_PASSWORD = 'tenfold-demo-2026'
export const baseUrl = () => inject('baseUrl')

let browser: Browser | undefined

export function setupBrowser() {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  })
  afterAll(async () => {
    await browser?.close()
  })
}

export async function newPage(
  options: {
    locale?: string
    /** false: a browser with JavaScript off, to prove a form works as plain HTML. */
    javaScriptEnabled?: boolean
    /** Cookies of another context (e.g. one that signed in with JavaScript on). */
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>
    /** A phone: its screen size, with touch (e.g. { width: 390, height: 844 }). */
    phone?: { width: number; height: number }
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('Call setupBrowser() in the test file first')
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'en-US',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.storageState ? { storageState: options.storageState } : {}),
    ...(options.phone ? { viewport: options.phone, isMobile: true, hasTouch: true } : {}),
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(message.text())
  })
  ;(page as Page & { consoleErrors: string[] }).consoleErrors = errors
  return { context, page }
}

export function consoleErrorsOf(page: Page) {
  return (page as Page & { consoleErrors?: string[] }).consoleErrors ?? []
}

export async function gotoHydrated(page: Page, url: string) {
  await page.goto(url)
  await page.waitForSelector('html[data-hydrated="true"]')
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await gotoHydrated(page, '/login')
  await page.getByLabel(/^(Email|電子郵件)$/).fill(email)
  await page.getByLabel(/^(Password|密碼)$/).fill(password)
  await page.getByRole('button', { name: /^(Sign in|登入)$/ }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await page.waitForSelector('html[data-hydrated="true"]')
  // The language is kept on the account, and the demo accounts are shared by the test files: whatever
  // an earlier test left (or did not get to switch back), each test starts in English.
  if ((await page.getAttribute('html', 'lang')) !== 'en') {
    await chooseLanguage(page, 'English')
    await page.waitForSelector('html[lang="en"]')
  }
}

/** Opens the shell's account menu (language, theme, password, sign out live in it). */
export async function openUserMenu(page: Page) {
  const summary = page.getByLabel(/^(Account menu for .+|.+ 的帳號選單)$/)
  if ((await summary.count()) === 0) return
  if (!(await summary.evaluate((node) => (node.parentElement as HTMLDetailsElement).open)))
    await summary.click()
}

/** Chooses a language by its name ('English', '繁體中文'): in the account menu when signed in. */
export async function chooseLanguage(page: Page, name: 'English' | '繁體中文') {
  await openUserMenu(page)
  await page.getByRole('button', { name }).click()
}

export async function signOut(page: Page) {
  await openUserMenu(page)
  await page.getByRole('button', { name: /^(Sign out|登出)$/ }).click()
  await page.waitForURL(/\/login/)
}

/** No serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([])
}
