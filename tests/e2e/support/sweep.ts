import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

// The shell sweep's pieces: which pages a role reaches, and what every page must satisfy at every size.

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const
export type ViewportName = keyof typeof VIEWPORTS

export const SCREENSHOTS = path.resolve('test-results/screenshots')

/** A page family: its path with record ids replaced, so /initiatives/<uuid>/eet is one family for all initiatives. */
export function familyOf(href: string) {
  const url = new URL(href, 'http://x')
  return url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
}

const sameOrigin = (page: Page, href: string) =>
  new URL(href, page.url()).origin === new URL(page.url()).origin

/** The sidebar's links (the desktop nav: the phone's menu holds the same ones). */
export async function navLinks(page: Page) {
  const hrefs = await page
    .getByRole('navigation', { name: /^(Main navigation|主要導覽)$/ })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? ''))
  return hrefs.filter((href) => href.startsWith('/'))
}

/** Links on the current page that open a record or a section (the detail pages of the demo data). */
export async function detailLinks(page: Page) {
  const hrefs = await page
    .locator('main a[href^="/"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? ''))
  return hrefs.filter(
    // /help/metrics is the definitions document, in English by design, with the data's field names.
    (href) =>
      !href.includes('/export') &&
      !href.endsWith('.csv') &&
      !href.startsWith('/api/') &&
      !href.startsWith('/help/'),
  )
}

export type Finding = { where: string; problem: string }

/** What every page must satisfy; returns the problems found (empty: the page passes). */
export async function checkPage(page: Page, where: string, { axe }: { axe: boolean }): Promise<Finding[]> {
  const findings: Finding[] = []
  const add = (problem: string) => findings.push({ where, problem })
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    text: document.body.innerText,
    // What is shown as code (a file's column names, a browser's user agent) is meant to read as typed.
    code: [...document.querySelectorAll('code, kbd, samp')].map((node) => (node as HTMLElement).innerText),
  }))
  if (layout.scrollWidth > layout.innerWidth)
    add(`page scrolls sideways: scrollWidth ${layout.scrollWidth} > ${layout.innerWidth}`)
  const banner = await page.getByRole('banner').boundingBox()
  if (!banner) add('no shell header (banner)')
  else if (banner.height > 64) add(`shell header is ${banner.height} px tall`)
  const asCode = layout.code.join(' ')
  const rawCodes = [...new Set(layout.text.match(/[\p{L}\p{N}]+_[\p{L}\p{N}_]+/gu) ?? [])].filter(
    (word) => !asCode.includes(word),
  )
  if (rawCodes.length > 0) add(`raw codes in the text: ${rawCodes.slice(0, 8).join(', ')}`)
  // camelCase identifiers (a field name such as activityDays): two or more lower-case letters, then a
  // capital followed by lower-case, so that words like iPhone, eBay or macOS do not count.
  const camelCase = [
    ...new Set(layout.text.match(/(?<![\p{L}\p{N}])[a-z]{2,}(?:[A-Z][a-z0-9]+)+(?![\p{L}\p{N}])/gu) ?? []),
  ].filter((word) => !asCode.includes(word))
  if (camelCase.length > 0) add(`camelCase identifiers in the text: ${camelCase.slice(0, 8).join(', ')}`)
  const unrounded = [...new Set(layout.text.match(/\d+[.,]\d{5,}/g) ?? [])]
  if (unrounded.length > 0) add(`unrounded numbers: ${unrounded.slice(0, 8).join(', ')}`)
  if (axe) {
    const results = await new AxeBuilder({ page }).analyze()
    for (const violation of results.violations)
      if (violation.impact === 'serious' || violation.impact === 'critical')
        add(`axe ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  }
  return findings
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  // The top of a long page is what a reader sees first; 2,400 px keeps a phone shot legible.
  const { width, height } = await page.evaluate(() => ({
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
  }))
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '_')}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 2400) },
  })
}

export { sameOrigin }

export type Visit = { href: string; family: string; fromNav: boolean }

/** Walks from the sidebar's links two steps into the demo data, one page per family. */
export async function crawl(page: Page, { limit = 60 } = {}) {
  const findings: Finding[] = []
  const nav = await navLinks(page)
  const queue: (Visit & { depth: number })[] = nav.map((href) => ({
    href,
    family: familyOf(href),
    fromNav: true,
    depth: 0,
  }))
  const seen = new Set<string>()
  const visits: Visit[] = []
  while (queue.length > 0 && visits.length < limit) {
    const next = queue.shift()!
    if (seen.has(next.family)) continue
    seen.add(next.family)
    const response = await page.goto(next.href).catch(() => null)
    if (!response) continue
    const status = response.status()
    if (next.fromNav && status >= 400)
      findings.push({ where: next.href, problem: `nav link answers ${status}` })
    if (status >= 400 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue
    visits.push({ href: next.href, family: next.family, fromNav: next.fromNav })
    if (next.depth >= 2) continue
    for (const href of await detailLinks(page))
      if (!seen.has(familyOf(href)))
        queue.push({ href, family: familyOf(href), fromNav: false, depth: next.depth + 1 })
  }
  return { nav, visits, findings }
}
