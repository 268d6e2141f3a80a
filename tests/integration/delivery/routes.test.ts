import { beforeAll, describe, expect, test } from 'vitest'
import { action as settingsAction } from '~/routes/delivery.settings'
import { loader as portfolioLoader } from '~/routes/delivery._index'
import {
  action as sprintAction,
  loader as sprintLoader,
} from '~/routes/initiatives.$initiativeId.sprints.$sprintId'
import { action as sprintsAction } from '~/routes/initiatives.$initiativeId.sprints._index'
import { todayIn } from '~/utils/calendar'
import { listCycles, logHours, startCycle } from '~/models/delivery/cycle.server'
import { db } from '~/utils/db.server'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// Through the routes: bad input answers 400 with field errors in the user's language and writes nothing;
// the sprint review shows which plan change the EET's feedback caused.

let leadCookie: string
let adminCookie: string
let initiativeId: string
let programId: string
let feedbackId: string
let foreignFeedbackId: string

async function feedback(initiative: string, title: string) {
  const row = await db
    .insertInto('pilot_feedback')
    .values({
      initiative_id: initiative,
      release: '0.3',
      kind: 'idea',
      usefulness: 4,
      ease: 3,
      recommend: 8,
      title,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const count = async (table: 'backlog_items' | 'sprints' | 'delivery_settings') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

type ActionResult = {
  data: {
    intent: string
    result: { error?: Record<string, string[] | null> }
    fieldErrors: Record<string, string[]>
    formError: string | null
  }
}

beforeAll(async () => {
  const lead = await createUser({ role: 'lead' })
  const admin = await createUser({ role: 'admin' })
  const eet = await createUser({ role: 'eet_member' })
  const program = await createProgram()
  programId = program.id
  const initiative = await createInitiative({ programId, leadId: lead.id })
  initiativeId = initiative.id
  await addMember(initiativeId, eet.id, 'eet')
  feedbackId = await feedback(initiativeId, 'Show why a customer is recommended')
  foreignFeedbackId = await feedback((await createInitiative({ programId })).id, 'Someone else’s idea')
  await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', lead.id).execute()
  leadCookie = await sessionCookieFor(lead.id)
  adminCookie = await sessionCookieFor(admin.id)
})

const sprintsPath = () => `/initiatives/${initiativeId}/sprints`
const post = (path: string, form: Record<string, string | string[]>, cookie = leadCookie) =>
  buildRequest(path, { form, cookie })

describe('backlog and sprint routes', () => {
  let sprintId: string
  let itemId: string

  test('a bad backlog item is refused field by field, in the user’s language, and nothing is written', async () => {
    const result = await run(
      sprintsAction,
      post(sprintsPath(), { intent: 'add-item', title: '', type: 'epic', estimate: 'lots' }),
      { initiativeId },
    )
    expect(statusOf(result)).toBe(400)
    const { fieldErrors } = (result as ActionResult).data
    expect(Object.keys(fieldErrors).sort()).toEqual(['estimate', 'title', 'type'])
    expect(fieldErrors.title).toEqual(['此欄位為必填。'])
    // The answer names the form it belongs to, and carries conform's result for that form.
    expect((result as ActionResult).data.intent).toBe('add-item')
    expect((result as ActionResult).data.result.error?.title).toEqual(['此欄位為必填。'])
    expect(await count('backlog_items')).toBe(0)
  })

  test('feedback of another initiative cannot be linked', async () => {
    const result = await run(
      sprintsAction,
      post(sprintsPath(), {
        intent: 'add-item',
        title: 'Export',
        type: 'story',
        estimate: '3',
        feedback_id: foreignFeedbackId,
      }),
      { initiativeId },
    )
    expect(statusOf(result)).toBe(400)
    expect(Object.keys((result as ActionResult).data.fieldErrors)).toEqual(['feedback_id'])
    expect(await count('backlog_items')).toBe(0)
  })

  test('a backlog item is created with its feedback link, then a sprint planned', async () => {
    const created = await run(
      sprintsAction,
      post(sprintsPath(), {
        intent: 'add-item',
        title: 'Explanation text',
        type: 'story',
        estimate: '5',
        feedback_id: feedbackId,
      }),
      { initiativeId },
    )
    expect(statusOf(created)).toBe(302)
    const item = await db.selectFrom('backlog_items').select('id').executeTakeFirstOrThrow()
    itemId = item.id
    const links = await db.selectFrom('backlog_item_feedback').selectAll().execute()
    expect(links).toMatchObject([{ backlog_item_id: itemId, feedback_id: feedbackId }])

    const bad = await run(
      sprintsAction,
      post(sprintsPath(), { intent: 'plan-sprint', start_date: '2026-02-30' }),
      {
        initiativeId,
      },
    )
    expect(statusOf(bad)).toBe(400)
    expect(await count('sprints')).toBe(0)
    const planned = (await run(
      sprintsAction,
      post(sprintsPath(), { intent: 'plan-sprint', start_date: '2026-12-07' }),
      {
        initiativeId,
      },
    )) as Response
    expect(planned.status).toBe(302)
    sprintId = planned.headers.get('Location')!.split('/').pop()!
  })

  test('the sprint review shows the plan change the EET’s feedback caused', async () => {
    const path = `${sprintsPath()}/${sprintId}`
    const added = await run(
      sprintAction,
      post(path, {
        intent: 'plan-add',
        item_id: itemId,
        reason: 'EET: reps do not trust unexplained advice',
        feedback_id: feedbackId,
      }),
      { initiativeId, sprintId },
    )
    expect(statusOf(added)).toBe(302)
    const page = (await run(sprintLoader, buildRequest(path, { cookie: leadCookie }), {
      initiativeId,
      sprintId,
    })) as {
      changes: { change: string; reason: string; feedback_title: string | null }[]
    }
    expect(page.changes).toMatchObject([
      {
        change: 'added',
        reason: 'EET: reps do not trust unexplained advice',
        feedback_title: 'Show why a customer is recommended',
      },
    ])
  })

  test('a running sprint refuses a scope change without a reason, and changes nothing', async () => {
    const path = `${sprintsPath()}/${sprintId}`
    expect(
      statusOf(await run(sprintAction, post(path, { intent: 'start' }), { initiativeId, sprintId })),
    ).toBe(302)
    const refused = await run(
      sprintAction,
      post(path, { intent: 'scope-cancel', item_id: itemId, reason: '' }),
      {
        initiativeId,
        sprintId,
      },
    )
    expect(statusOf(refused)).toBe(400)
    expect(Object.keys((refused as ActionResult).data.fieldErrors)).toEqual(['reason'])
    const record = await db.selectFrom('sprint_items').selectAll().executeTakeFirstOrThrow()
    expect(record).toMatchObject({ cancelled_on: null, removed_on: null, change_reason: null })
    // A change the model refuses (already started) comes back as a form error, not a crash.
    const late = await run(sprintAction, post(path, { intent: 'plan-remove', item_id: itemId }), {
      initiativeId,
      sprintId,
    })
    expect(statusOf(late)).toBe(400)
    expect((late as ActionResult).data.formError).toBe('衝刺週期已開始：工作範圍已凍結。')
  })

  test('an item already done is refused as the done button’s answer, next to the item', async () => {
    const path = `${sprintsPath()}/${sprintId}`
    const done = () =>
      run(sprintAction, post(path, { intent: 'done', item_id: itemId }), { initiativeId, sprintId })
    expect(statusOf(await done())).toBe(302)
    const again = (await done()) as ActionResult
    expect(statusOf(again)).toBe(400)
    expect(again.data.intent).toBe('done')
    expect(again.data.fieldErrors).toEqual({ item_id: ['該項目已完成。'] })
  })

  test('a sprint of another initiative is not found', async () => {
    const other = await createInitiative({ programId })
    const path = `/initiatives/${other.id}/sprints/${sprintId}`
    expect(
      statusOf(
        await run(sprintLoader, buildRequest(path, { cookie: adminCookie }), {
          initiativeId: other.id,
          sprintId,
        }),
      ),
    ).toBe(404)
  })
})

describe('program budgets', () => {
  test('bad budgets are refused and nothing is saved; good ones are saved and audited', async () => {
    const bad = await run(
      settingsAction,
      post(
        '/delivery/settings',
        {
          program_id: programId,
          frame_hours: '-1',
          design_working_days: '2.5',
          pilot_weeks: '10',
          sprint_length_days: '99',
        },
        adminCookie,
      ),
    )
    expect(statusOf(bad)).toBe(400)
    expect(Object.keys((bad as ActionResult).data.fieldErrors).sort()).toEqual([
      'design_working_days',
      'frame_hours',
      'sprint_length_days',
    ])
    expect((bad as ActionResult).data.fieldErrors.sprint_length_days).toEqual(['Must be at most 56.'])
    // Each program has its own form: the answer names the program whose form it is.
    expect((bad as ActionResult).data.intent).toBe(programId)
    expect(await count('delivery_settings')).toBe(0)
    const good = await run(
      settingsAction,
      post(
        '/delivery/settings',
        {
          program_id: programId,
          frame_hours: '12',
          design_working_days: '15',
          pilot_weeks: '8',
          sprint_length_days: '10',
        },
        adminCookie,
      ),
    )
    expect(statusOf(good)).toBe(302)
    expect(await db.selectFrom('delivery_settings').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      frame_hours: 12,
      design_working_days: 15,
      pilot_weeks: 8,
      sprint_length_days: 10,
    })
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'delivery.settings.update')
      .execute()
    expect(audit).toHaveLength(1)
  })
})

test('the portfolio lists only the initiatives the user may see', async () => {
  const eetOnly = await createUser({ role: 'eet_member' })
  const result = (await run(
    portfolioLoader,
    buildRequest('/delivery', { cookie: await sessionCookieFor(eetOnly.id) }),
  )) as {
    initiatives: unknown[]
  }
  expect(result.initiatives).toEqual([])
  const forAdmin = (await run(portfolioLoader, buildRequest('/delivery', { cookie: adminCookie }))) as {
    initiatives: { id: string }[]
  }
  expect(forAdmin.initiatives.map((i) => i.id)).toContain(initiativeId)
})

test('the portfolio shows each initiative’s running phase, in its own program’s zone', async () => {
  const admin = await createUser({ role: 'admin' })
  const programs = [await createProgram({ reporting_timezone: 'Pacific/Kiritimati' }), await createProgram()]
  const running: string[] = []
  for (const [index, program] of programs.entries()) {
    const initiative = await createInitiative({ programId: program.id })
    await startCycle(db, admin, { id: initiative.id, program_id: program.id }, '2026-11-02')
    await logHours(db, admin, initiative.id, { worked_on: '2026-11-02', hours: 3 + index, note: '' })
    running.push(initiative.id)
  }
  const result = (await run(
    portfolioLoader,
    buildRequest('/delivery', { cookie: await sessionCookieFor(admin.id) }),
  )) as { initiatives: { id: string; cycle: unknown; current: { used: number } | null }[] }
  for (const [index, id] of running.entries()) {
    const row = result.initiatives.find((initiative) => initiative.id === id)
    const zone = programs[index]!.reporting_timezone
    const [latest] = await listCycles(db, id, todayIn(zone))
    expect(row).toMatchObject({
      cycle: { number: latest!.number, closed: false },
      current: { used: 3 + index },
    })
    expect(row!.current).toEqual(latest!.phases.find((phase) => phase.closed_on === null)!.clock)
  }
})
