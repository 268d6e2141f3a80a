import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import { DEFAULT_LOCALE, isLocale } from '~/i18n/locales'
import { translator } from '~/i18n/translate'
import { addDays, startOfMonthAfter } from '~/utils/calendar'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { actorOf, audit } from '../foundation/audit.server'
import { enqueue, origin, type OutboxInput } from './outbox.server'
import { localClock, weekOf } from './schedule'
import { settingsOf } from './settings.server'
import type { ReportFrequency, ReportKind } from './tables'

// Scheduled reports: a reader of the portfolio subscribes to the period report or the board pack of a
// program, monthly or weekly, and gets it by email as a PDF. The scheduler queues one message per
// subscription and period (keyed); the worker renders the PDF when it sends (worker.server.ts), so a
// queued report is the report as of its sending.

export const REPORT_KINDS = ['period_report', 'board_pack'] as const
export const REPORT_FREQUENCIES = ['weekly', 'monthly'] as const

export function listSubscriptions(db: Executor, userId: string) {
  return db
    .selectFrom('report_subscriptions as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .select(['s.report', 's.frequency', 's.program_id', 'p.name as program_name'])
    .where('s.user_id', '=', userId)
    .orderBy('p.name')
    .orderBy('s.report')
    .execute()
}

export async function subscribeReport(
  db: Database,
  user: AuthUser,
  input: { report: ReportKind; frequency: ReportFrequency; programId: string },
) {
  if (!can(user.role, 'portfolio:read')) throw new DomainError('error.forbidden.body', { status: 403 })
  await db.transaction().execute(async (trx) => {
    const program = await trx
      .selectFrom('programs')
      .select('id')
      .where('id', '=', input.programId)
      .where('archived_at', 'is', null)
      .executeTakeFirst()
    if (!program) throw new DomainError('attention.reports.noProgram', { status: 404 })
    await trx
      .insertInto('report_subscriptions')
      .values({ user_id: user.id, report: input.report, frequency: input.frequency, program_id: program.id })
      .onConflict((oc) =>
        oc.columns(['user_id', 'report', 'program_id']).doUpdateSet({ frequency: input.frequency }),
      )
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'report-subscription.save',
      entityType: 'user',
      entityId: user.id,
      after: input,
    })
  })
}

export async function unsubscribeReport(
  db: Database,
  user: AuthUser,
  input: { report: ReportKind; programId: string },
) {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('report_subscriptions')
      .where('user_id', '=', user.id)
      .where('report', '=', input.report)
      .where('program_id', '=', input.programId)
      .executeTakeFirst()
    if (Number(removed.numDeletedRows))
      await audit(trx, {
        actor: actorOf(user),
        action: 'report-subscription.remove',
        entityType: 'user',
        entityId: user.id,
        before: input,
      })
  })
}

/**
 * The period a subscription's report is due for at this local clock, once its hour has come: a
 * monthly one on the 1st for the month before; a weekly one on Mondays for the month the past week
 * ended in (the month so far). Null: not due.
 */
export function reportPeriod(
  frequency: ReportFrequency,
  hour: number,
  clock: { date: string; hour: number },
) {
  if (clock.hour < hour) return null
  if (frequency === 'monthly')
    return clock.date.endsWith('-01')
      ? { key: clock.date.slice(0, 7), period: startOfMonthAfter(clock.date, -1).slice(0, 7) }
      : null
  if (weekOf(clock.date) !== clock.date) return null
  return { key: `W${clock.date}`, period: addDays(clock.date, -1).slice(0, 7) }
}

/** Queues the reports due as of `now` (each subscription once per period). */
export async function queueReports(trx: Executor, now: Date) {
  const subscriptions = await trx
    .selectFrom('report_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .select([
      's.user_id',
      's.report',
      's.frequency',
      's.program_id',
      'p.name as program_name',
      'p.reporting_timezone',
      'u.email',
      'u.locale',
      'u.role',
    ])
    .where('u.disabled_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .execute()
  if (!subscriptions.length) return 0
  const settingOf = await settingsOf(
    trx,
    subscriptions.map((s) => s.user_id),
  )
  const messages: OutboxInput[] = []
  for (const s of subscriptions) {
    if (!can(s.role, 'portfolio:read')) continue
    const due = reportPeriod(
      s.frequency,
      settingOf(s.user_id).digest_hour,
      localClock(s.reporting_timezone, now),
    )
    if (!due) continue
    const locale = isLocale(s.locale) ? s.locale : DEFAULT_LOCALE
    const t = translator(locale)
    const name = t(`attention.reports.${s.report}`)
    const subject = t('attention.reports.subject', {
      report: name,
      program: s.program_name,
      period: due.period,
    })
    const path = s.report === 'board_pack' ? 'board-pack' : 'report'
    const url = `${origin()}/portfolio/${path}?${new URLSearchParams({ program: s.program_id, period: due.period })}`
    const text = [
      t('attention.reports.body', { report: name, period: due.period }),
      url,
      '',
      `${t('attention.digest.settings')}: ${origin()}/notifications`,
    ].join('\n')
    messages.push({
      key: `report:${s.report}:${s.program_id}:${due.key}:email:${s.user_id}`,
      channel: 'email',
      kind: `report.${s.report}`,
      userId: s.user_id,
      programId: s.program_id,
      address: s.email,
      subject: `[Tenfold] ${subject}`,
      text,
      html: `<!doctype html><html lang="${locale}"><body><p>${escape(t('attention.reports.body', { report: name, period: due.period }))}</p><p><a href="${escape(url)}">${escape(t('attention.mail.open'))}</a></p></body></html>`,
      notBefore: now,
      attachment: {
        report: s.report,
        programId: s.program_id,
        period: due.period,
        locale,
        userId: s.user_id,
      },
    })
  }
  return enqueue(trx, messages)
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
