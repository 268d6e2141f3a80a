import { beforeAll, describe, expect, test } from 'vitest'
import { createBacklogItem, listBacklog } from '~/models/delivery/backlog.server'
import { DomainError } from '~/utils/domain-error'
import { sprintPredictability, sprintsClosedBetween } from '~/models/delivery/reporting.server'
import { saveDeliverySettings } from '~/models/delivery/settings.server'
import {
  addToPlan,
  changeRunningSprint,
  closeSprint,
  getSprint,
  listPlanChanges,
  listSprintItems,
  planSprint,
  removeFromPlan,
  sprintReport,
  startSprint,
} from '~/models/delivery/sprint.server'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'

// The hand-computed sprint of tests/unit/delivery/burndown.test.ts, driven through the models:
// Mon 7 – Fri 11 September 2026 (program sprints of 5 days). A 5 done Tue · B 3 done Thu · C 8 cancelled
// Wed · D 2 never done · E 3 added Wed, done Fri · F 1 removed Thu. Committed 19, completed 11, carried 2,
// predictability 8 ÷ 11; remaining per day 19, 14, 9, 5, 2.

let lead: Awaited<ReturnType<typeof createUser>>
let initiative: { id: string; program_id: string }
const ids: Record<string, string> = {}

async function item(title: string, estimate: number) {
  const created = await createBacklogItem(db, lead, initiative.id, {
    title,
    type: 'story',
    estimate,
    feedback_id: [],
  })
  ids[title] = created.id
}

beforeAll(async () => {
  const admin = await createUser({ role: 'admin' })
  lead = await createUser({ role: 'lead' })
  const program = await createProgram()
  await saveDeliverySettings(db, admin, {
    program_id: program.id,
    frame_hours: 10,
    design_working_days: 10,
    pilot_weeks: 10,
    sprint_length_days: 5,
  })
  initiative = await createInitiative({ programId: program.id, leadId: lead.id })
  for (const [title, estimate] of [
    ['A', 5],
    ['B', 3],
    ['C', 8],
    ['D', 2],
    ['E', 3],
    ['F', 1],
  ] as const)
    await item(title, estimate)
})

describe('a sprint from planning to close', () => {
  let sprintId: string
  let nextId: string

  test('planning takes the program’s sprint length and records each plan change', async () => {
    const sprint = await planSprint(db, lead, initiative, {
      start_date: '2026-09-07',
      goal: 'Explanations v1',
    })
    sprintId = sprint.id
    expect(sprint).toMatchObject({ number: 1, start_date: '2026-09-07', end_date: '2026-09-11' })
    for (const title of ['A', 'B', 'C', 'D', 'F', 'E'])
      await addToPlan(db, lead, initiative.id, sprintId, { item_id: ids[title]!, reason: '' })
    await removeFromPlan(db, lead, initiative.id, sprintId, { item_id: ids.E!, reason: 'Too big for now' })
    const changes = await listPlanChanges(db, sprintId)
    expect(changes.map((c) => `${c.change} ${c.item_title}`)).toEqual([
      'added A',
      'added B',
      'added C',
      'added D',
      'added F',
      'added E',
      'removed E',
    ])
  })

  test('starting freezes the committed scope at the estimates of that moment', async () => {
    await db.updateTable('backlog_items').set({ estimate: 5 }).where('id', '=', ids.A!).execute()
    expect(await startSprint(db, lead, initiative.id, sprintId)).toEqual({ committedPoints: 19 })
    // A later re-estimate does not move the frozen commitment.
    await db.updateTable('backlog_items').set({ estimate: 13 }).where('id', '=', ids.A!).execute()
    const items = await listSprintItems(db, sprintId)
    expect(items.find((i) => i.id === ids.A)!.points).toBe(5)
    await expect(
      addToPlan(db, lead, initiative.id, sprintId, { item_id: ids.E!, reason: '' }),
    ).rejects.toBeInstanceOf(DomainError)
  })

  test('scope changes after the start are dated records with reasons', async () => {
    const run = (action: 'add' | 'remove' | 'cancel' | 'done', title: string, on: string, reason?: string) =>
      changeRunningSprint(
        db,
        lead,
        initiative.id,
        sprintId,
        action,
        { item_id: ids[title]!, reason: reason! },
        on,
      )
    await run('done', 'A', '2026-09-08')
    await run('cancel', 'C', '2026-09-09', 'The EET no longer needs the export')
    await run('add', 'E', '2026-09-09', 'Reps asked for the explanation text')
    await run('remove', 'F', '2026-09-10', 'Blocked by the CRM team')
    await run('done', 'B', '2026-09-10')
    await run('done', 'E', '2026-09-11')
    await expect(run('done', 'E', '2026-09-11')).rejects.toBeInstanceOf(DomainError)
    const sprint = (await getSprint(db, initiative.id, sprintId))!
    const live = sprintReport(sprint, await listSprintItems(db, sprintId), '2026-09-11')
    expect(live.burndown.remaining).toEqual([19, 14, 9, 5, 2])
    const backlog = await listBacklog(db, initiative.id)
    expect(backlog.find((i) => i.id === ids.F)).toMatchObject({ status: 'todo', sprint_id: null })
    expect(backlog.find((i) => i.id === ids.C)).toMatchObject({ status: 'cancelled', sprint_id: null })
  })

  test('closing freezes the hand-computed figures and carries D into a new next sprint', async () => {
    const { figures, next } = await closeSprint(db, lead, initiative, sprintId, 'next', '2026-09-11')
    expect(figures).toMatchObject({
      committed: 19,
      added: 3,
      removed: 1,
      cancelled: 8,
      completed: 11,
      carried: 2,
      carriedItems: [ids.D],
      predictability: 8 / 11,
    })
    expect(next).toMatchObject({ number: 2 })
    nextId = next!.id
    const nextSprint = (await getSprint(db, initiative.id, nextId))!
    expect(nextSprint).toMatchObject({ status: 'planning', start_date: '2026-09-12', end_date: '2026-09-16' })
    const carried = await listSprintItems(db, nextId)
    expect(carried.map((i) => [i.id, i.committed])).toEqual([[ids.D, true]])
    expect((await listPlanChanges(db, nextId)).map((c) => c.change)).toEqual(['carried'])
    const closed = (await getSprint(db, initiative.id, sprintId))!
    expect(closed.snapshot!.burndown.remaining).toEqual([19, 14, 9, 5, 2])
    expect(closed.snapshot!.carriedTo).toBe('next')
    expect((await listSprintItems(db, sprintId)).find((i) => i.id === ids.D)!.carried_over).toBe(true)
  })

  test('a closed sprint never changes, even when its items do later', async () => {
    await addToPlan(db, lead, initiative.id, nextId, { item_id: ids.F!, reason: '' })
    await startSprint(db, lead, initiative.id, nextId)
    await changeRunningSprint(db, lead, initiative.id, nextId, 'done', { item_id: ids.D! }, '2026-09-13')
    await closeSprint(db, lead, initiative, nextId, 'backlog', '2026-09-16')
    const first = (await getSprint(db, initiative.id, sprintId))!
    const report = sprintReport(first, await listSprintItems(db, sprintId), '2026-12-01')
    expect(report.figures).toMatchObject({ completed: 11, carried: 2 })
    expect(report.burndown.remaining).toEqual([19, 14, 9, 5, 2])
    await expect(
      changeRunningSprint(db, lead, initiative.id, sprintId, 'done', { item_id: ids.D! }, '2026-09-11'),
    ).rejects.toBeInstanceOf(DomainError)
  })

  test('second sprint: D done (2 of 3 committed), F carried back to the backlog', async () => {
    const second = (await getSprint(db, initiative.id, nextId))!
    expect(second.snapshot!.figures).toMatchObject({
      committed: 3,
      completed: 2,
      carried: 1,
      carriedItems: [ids.F],
    })
    expect(second.snapshot!.carriedTo).toBe('backlog')
    const backlog = await listBacklog(db, initiative.id)
    expect(backlog.find((i) => i.id === ids.F)).toMatchObject({ status: 'todo', sprint_id: null })
  })

  test('velocity and predictability for the sponsor’s view', async () => {
    const summary = await sprintPredictability(db, initiative.id, 3)
    // (8 + 2) ÷ ((19 − 8) + 3); velocity (11 + 2) ÷ 2
    expect(summary).toMatchObject({ sprintCount: 2, averageVelocity: 6.5, predictability: 10 / 14 })
    expect(summary.sprints.map((s) => [s.number, s.committed, s.completed])).toEqual([
      [1, 19, 11],
      [2, 3, 2],
    ])
    const closed = await sprintsClosedBetween(
      db,
      new Date(Date.now() - 60_000),
      new Date(Date.now() + 60_000),
    )
    expect(closed.filter((s) => s.initiative_id === initiative.id).map((s) => s.number)).toEqual([1, 2])
    expect(await sprintsClosedBetween(db, '2000-01-01', '2000-02-01')).toEqual([])
  })

  test('sprints may not overlap, and only one is planned at a time', async () => {
    await expect(
      planSprint(db, lead, initiative, { start_date: '2026-09-16', goal: '' }),
    ).rejects.toMatchObject({
      code: 'delivery.error.overlap',
    })
    await planSprint(db, lead, initiative, { start_date: '2026-09-17', goal: '' })
    await expect(
      planSprint(db, lead, initiative, { start_date: '2026-10-01', goal: '' }),
    ).rejects.toMatchObject({
      code: 'delivery.error.planningExists',
    })
  })
})
