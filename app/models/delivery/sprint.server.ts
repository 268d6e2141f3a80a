import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { SprintSnapshot } from '~/models/delivery/tables'
import { actorOf, audit, latestAuditBefore } from '../foundation/audit.server'
import { feedbackTitles } from '../eet/cited-feedback.server'
import { checkFeedbackIds, linkFeedback } from './backlog.server'
import { burndown, clampToSprint, nextSprintStart, sprintFigures, type SprintEntry } from './burndown'
import { addDays } from '~/utils/calendar'
import type { PlanChangeInput, PlanSprintInput, ScopeChangeInput } from './delivery.schema'
import { DomainError } from '~/utils/domain-error'
import { effectiveDay } from './effective-date'
import { checkDateWindow } from '~/utils/date-window'
import { programDateWindow } from '../foundation/reporting-program.server'
import { getDeliverySettings } from './settings.server'
import { velocitySummary } from './velocity'

// Sprints with a fixed scope. Planning commits backlog items (each plan change recorded with its reason
// and the feedback that caused it); starting freezes the committed scope and its points; afterwards every
// addition, removal, cancellation and completion is a dated record. Closing stores the figures and the
// burndown as a snapshot and carries unfinished work to the next sprint or back to the backlog.

export function listSprints(db: Executor, initiativeId: string) {
  return db
    .selectFrom('sprints')
    .select(['id', 'number', 'goal', 'start_date', 'end_date', 'status', 'snapshot', 'closed_at'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('number', 'desc')
    .execute()
}

export function getSprint(db: Executor, initiativeId: string, sprintId: string) {
  return db
    .selectFrom('sprints')
    .select([
      'id',
      'number',
      'goal',
      'start_date',
      'end_date',
      'status',
      'snapshot',
      'started_at',
      'closed_at',
    ])
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', sprintId)
    .executeTakeFirst()
}

/** Every item's record in the sprint, with what the board shows about it. */
export async function listSprintItems(db: Executor, sprintId: string) {
  const rows = await db
    .selectFrom('sprint_items as si')
    .innerJoin('backlog_items as b', 'b.id', 'si.backlog_item_id')
    .select([
      'si.backlog_item_id as id',
      'b.title',
      'b.type',
      'b.estimate',
      'si.points',
      'si.committed',
      'si.added_on',
      'si.done_on',
      'si.removed_on',
      'si.cancelled_on',
      'si.change_reason',
      'si.carried_over',
    ])
    .where('si.sprint_id', '=', sprintId)
    .orderBy('b.created_at')
    .execute()
  return rows
}

export function entriesOf(rows: Awaited<ReturnType<typeof listSprintItems>>): SprintEntry[] {
  return rows.map((row) => ({
    itemId: row.id,
    title: row.title,
    points: row.points,
    committed: row.committed,
    addedOn: row.added_on,
    doneOn: row.done_on,
    removedOn: row.removed_on,
    cancelledOn: row.cancelled_on,
  }))
}

/** The chart and figures of a sprint: frozen for a closed one, live (as of today) for a running one. */
export function sprintReport(
  sprint: { status: string; start_date: string; end_date: string; snapshot: SprintSnapshot | null },
  rows: Awaited<ReturnType<typeof listSprintItems>>,
  today: string,
) {
  if (sprint.status === 'closed' && sprint.snapshot) return sprint.snapshot
  const entries = entriesOf(rows)
  if (sprint.status === 'planning') {
    const planned = entries.map((entry) => ({ ...entry, committed: true }))
    return {
      figures: sprintFigures(planned),
      burndown: burndown({
        startDate: sprint.start_date,
        endDate: sprint.end_date,
        entries: planned,
        asOf: '',
      }),
      carriedTo: null,
    }
  }
  return {
    figures: sprintFigures(entries),
    burndown: burndown({
      startDate: sprint.start_date,
      endDate: sprint.end_date,
      entries,
      asOf: today < sprint.start_date ? sprint.start_date : today,
    }),
    carriedTo: null,
  } satisfies SprintSnapshot
}

export function listPlanChanges(db: Executor, sprintId: string) {
  return db
    .selectFrom('sprint_plan_changes as c')
    .innerJoin('backlog_items as b', 'b.id', 'c.backlog_item_id')
    .leftJoin(feedbackTitles(db).as('f'), 'f.id', 'c.feedback_id')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .select([
      'c.id',
      'c.change',
      'c.reason',
      'c.created_at',
      'b.id as item_id',
      'b.title as item_title',
      'f.id as feedback_id',
      'f.title as feedback_title',
      'u.name as author',
    ])
    .where('c.sprint_id', '=', sprintId)
    .orderBy('c.created_at')
    .execute()
}

/** Velocity and predictability from the frozen figures of the last closed sprints. */
export async function sprintVelocity(db: Executor, initiativeId: string, lastN = 6) {
  const closed = await db
    .selectFrom('sprints')
    .select(['id', 'number', 'snapshot'])
    .where('initiative_id', '=', initiativeId)
    .where('status', '=', 'closed')
    .orderBy('number', 'desc')
    .limit(lastN)
    .execute()
  const sprints = closed
    .reverse()
    .map((sprint) => ({ id: sprint.id, number: sprint.number, ...sprint.snapshot!.figures }))
  return { sprints, summary: velocitySummary(sprints) }
}

async function lockSprint(
  trx: Executor,
  initiativeId: string,
  sprintId: string,
  status: 'planning' | 'active',
) {
  const sprint = await trx
    .selectFrom('sprints')
    .select(['id', 'number', 'status', 'start_date', 'end_date'])
    .where('id', '=', sprintId)
    .where('initiative_id', '=', initiativeId)
    .forUpdate()
    .executeTakeFirst()
  if (!sprint) throw new DomainError('delivery.error.noSprint')
  if (sprint.status !== status)
    throw new DomainError(status === 'planning' ? 'delivery.error.notPlanning' : 'delivery.error.notActive')
  return sprint
}

async function lockItem(trx: Executor, initiativeId: string, itemId: string) {
  const item = await trx
    .selectFrom('backlog_items')
    .select(['id', 'title', 'estimate', 'status', 'sprint_id'])
    .where('id', '=', itemId)
    .where('initiative_id', '=', initiativeId)
    .forUpdate()
    .executeTakeFirst()
  if (!item) throw new DomainError('errors.invalidChoice', { field: 'item_id' })
  return item
}

async function createSprint(
  trx: Executor,
  initiative: { id: string; program_id: string },
  startDate: string,
  goal: string,
) {
  const settings = await getDeliverySettings(trx, initiative.program_id)
  const last = await trx
    .selectFrom('sprints')
    .select(['number', 'end_date'])
    .where('initiative_id', '=', initiative.id)
    .orderBy('number', 'desc')
    .executeTakeFirst()
  if (last && startDate <= last.end_date)
    throw new DomainError('delivery.error.overlap', { field: 'start_date' })
  return trx
    .insertInto('sprints')
    .values({
      initiative_id: initiative.id,
      number: (last?.number ?? 0) + 1,
      goal,
      start_date: startDate,
      end_date: addDays(startDate, settings.sprint_length_days - 1),
    })
    .returning(['id', 'number', 'start_date', 'end_date'])
    .executeTakeFirstOrThrow()
}

export async function planSprint(
  db: Database,
  user: AuthUser,
  initiative: { id: string; program_id: string },
  input: PlanSprintInput,
) {
  return db.transaction().execute(async (trx) => {
    checkDateWindow(
      input.start_date,
      await programDateWindow(trx, initiative.program_id),
      input.confirm_far_date ?? false,
      'start_date',
    )
    await trx.selectFrom('initiatives').select('id').where('id', '=', initiative.id).forUpdate().execute()
    const planning = await trx
      .selectFrom('sprints')
      .select('id')
      .where('initiative_id', '=', initiative.id)
      .where('status', '=', 'planning')
      .executeTakeFirst()
    if (planning) throw new DomainError('delivery.error.planningExists')
    const sprint = await createSprint(trx, initiative, input.start_date, input.goal)
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.sprint.plan',
      entityType: 'sprint',
      entityId: sprint.id,
      after: { initiative_id: initiative.id, ...sprint, goal: input.goal },
    })
    return sprint
  })
}

/** Puts a backlog item into the plan of a sprint not started yet. */
export async function addToPlan(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  sprintId: string,
  input: PlanChangeInput,
) {
  return db.transaction().execute(async (trx) => {
    const sprint = await lockSprint(trx, initiativeId, sprintId, 'planning')
    const item = await lockItem(trx, initiativeId, input.item_id)
    if (item.status !== 'todo' || item.sprint_id)
      throw new DomainError('delivery.error.notInBacklog', { field: 'item_id' })
    const feedback = input.feedback_id ? [input.feedback_id] : []
    await checkFeedbackIds(trx, initiativeId, feedback)
    await trx
      .insertInto('sprint_items')
      .values({ sprint_id: sprint.id, backlog_item_id: item.id, points: item.estimate, committed: true })
      .onConflict((oc) => oc.columns(['sprint_id', 'backlog_item_id']).doUpdateSet({ points: item.estimate }))
      .execute()
    await trx
      .updateTable('backlog_items')
      .set({ sprint_id: sprint.id, updated_at: new Date() })
      .where('id', '=', item.id)
      .execute()
    await recordPlanChange(trx, user, sprint.id, item.id, 'added', input.reason, input.feedback_id ?? null)
    await linkFeedback(trx, item.id, feedback)
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.sprint.plan-add',
      entityType: 'sprint',
      entityId: sprint.id,
      after: {
        item_id: item.id,
        title: item.title,
        reason: input.reason,
        feedback_id: input.feedback_id ?? null,
      },
    })
  })
}

/** Takes an item out of the plan of a sprint not started yet, back to the backlog. */
export async function removeFromPlan(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  sprintId: string,
  input: PlanChangeInput,
) {
  return db.transaction().execute(async (trx) => {
    const sprint = await lockSprint(trx, initiativeId, sprintId, 'planning')
    const item = await lockItem(trx, initiativeId, input.item_id)
    if (item.sprint_id !== sprint.id)
      throw new DomainError('delivery.error.notInSprint', { field: 'item_id' })
    await checkFeedbackIds(trx, initiativeId, input.feedback_id ? [input.feedback_id] : [])
    await trx
      .deleteFrom('sprint_items')
      .where('sprint_id', '=', sprint.id)
      .where('backlog_item_id', '=', item.id)
      .execute()
    await trx
      .updateTable('backlog_items')
      .set({ sprint_id: null, updated_at: new Date() })
      .where('id', '=', item.id)
      .execute()
    await recordPlanChange(trx, user, sprint.id, item.id, 'removed', input.reason, input.feedback_id ?? null)
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.sprint.plan-remove',
      entityType: 'sprint',
      entityId: sprint.id,
      after: {
        item_id: item.id,
        title: item.title,
        reason: input.reason,
        feedback_id: input.feedback_id ?? null,
      },
    })
  })
}

async function recordPlanChange(
  trx: Executor,
  user: AuthUser | null,
  sprintId: string,
  itemId: string,
  change: 'added' | 'removed' | 'carried',
  reason: string,
  feedbackId: string | null,
) {
  await trx
    .insertInto('sprint_plan_changes')
    .values({
      sprint_id: sprintId,
      backlog_item_id: itemId,
      change,
      reason,
      feedback_id: feedbackId,
      created_by: user?.id ?? null,
    })
    .execute()
}

/** Starts a planned sprint: the committed scope and its points are frozen from here on. */
export async function startSprint(db: Database, user: AuthUser, initiativeId: string, sprintId: string) {
  return db.transaction().execute(async (trx) => {
    const sprint = await lockSprint(trx, initiativeId, sprintId, 'planning')
    const active = await trx
      .selectFrom('sprints')
      .select('id')
      .where('initiative_id', '=', initiativeId)
      .where('status', '=', 'active')
      .executeTakeFirst()
    if (active) throw new DomainError('delivery.error.activeExists')
    const committed = await trx
      .selectFrom('sprint_items as si')
      .innerJoin('backlog_items as b', 'b.id', 'si.backlog_item_id')
      .select(['b.id', 'b.estimate'])
      .where('si.sprint_id', '=', sprint.id)
      .execute()
    if (committed.length === 0) throw new DomainError('delivery.error.emptySprint')
    // The estimates at this moment are the commitment.
    for (const item of committed) {
      await trx
        .updateTable('sprint_items')
        .set({ points: item.estimate, committed: true })
        .where('sprint_id', '=', sprint.id)
        .where('backlog_item_id', '=', item.id)
        .execute()
    }
    await trx
      .updateTable('sprints')
      .set({ status: 'active', started_at: new Date() })
      .where('id', '=', sprint.id)
      .execute()
    const points = committed.reduce((sum, item) => sum + item.estimate, 0)
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.sprint.start',
      entityType: 'sprint',
      entityId: sprint.id,
      after: { items: committed.map((item) => item.id), committed_points: points },
    })
    return { committedPoints: points }
  })
}

export type ScopeAction = 'add' | 'remove' | 'cancel' | 'done'

/**
 * Changes a running sprint: add a backlog item (scope change), remove an item back to the backlog,
 * cancel it, or mark it done. The day is today clamped into the sprint. Nothing is deleted.
 */
export async function changeRunningSprint(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  sprintId: string,
  action: ScopeAction,
  input: ScopeChangeInput | { item_id: string; reason?: undefined; effective_on?: string },
  on: string,
) {
  return db.transaction().execute(async (trx) => {
    const sprint = await lockSprint(trx, initiativeId, sprintId, 'active')
    const item = await lockItem(trx, initiativeId, input.item_id)
    const record = await trx
      .selectFrom('sprint_items')
      .selectAll()
      .where('sprint_id', '=', sprint.id)
      .where('backlog_item_id', '=', item.id)
      .executeTakeFirst()
    // The day it happened: given after the fact or today; not before the sprint (or the item's
    // arrival in it) began, and a sprint run past its end counts it on its last day.
    const began =
      record?.added_on && record.added_on > sprint.start_date ? record.added_on : sprint.start_date
    const day = clampToSprint(effectiveDay(input.effective_on, on, began), sprint.start_date, sprint.end_date)
    const reason = input.reason ?? null
    // What a removal or a cancellation replaces, kept in its audit row so that undo restores it exactly.
    const before =
      action === 'remove' || action === 'cancel'
        ? { change_reason: record?.change_reason ?? null }
        : undefined
    if (action === 'add') {
      if (item.status !== 'todo' || item.sprint_id || record)
        throw new DomainError('delivery.error.notInBacklog', { field: 'item_id' })
      await trx
        .insertInto('sprint_items')
        .values({
          sprint_id: sprint.id,
          backlog_item_id: item.id,
          points: item.estimate,
          committed: false,
          added_on: day,
          change_reason: reason,
        })
        .execute()
      await trx
        .updateTable('backlog_items')
        .set({ sprint_id: sprint.id, updated_at: new Date() })
        .where('id', '=', item.id)
        .execute()
    } else {
      const live = record && !record.removed_on && !record.cancelled_on
      if (!live) throw new DomainError('delivery.error.notInSprint', { field: 'item_id' })
      if (action === 'done') {
        if (record.done_on) throw new DomainError('delivery.error.alreadyDone', { field: 'item_id' })
        await trx
          .updateTable('sprint_items')
          .set({ done_on: day })
          .where('sprint_id', '=', sprint.id)
          .where('backlog_item_id', '=', item.id)
          .execute()
        await trx
          .updateTable('backlog_items')
          .set({ status: 'done', updated_at: new Date() })
          .where('id', '=', item.id)
          .execute()
      } else {
        if (record.done_on) throw new DomainError('delivery.error.alreadyDone', { field: 'item_id' })
        await trx
          .updateTable('sprint_items')
          .set(
            action === 'remove'
              ? { removed_on: day, change_reason: reason }
              : { cancelled_on: day, change_reason: reason },
          )
          .where('sprint_id', '=', sprint.id)
          .where('backlog_item_id', '=', item.id)
          .execute()
        await trx
          .updateTable('backlog_items')
          .set({
            sprint_id: null,
            status: action === 'cancel' ? 'cancelled' : 'todo',
            updated_at: new Date(),
          })
          .where('id', '=', item.id)
          .execute()
      }
    }
    await audit(trx, {
      actor: actorOf(user),
      action: `delivery.sprint.${action}`,
      entityType: 'sprint',
      entityId: sprint.id,
      before,
      after: {
        item_id: item.id,
        title: item.title,
        points: record?.points ?? item.estimate,
        on: day,
        recorded_on: on,
        reason,
      },
    })
  })
}

/**
 * Undoes a removal or a cancellation from the running sprint: the item is back in the sprint as it
 * was (committed or added on its day, its points and earlier reason), so the burndown no longer counts
 * the change. Only while nothing else happened to the item since (it is still out of every sprint).
 */
export async function restoreSprintItem(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  sprintId: string,
  itemId: string,
  on: string,
) {
  return db.transaction().execute(async (trx) => {
    const sprint = await lockSprint(trx, initiativeId, sprintId, 'active')
    const item = await lockItem(trx, initiativeId, itemId)
    const record = await trx
      .selectFrom('sprint_items')
      .selectAll()
      .where('sprint_id', '=', sprint.id)
      .where('backlog_item_id', '=', item.id)
      .executeTakeFirst()
    const leftAs = record?.cancelled_on ? 'cancelled' : 'todo'
    const taken = record && !record.done_on && (record.removed_on || record.cancelled_on)
    if (!taken || item.sprint_id || item.status !== leftAs)
      throw new DomainError('delivery.error.cannotRestore', { field: 'item_id' })
    const change = await latestAuditBefore(trx, {
      entityType: 'sprint',
      entityId: sprint.id,
      actions: ['delivery.sprint.remove', 'delivery.sprint.cancel'],
      subject: ['item_id', item.id],
    })
    const previous = change as { change_reason?: string | null } | null
    await trx
      .updateTable('sprint_items')
      .set({ removed_on: null, cancelled_on: null, change_reason: previous?.change_reason ?? null })
      .where('sprint_id', '=', sprint.id)
      .where('backlog_item_id', '=', item.id)
      .execute()
    await trx
      .updateTable('backlog_items')
      .set({ sprint_id: sprint.id, status: 'todo', updated_at: new Date() })
      .where('id', '=', item.id)
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.sprint.restore',
      entityType: 'sprint',
      entityId: sprint.id,
      before: {
        item_id: item.id,
        removed_on: record.removed_on,
        cancelled_on: record.cancelled_on,
        change_reason: record.change_reason,
      },
      after: { item_id: item.id, title: item.title, recorded_on: on },
    })
  })
}

/**
 * Closes a running sprint. Its figures and burndown are computed once, here, and stored; unfinished
 * work is carried to the next sprint (planned now if none is) or back to the backlog, and recorded.
 */
export async function closeSprint(
  db: Database,
  user: AuthUser,
  initiative: { id: string; program_id: string },
  sprintId: string,
  carryTo: 'next' | 'backlog',
  on: string,
  effectiveOn?: string,
) {
  return db.transaction().execute(async (trx) => {
    const sprint = await lockSprint(trx, initiative.id, sprintId, 'active')
    const rows = await listSprintItems(trx, sprint.id)
    const entries = entriesOf(rows)
    const figures = sprintFigures(entries)
    // Closed on the day it was (given after the fact, or today), which freezes the burndown there.
    const closedOn = effectiveDay(effectiveOn, on, sprint.start_date)
    const asOf = clampToSprint(closedOn, sprint.start_date, sprint.end_date)
    const snapshot: SprintSnapshot = {
      figures,
      burndown: burndown({ startDate: sprint.start_date, endDate: sprint.end_date, entries, asOf }),
      carriedTo: figures.carriedItems.length ? carryTo : null,
    }
    await trx
      .updateTable('sprints')
      .set({ status: 'closed', closed_at: new Date(), snapshot: JSON.stringify(snapshot) })
      .where('id', '=', sprint.id)
      .execute()
    await trx
      .updateTable('backlog_items')
      .set({ sprint_id: null, updated_at: new Date() })
      .where('sprint_id', '=', sprint.id)
      .execute()
    let next: { id: string; number: number } | null = null
    if (figures.carriedItems.length) {
      await trx
        .updateTable('sprint_items')
        .set({ carried_over: true })
        .where('sprint_id', '=', sprint.id)
        .where('backlog_item_id', 'in', figures.carriedItems)
        .execute()
      if (carryTo === 'next') {
        next =
          (await trx
            .selectFrom('sprints')
            .select(['id', 'number'])
            .where('initiative_id', '=', initiative.id)
            .where('status', '=', 'planning')
            .executeTakeFirst()) ??
          (await createSprint(trx, initiative, nextSprintStart(sprint.end_date), ''))
        const carried = rows.filter((row) => figures.carriedItems.includes(row.id))
        await trx
          .insertInto('sprint_items')
          .values(
            carried.map((row) => ({
              sprint_id: next!.id,
              backlog_item_id: row.id,
              points: row.estimate,
              committed: true,
            })),
          )
          .execute()
        await trx
          .updateTable('backlog_items')
          .set({ sprint_id: next.id })
          .where('id', 'in', figures.carriedItems)
          .execute()
        for (const row of carried) await recordPlanChange(trx, user, next.id, row.id, 'carried', '', null)
      }
    }
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.sprint.close',
      entityType: 'sprint',
      entityId: sprint.id,
      after: { figures, carried_to: snapshot.carriedTo, next_sprint: next?.number ?? null },
    })
    return { figures, next }
  })
}
