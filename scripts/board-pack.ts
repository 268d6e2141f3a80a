// Prints the sponsor's board pack of a running Tenfold to PDF in headless Chromium.
// Usage: npm run board-pack -- --url http://localhost:3000 --email sponsor@tenfold.demo --password … \
//          [--period 2026-10 | 2026-Q3] [--locale en|zh-TW] [--program UUID] [--out board-pack.pdf]
//        or --cookie "tenfold_session=…" instead of --email/--password (an existing session).
// It starts nothing itself: the server must be running. The password may also come from TENFOLD_PASSWORD.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'

export type BoardPackOptions = {
  url: string
  email?: string
  password?: string
  cookie?: string
  period?: string
  locale?: 'en' | 'zh-TW'
  program?: string
  out: string
  chromiumPath?: string
}

export class BoardPackError extends Error {}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/

/** Signs in (or uses the session cookie), opens the board pack and saves it as a PDF; returns its size. */
export async function renderBoardPack(options: BoardPackOptions) {
  if (options.period && !PERIOD.test(options.period))
    throw new BoardPackError('--period must be a month (2026-10) or a quarter (2026-Q3)')
  if (!options.cookie && !(options.email && options.password))
    throw new BoardPackError('Give --email and --password (or TENFOLD_PASSWORD), or --cookie of a session')
  const base = new URL(options.url)
  const browser = await chromium.launch({
    executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const context = await browser.newContext({ baseURL: base.origin, locale: options.locale ?? 'en' })
    if (options.cookie) {
      const [name, ...value] = options.cookie.split(';')[0]!.split('=')
      await context.addCookies([{ name: name!.trim(), value: value.join('='), url: base.origin }])
    }
    const page = await context.newPage()
    if (!options.cookie) {
      await page.goto('/login')
      await page.waitForSelector('html[data-hydrated="true"]')
      await page.getByLabel(/^(Email|電子郵件)$/).fill(options.email!)
      await page.getByLabel(/^(Password|密碼)$/).fill(options.password!)
      await page.getByRole('button', { name: /^(Sign in|登入)$/ }).click()
      // Either the portal leaves the sign-in page or it shows why not.
      await Promise.race([
        page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 }),
        page.getByRole('alert').first().waitFor({ timeout: 30_000 }),
      ]).catch(() => undefined)
      if (new URL(page.url()).pathname.startsWith('/login'))
        throw new BoardPackError('Sign-in failed: check the email and password')
    }
    const query = new URLSearchParams()
    if (options.period) query.set('period', options.period)
    if (options.locale) query.set('lang', options.locale)
    if (options.program) query.set('program', options.program)
    const response = await page.goto(`/portfolio/board-pack?${query}`, { waitUntil: 'networkidle' })
    if (new URL(page.url()).pathname.startsWith('/login'))
      throw new BoardPackError('The session is not signed in')
    if (!response || response.status() !== 200)
      throw new BoardPackError(`The board pack answered ${response?.status() ?? 'nothing'}`)
    await page.emulateMedia({ media: 'print' })
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true })
    await page.pdf({ path: options.out, printBackground: true, preferCSSPageSize: true })
    return fs.statSync(options.out).size
  } finally {
    await browser.close()
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.TENFOLD_URL ?? 'http://localhost:3000' },
      email: { type: 'string' },
      password: { type: 'string', default: process.env.TENFOLD_PASSWORD },
      cookie: { type: 'string' },
      period: { type: 'string' },
      locale: { type: 'string', default: 'en' },
      program: { type: 'string' },
      out: { type: 'string', default: 'board-pack.pdf' },
    },
  })
  if (values.locale !== 'en' && values.locale !== 'zh-TW')
    throw new BoardPackError('--locale must be en or zh-TW')
  const size = await renderBoardPack({ ...values, locale: values.locale, url: values.url!, out: values.out! })
  console.log(`Board pack written to ${values.out} (${size} bytes).`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof BoardPackError ? error.message : error)
    process.exitCode = 1
  })
}
