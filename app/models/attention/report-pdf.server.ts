import { chromium } from 'playwright-core'
import { createSessionCookie, invalidateSession } from '~/auth/lucia.server'
import { origin } from './outbox.server'
import type { ReportAttachment } from './tables'

// A subscribed report as PDF: the page the subscriber would open (the board pack or the period
// report, with their own rights), printed by headless Chromium as `npm run board-pack` does, through a
// session made for this one print and ended after it.

export type RenderedFile = { filename: string; content: Buffer; contentType: string }

export function reportPath(attachment: ReportAttachment) {
  const query = new URLSearchParams({
    program: attachment.programId,
    period: attachment.period,
    lang: attachment.locale,
  })
  return `/portfolio/${attachment.report === 'board_pack' ? 'board-pack' : 'report'}?${query}`
}

export async function renderReportPdf(
  attachment: ReportAttachment,
  { base = origin(), chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {},
): Promise<RenderedFile> {
  const { sessionId, cookie } = await createSessionCookie(new Request(base), attachment.userId, {
    ip: null,
    userAgent: 'tenfold-report',
  })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const context = await browser.newContext({ baseURL: base, locale: attachment.locale })
    const [name, ...value] = cookie.split(';')[0]!.split('=')
    await context.addCookies([{ name: name!.trim(), value: value.join('='), url: base }])
    const page = await context.newPage()
    const response = await page.goto(reportPath(attachment), { waitUntil: 'networkidle' })
    if (!response || response.status() !== 200 || new URL(page.url()).pathname.startsWith('/login'))
      throw new Error(`report page answered ${response?.status() ?? 'nothing'}`)
    await page.emulateMedia({ media: 'print' })
    const content = await page.pdf({ printBackground: true, preferCSSPageSize: true })
    return {
      filename: `${attachment.report === 'board_pack' ? 'board-pack' : 'period-report'}-${attachment.period}.pdf`,
      content,
      contentType: 'application/pdf',
    }
  } finally {
    await browser.close()
    await invalidateSession(sessionId)
  }
}
