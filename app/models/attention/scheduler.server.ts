import { sql } from 'kysely'
import { DEFAULT_LOCALE, isLocale } from '~/i18n/locales'
import { translator } from '~/i18n/translate'
import type { Database, Executor } from '~/utils/db.server'
import type { AttentionItem } from './kinds'
import { renderDigest } from './message'
import { everyonesItems } from './needs-you.server'
import { enqueue, messagesFor, origin, recordSightings, type OutboxInput } from './outbox.server'
import { notify } from './notification.server'
import { preferencesOf } from './preferences.server'
import { queueReports } from './reports.server'
import {
  afterQuietHours,
  digestPeriod,
  ESCALATE_AFTER,
  isQuietHour,
  localClock,
  reminderDueOn,
  reminderStage,
} from './schedule'
import { settingsOf } from './settings.server'

// The scheduler: one round as of `now` (the runner calls it every minute; tests give the clock). In one
// transaction holding an advisory lock, so one runner per database does it (PGlite: the one process;
// PostgreSQL: whichever app server takes the lock; the others skip the round):
// 1. every condition that holds and was never announced to its person is announced once (in-app,
//    email by their choice, the program's chat for program-wide kinds): conditions no change announced
//    as it happened (a KPI going stale, a phase at 80 %, a member inactive…) arise here;
// 2. an item at a reminder stage of its kind (7 days, 1 day, due, overdue) gets that reminder once;
// 3. each person's daily or weekly digest once per period, from their hour in the program's zone,
//    never in their quiet hours; a sponsor's weekly one is the brief, which also lists the items of
//    their initiatives still ignored after ESCALATE_AFTER reminders;
// 4. the report subscriptions due (reports.server.ts), once per subscription and period.
// Every message is keyed, and the sightings and reminders tables say what was done, so a round run
// twice, or by two servers, or after a crash, sends nothing twice.

/** The advisory lock key: "tenfold-scheduler" as a number. */
const LOCK_KEY = 7_160_110_519

/** Conditions announced by the scheduler go to the program's channels too when they are program-wide. */
const PROGRAM_WIDE = new Set(['initiative.failure_mode'])

type Person = { id: string; name: string }

export type ScheduleOutcome = {
  arisen: number
  reminders: number
  digests: number
  reports: number
}

export async function runSchedule(db: Database, { now = new Date() }: { now?: Date } = {}) {
  // The conditions are read before the transaction: the portfolio's reads may rebuild derived tables
  // under their own lock, which this transaction's session would already hold. What was announced is
  // decided inside it (the sightings' and reminders' keys), so conditions read a moment early are safe.
  const items = await everyonesItems(db, now)
  return db.transaction().execute(async (trx): Promise<ScheduleOutcome | null> => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`.execute(trx)
    if (!rows[0]?.locked) return null
    const zones = await programZones(trx)
    const zoneOf = (item: Pick<AttentionItem, 'programId'>) =>
      (item.programId && zones.get(item.programId)) || zones.get('') || 'UTC'
    return {
      arisen: await announceArisen(trx, items, now),
      reminders: await sendReminders(trx, items, now, zoneOf),
      digests: await sendDigests(trx, items, now, zoneOf),
      reports: await queueReports(trx, now),
    }
  })
}

/** Each program's zone; '' is the first program's (for what belongs to no program). */
async function programZones(trx: Executor) {
  const programs = await trx
    .selectFrom('programs')
    .select(['id', 'reporting_timezone'])
    .orderBy('created_at')
    .execute()
  const zones = new Map(programs.map((p) => [p.id, p.reporting_timezone]))
  if (programs[0]) zones.set('', programs[0].reporting_timezone)
  return zones
}

async function announceArisen(trx: Executor, items: readonly AttentionItem[], now: Date) {
  const arisen = await recordSightings(trx, items, now)
  if (!arisen.length) return 0
  const choiceOf = await preferencesOf(
    trx,
    arisen.map((item) => item.userId),
  )
  // "Digest only" and "off" hear nothing now; the digest lists the first.
  await notify(
    trx,
    arisen
      .filter((item) => !['off', 'digest'].includes(choiceOf(item.userId, item.kind)))
      .map((item) => ({
        userId: item.userId,
        kind: `attention.${item.kind}`,
        payload: { vars: item.vars },
        link: item.link,
        entityType: 'attention_item',
        entityId: item.key,
      })),
  )
  await enqueue(
    trx,
    await messagesFor(
      trx,
      arisen.filter((item) => !PROGRAM_WIDE.has(item.kind)),
      { now },
    ),
  )
  await enqueue(
    trx,
    await messagesFor(
      trx,
      arisen.filter((item) => PROGRAM_WIDE.has(item.kind)),
      { now, programWide: true },
    ),
  )
  return arisen.length
}

async function sendReminders(
  trx: Executor,
  items: readonly AttentionItem[],
  now: Date,
  zoneOf: (item: AttentionItem) => string,
) {
  const due = items.flatMap((item) => {
    const dueOn = reminderDueOn(item, zoneOf(item))
    const stage = dueOn && reminderStage(item.kind, dueOn, localClock(zoneOf(item), now).date)
    return stage ? [{ item, stage }] : []
  })
  if (!due.length) return 0
  const known = await trx
    .selectFrom('attention_sightings as s')
    .leftJoin('attention_reminders as r', (join) =>
      join.onRef('r.user_id', '=', 's.user_id').onRef('r.item_key', '=', 's.item_key'),
    )
    .select(['s.user_id', 's.item_key', 's.first_seen_at', 'r.stage'])
    .where(
      's.user_id',
      'in',
      due.map(({ item }) => item.userId),
    )
    .execute()
  const sent = new Set(known.filter((r) => r.stage).map((r) => `${r.user_id} ${r.item_key} ${r.stage}`))
  const firstSeen = new Map(known.map((r) => [`${r.user_id} ${r.item_key}`, r.first_seen_at]))
  const fresh = due.filter(({ item, stage }) => !sent.has(`${item.userId} ${item.key} ${stage}`))
  if (!fresh.length) return 0
  // A stage reached on the round that first announced the item is said by that announcement; it is
  // recorded at the sighting's own time, so it does not count as a reminder for escalation.
  await trx
    .insertInto('attention_reminders')
    .values(
      fresh.map(({ item, stage }) => ({
        user_id: item.userId,
        item_key: item.key,
        stage,
        sent_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
  const reminders = fresh.filter(
    ({ item }) => firstSeen.get(`${item.userId} ${item.key}`)?.getTime() !== now.getTime(),
  )
  const choiceOf = await preferencesOf(
    trx,
    reminders.map(({ item }) => item.userId),
  )
  await notify(
    trx,
    reminders
      .filter(({ item }) => choiceOf(item.userId, item.kind) === 'in_app')
      .map(({ item, stage }) => ({
        userId: item.userId,
        kind: `attention.${item.kind}`,
        payload: { vars: item.vars, reminder: stage },
        link: item.link,
        entityType: 'attention_item',
        entityId: item.key,
      })),
  )
  for (const stage of ['7d', '1d', 'due', 'overdue'] as const) {
    const atStage = reminders.filter((r) => r.stage === stage).map((r) => r.item)
    await enqueue(
      trx,
      await messagesFor(trx, atStage, {
        now,
        tag: `remind-${stage}`,
        prefix: (locale) => translator(locale)(`attention.reminder.${stage}`),
      }),
    )
  }
  return reminders.length
}

/** Items still holding after ESCALATE_AFTER reminders, by the sponsor of their initiative. */
async function escalations(trx: Executor, items: readonly AttentionItem[], people: Map<string, Person>) {
  const counts = await trx
    .selectFrom('attention_reminders as r')
    .innerJoin('attention_sightings as s', (join) =>
      join.onRef('s.user_id', '=', 'r.user_id').onRef('s.item_key', '=', 'r.item_key'),
    )
    .select(['r.user_id', 'r.item_key', (eb) => eb.fn.countAll<number>().as('reminders')])
    .whereRef('r.sent_at', '>', 's.first_seen_at')
    .groupBy(['r.user_id', 'r.item_key'])
    .having((eb) => eb.fn.countAll(), '>=', ESCALATE_AFTER)
    .execute()
  if (!counts.length) return new Map<string, { person: string; reminders: number; item: AttentionItem }[]>()
  const countOf = new Map(counts.map((c) => [`${c.user_id} ${c.item_key}`, Number(c.reminders)]))
  const ignored = items.filter((item) => item.initiativeId && countOf.has(`${item.userId} ${item.key}`))
  const sponsors = ignored.length
    ? await trx
        .selectFrom('initiatives')
        .select(['id', 'sponsor_id'])
        .where(
          'id',
          'in',
          ignored.map((item) => item.initiativeId!),
        )
        .execute()
    : []
  const sponsorOf = new Map(sponsors.map((s) => [s.id, s.sponsor_id]))
  const bySponsor = new Map<string, { person: string; reminders: number; item: AttentionItem }[]>()
  for (const item of ignored) {
    const sponsor = sponsorOf.get(item.initiativeId!)
    if (!sponsor || sponsor === item.userId) continue
    const list = bySponsor.get(sponsor) ?? []
    list.push({
      person: people.get(item.userId)?.name ?? '',
      reminders: countOf.get(`${item.userId} ${item.key}`)!,
      item,
    })
    bySponsor.set(sponsor, list)
  }
  return bySponsor
}

async function sendDigests(
  trx: Executor,
  items: readonly AttentionItem[],
  now: Date,
  zoneOf: (item: Pick<AttentionItem, 'programId'>) => string,
) {
  const people = await trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'role'])
    .where('disabled_at', 'is', null)
    .execute()
  const personOf = new Map(people.map((p) => [p.id, p]))
  const [settingOf, choiceOf, escalated] = await Promise.all([
    settingsOf(
      trx,
      people.map((p) => p.id),
    ),
    preferencesOf(
      trx,
      people.map((p) => p.id),
    ),
    escalations(trx, items, personOf),
  ])
  const itemsOf = new Map<string, AttentionItem[]>()
  for (const item of items)
    if (choiceOf(item.userId, item.kind) !== 'off')
      itemsOf.set(item.userId, [...(itemsOf.get(item.userId) ?? []), item])
  const digests: OutboxInput[] = []
  for (const person of people) {
    const settings = settingOf(person.id)
    if (settings.digest === 'off') continue
    const own = itemsOf.get(person.id) ?? []
    const ignored = settings.digest === 'weekly' ? (escalated.get(person.id) ?? []) : []
    if (!own.length && !ignored.length) continue
    const zone = zoneOf(own[0] ?? { programId: null })
    const clock = localClock(zone, now)
    const period = digestPeriod(settings.digest, settings.digest_hour, clock)
    if (!period) continue
    if (isQuietHour(clock.hour, { from: settings.quiet_from, to: settings.quiet_to })) continue
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE
    digests.push({
      key: `digest:${period}:email:${person.id}`,
      channel: 'email',
      kind: 'digest',
      userId: person.id,
      address: person.email,
      notBefore: afterQuietHours(zone, now, { from: settings.quiet_from, to: settings.quiet_to }),
      ...renderDigest({
        locale,
        frequency: settings.digest,
        items: own,
        escalated: ignored,
        origin: origin(),
        zone,
        at: now,
      }),
    })
  }
  return enqueue(trx, digests)
}
