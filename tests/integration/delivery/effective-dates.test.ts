import { describe, expect, test } from 'vitest'
import { createBacklogItem } from '~/models/delivery/backlog.server'
import { saveDeliverySettings } from '~/models/delivery/settings.server'
import {
  addToPlan,
  getSprint,
  listSprintItems,
  planSprint,
  sprintReport,
  startSprint,
} from '~/models/delivery/sprint.server'
import { action as cycleAction } from '~/routes/initiatives.$initiativeId.cycle'
import { action as sprintAction } from '~/routes/initiatives.$initiativeId.sprints.$sprintId'
import { action as sprintsAction } from '~/routes/initiatives.$initiativeId.sprints._index'
import { action as programEditAction } from '~/routes/programs.$programId.edit'
import { addDays, todayIn } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// History recorded after the fact: a lead updating on a later day says when each thing happened. The
// dates are days in the program's zone (Asia/Taipei here), whatever the server's or browser's day.

type Refusal = { data: { fieldErrors: Record<string, string[]> } }

/** The most recent Friday strictly before `day` (a calendar fact, computed apart from the app). */
function lastFriday(day: string) {
  let d = addDays(day, -1)
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 5) d = addDays(d, -1)
  return d
}

async function setup() {
  const admin = await createUser({ role: 'admin' })
  const lead = await createUser({ role: 'lead' })
  const program = await createProgram({ reporting_timezone: 'Asia/Taipei' })
  await saveDeliverySettings(db, admin, {
    program_id: program.id,
    frame_hours: 10,
    design_working_days: 10,
    pilot_weeks: 10,
    sprint_length_days: 21,
  })
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id })
  return {
    admin,
    program,
    lead,
    initiative,
    cookie: await sessionCookieFor(lead.id),
    params: { initiativeId: initiative.id },
  }
}

describe('dates within the program’s window', () => {
  test('a sprint starting in 2020 is refused with a warning next to its date, and accepted when confirmed', async () => {
    const { initiative, cookie, params } = await setup()
    const path = `/initiatives/${initiative.id}/sprints`
    const plan = (form: Record<string, string>) =>
      run(sprintsAction, buildRequest(path, { cookie, form: { intent: 'plan-sprint', ...form } }), params)
    const today = todayIn('Asia/Taipei')
    const warned = (await plan({ start_date: '2020-03-02' })) as Refusal
    expect(statusOf(warned)).toBe(400)
    expect(warned.data.fieldErrors).toEqual({
      start_date: [
        `This date is more than 365 days from today (${today}). Tick “I mean this date” to keep it.`,
      ],
    })
    expect(
      await db.selectFrom('sprints').select('id').where('initiative_id', '=', initiative.id).execute(),
    ).toEqual([])
    expect(statusOf(await plan({ start_date: '2020-03-02', confirm_far_date: 'on' }))).toBe(302)
  }, 60_000)
})

describe('the program’s date window, set by an admin', () => {
  test('is validated next to its field (en and zh-TW), audited, and narrows what needs confirming', async () => {
    const { admin, program, initiative, cookie, params } = await setup()
    const adminCookie = await sessionCookieFor(admin.id)
    const editPath = `/programs/${program.id}/edit`
    const edit = (days: string) =>
      run(
        programEditAction,
        buildRequest(editPath, {
          cookie: adminCookie,
          form: { name: 'Sales digitalization', reporting_timezone: 'Asia/Taipei', date_window_days: days },
        }),
        { programId: program.id },
      )
    const stored = () =>
      db
        .selectFrom('programs')
        .select('date_window_days')
        .where('id', '=', program.id)
        .executeTakeFirstOrThrow()
    for (const [days, message] of [
      ['0', 'Must be at least 1.'],
      ['3651', 'Must be at most 3,650.'],
      ['30.5', 'Enter a number.'],
      ['1e400', 'Enter a number.'],
    ]) {
      const refused = (await edit(days!)) as Refusal
      expect(statusOf(refused), days).toBe(400)
      expect(refused.data.fieldErrors).toEqual({ date_window_days: [message] })
    }
    await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', admin.id).execute()
    const zh = (await edit('0')) as Refusal
    expect(zh.data.fieldErrors.date_window_days).toEqual(['不得小於 1。'])
    expect(await stored()).toEqual({ date_window_days: 365 })

    expect(statusOf(await edit('30'))).toBe(302)
    expect(await stored()).toEqual({ date_window_days: 30 })
    const audited = await db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', program.id)
      .where('action', '=', 'program.update')
      .executeTakeFirstOrThrow()
    expect(audited.before).toMatchObject({ date_window_days: 365 })
    expect(audited.after).toMatchObject({ date_window_days: 30 })

    // 60 days ahead was plausible under 365 days; under 30 it asks to be confirmed.
    const today = todayIn('Asia/Taipei')
    const start = addDays(today, 60)
    const path = `/initiatives/${initiative.id}/sprints`
    const warned = (await run(
      sprintsAction,
      buildRequest(path, { cookie, form: { intent: 'plan-sprint', start_date: start } }),
      params,
    )) as Refusal
    expect(statusOf(warned)).toBe(400)
    expect(warned.data.fieldErrors).toEqual({
      start_date: [
        `This date is more than 30 days from today (${today}). Tick “I mean this date” to keep it.`,
      ],
    })
  }, 60_000)
})

describe('effective dates of delivery actions', () => {
  test('an item marked done "last Friday" moves the burndown on that day; future or pre-sprint dates are refused next to the field', async () => {
    const { lead, initiative, cookie } = await setup()
    const today = todayIn('Asia/Taipei')
    const friday = lastFriday(today)
    const start = addDays(friday, -4)
    const sprint = await planSprint(db, lead, initiative, { start_date: start, goal: '' })
    const [a, b] = await Promise.all(
      [
        ['Explain each recommendation', 5],
        ['Weekly digest', 3],
      ].map(([title, estimate]) =>
        createBacklogItem(db, lead, initiative.id, {
          title: title as string,
          type: 'story',
          estimate: estimate as number,
          feedback_id: [],
        }),
      ),
    )
    for (const item of [a!, b!])
      await addToPlan(db, lead, initiative.id, sprint.id, { item_id: item.id, reason: '' })
    await startSprint(db, lead, initiative.id, sprint.id)
    const path = `/initiatives/${initiative.id}/sprints/${sprint.id}`
    const params = { initiativeId: initiative.id, sprintId: sprint.id }
    const done = (item_id: string, effective_on: string) =>
      run(
        sprintAction,
        buildRequest(path, { cookie, form: { intent: 'done', item_id, effective_on } }),
        params,
      )

    // Refused, next to the date field, and nothing written: tomorrow, and the day before the sprint.
    const future = (await done(b!.id, addDays(today, 1))) as Refusal
    expect(statusOf(future)).toBe(400)
    expect(future.data.fieldErrors).toEqual({
      effective_on: [`This date is after today (${today}) in the program’s time zone.`],
    })
    const early = (await done(b!.id, addDays(start, -1))) as Refusal
    expect(statusOf(early)).toBe(400)
    expect(early.data.fieldErrors).toEqual({ effective_on: [`This date is before ${start}, when it began.`] })
    expect((await listSprintItems(db, sprint.id)).every((item) => item.done_on === null)).toBe(true)

    expect(statusOf(await done(a!.id, friday))).toBe(302)
    const items = await listSprintItems(db, sprint.id)
    expect(items.find((item) => item.id === a!.id)!.done_on).toBe(friday)
    // Committed 5 + 3 = 8; A's 5 points burn on Friday: 8 remain each day before it, 3 from it on
    // until today, and the days after today are not reached yet.
    const { burndown } = sprintReport((await getSprint(db, initiative.id, sprint.id))!, items, today)
    const remainingOn = (day: string) => burndown.remaining[burndown.days.indexOf(day)]
    expect([remainingOn(addDays(friday, -1)), remainingOn(friday), remainingOn(today)]).toEqual([8, 3, 3])
    expect(remainingOn(addDays(today, 1))).toBeNull()
    // The audit keeps the day it happened and the day it was recorded, by whom.
    const audited = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('action', '=', 'delivery.sprint.done')
      .where('entity_id', '=', sprint.id)
      .executeTakeFirstOrThrow()
    expect(audited.actor_id).toBe(lead.id)
    expect(audited.after).toMatchObject({ on: friday, recorded_on: today })
  }, 60_000)

  test('hours cannot be logged in the future; a cycle cannot start tomorrow', async () => {
    const { initiative, cookie, params } = await setup()
    const today = todayIn('Asia/Taipei')
    const path = `/initiatives/${initiative.id}/cycle`
    const post = (form: Record<string, string>) =>
      run(cycleAction, buildRequest(path, { cookie, form }), params)
    const tomorrow = (await post({ intent: 'start-cycle', effective_on: addDays(today, 1) })) as Refusal
    expect(statusOf(tomorrow)).toBe(400)
    expect(Object.keys(tomorrow.data.fieldErrors)).toEqual(['effective_on'])
    expect(statusOf(await post({ intent: 'start-cycle', effective_on: addDays(today, -3) }))).toBe(302)
    const phase = await db
      .selectFrom('delivery_phases as p')
      .innerJoin('delivery_cycles as c', 'c.id', 'p.cycle_id')
      .select(['p.started_on', 'c.started_on as cycle_started_on'])
      .where('c.initiative_id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(phase).toEqual({ started_on: addDays(today, -3), cycle_started_on: addDays(today, -3) })
    const future = (await post({ intent: 'log-hours', worked_on: addDays(today, 1), hours: '2' })) as Refusal
    expect(statusOf(future)).toBe(400)
    expect(Object.keys(future.data.fieldErrors)).toEqual(['worked_on'])
    const early = (await post({ intent: 'log-hours', worked_on: addDays(today, -4), hours: '2' })) as Refusal
    expect(Object.keys(early.data.fieldErrors)).toEqual(['worked_on'])
    expect(statusOf(await post({ intent: 'log-hours', worked_on: today, hours: '2' }))).toBe(302)
  }, 60_000)
})
