import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { consoleErrorsOf, gotoHydrated, newPage, signIn, signOut, setupBrowser } from './support/browser'
import { mailsTo } from './support/mail'

setupBrowser()

// The loop that reaches people: a lead submits a business case; the sponsor finds it under "Needs
// you" and in an email (received by the e2e setup's SMTP server), opens the email's link, approves;
// the lead is told. The outbox worker sends a round every 10 s, hence the longer polls for mail.

const toast = (page: Page) => page.getByRole('status').textContent()
const CASE_WAITS = 'The business case of Daily Recommender (version 2) awaits your decision.'

test('a submitted case reaches the sponsor in the app and by email; approving it from the link tells the lead', async () => {
  const { context, page } = await newPage()
  await signIn(page, 'lead@tenfold.demo')
  await gotoHydrated(page, '/initiatives')
  await page.getByRole('link', { name: 'Daily Recommender' }).first().click()
  await page.waitForURL(/\/initiatives\/[0-9a-f-]+$/)
  const casePath = `${new URL(page.url()).pathname}/case`
  await gotoHydrated(page, casePath)
  // The demo's version 2 is a draft by this lead.
  await page.getByRole('button', { name: 'Submit for approval' }).click()
  await expect.poll(() => toast(page)).toContain('Submitted for approval.')
  await signOut(page)

  await signIn(page, 'sponsor@tenfold.demo')
  await gotoHydrated(page, '/')
  const needsYou = page.getByRole('list', { name: 'Needs you' })
  await expect.poll(() => needsYou.getByText(CASE_WAITS).count()).toBe(1)

  // (The scheduler may mail the sponsor a digest as well: the case's own mail is the one asked for.)
  const caseMails = async () =>
    (await mailsTo('sponsor@tenfold.demo')).filter((m) => m.subject === `[Tenfold] ${CASE_WAITS}`)
  await expect.poll(async () => (await caseMails()).length, { timeout: 25_000 }).toBe(1)
  const [mail] = await caseMails()
  const link = /Open in Tenfold: (\S+)/.exec(mail!.text ?? '')![1]!
  expect(new URL(link).pathname).toBe(casePath)
  await gotoHydrated(page, new URL(link).pathname)
  await page.getByLabel('Decision', { exact: true }).selectOption('approved')
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await expect.poll(() => toast(page)).toContain('Business case approved.')
  await gotoHydrated(page, '/')
  await expect.poll(() => page.getByText(CASE_WAITS).count()).toBe(0)
  expect(consoleErrorsOf(page)).toEqual([])
  await signOut(page)

  await signIn(page, 'lead@tenfold.demo')
  await gotoHydrated(page, '/')
  await expect
    .poll(() =>
      page
        .getByRole('list', { name: 'Needs you' })
        .getByText('The business case of Daily Recommender was decided: Approved.')
        .count(),
    )
    .toBe(1)
  await expect
    .poll(
      async () =>
        (await mailsTo('lead@tenfold.demo')).filter((m) =>
          m.subject?.includes('Daily Recommender was decided'),
        ).length,
      { timeout: 25_000 },
    )
    .toBe(1)
  expect(consoleErrorsOf(page)).toEqual([])
  await context.close()
}, 90_000)
