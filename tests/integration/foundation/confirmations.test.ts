import { describe, expect, test } from 'vitest'
import { createBacklogItem } from '~/models/delivery/backlog.server'
import { saveDeliverySettings } from '~/models/delivery/settings.server'
import { addToPlan, planSprint, startSprint } from '~/models/delivery/sprint.server'
import { action as userAction } from '~/routes/admin.users.$userId'
import { action as caseAction } from '~/routes/initiatives.$initiativeId.case._index'
import { action as feedbackAction } from '~/routes/initiatives.$initiativeId.feedback.$feedbackId'
import { action as gatesAction } from '~/routes/initiatives.$initiativeId.gates'
import { action as initiativeAction } from '~/routes/initiatives.$initiativeId._index'
import { action as sprintAction } from '~/routes/initiatives.$initiativeId.sprints.$sprintId'
import { action as approvalsAction } from '~/routes/portfolio.approvals'
import { action as programAction } from '~/routes/programs.$programId._index'
import { todayIn } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { popToast, type Toast } from '~/utils/toast.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, ORIGIN, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import { addCase, addGate } from '../sponsor/helpers'

// Every destructive post runs only with confirm=yes (the dialog's, or the no-JavaScript step's): without
// it the action writes nothing and answers the confirmation with the posted values; with it the change
// is made, and where the model can reverse it the toast's Undo restores what was there exactly.

type Asked = { data: { confirmation: { fields: Record<string, string> }; result: { initialValue: unknown } } }

/** The toast a redirect carries (its flash cookie, read back as the next request would). */
async function toastOf(response: unknown) {
  const setCookie = (response as Response).headers.get('Set-Cookie')!
  const { toast } = await popToast(new Request(ORIGIN, { headers: { Cookie: setCookie.split(';')[0]! } }))
  return toast as Toast
}

async function setup() {
  const admin = await createUser({ role: 'admin' })
  const lead = await createUser({ role: 'lead' })
  const sponsor = await createUser({ role: 'sponsor' })
  const program = await createProgram()
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  return { admin, lead, sponsor, program, initiative, params: { initiativeId: initiative.id } }
}

/** Posts `form` twice: without confirm=yes (asked, nothing written) and with it (done, 302). */
async function askThenConfirm(
  act: Parameters<typeof run>[0],
  path: string,
  cookie: string,
  form: Record<string, string>,
  params: Record<string, string>,
  unchanged: () => Promise<void>,
) {
  const asked = (await run(act, buildRequest(path, { cookie, form }), params)) as Asked
  expect(statusOf(asked), path).toBe(200)
  expect(asked.data.confirmation.fields).toMatchObject(form)
  await unchanged()
  const done = await run(act, buildRequest(path, { cookie, form: { ...form, confirm: 'yes' } }), params)
  expect(statusOf(done), path).toBe(302)
  return { asked, done }
}

describe('destructive changes ask first', () => {
  test('removing an item from a running sprint asks, and its undo puts it back exactly', async () => {
    const { admin, lead, program, initiative, params } = await setup()
    await saveDeliverySettings(db, admin, {
      program_id: program.id,
      frame_hours: 10,
      design_working_days: 10,
      pilot_weeks: 10,
      sprint_length_days: 14,
    })
    const sprint = await planSprint(db, lead, initiative, { start_date: todayIn('UTC'), goal: '' })
    const item = await createBacklogItem(db, lead, initiative.id, {
      title: 'Explain each recommendation',
      type: 'story',
      estimate: 5,
      feedback_id: [],
    })
    await addToPlan(db, lead, initiative.id, sprint.id, {
      item_id: item.id,
      reason: '',
      feedback_id: undefined,
    })
    await startSprint(db, lead, initiative.id, sprint.id)
    const snapshot = async () => ({
      record: await db
        .selectFrom('sprint_items')
        .selectAll()
        .where('backlog_item_id', '=', item.id)
        .executeTakeFirstOrThrow(),
      backlog: await db
        .selectFrom('backlog_items')
        .select(['status', 'sprint_id'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow(),
    })
    const before = await snapshot()
    const cookie = await sessionCookieFor(lead.id)
    const path = `/initiatives/${initiative.id}/sprints/${sprint.id}`
    const sprintParams = { ...params, sprintId: sprint.id }
    for (const intent of ['scope-remove', 'scope-cancel']) {
      const form = { intent, item_id: item.id, reason: 'The pilot reps asked for the digest first' }
      const { asked, done } = await askThenConfirm(sprintAction, path, cookie, form, sprintParams, async () =>
        expect(await snapshot()).toEqual(before),
      )
      // Without JavaScript the form comes back with what was typed around its confirmation step.
      expect(asked.data.result.initialValue).toMatchObject({ reason: form.reason })
      const taken = await snapshot()
      expect(taken.backlog).toEqual({
        status: intent === 'scope-cancel' ? 'cancelled' : 'todo',
        sprint_id: null,
      })
      const toast = await toastOf(done)
      expect(toast.undo).toEqual({ action: path, fields: { intent: 'scope-restore', item_id: item.id } })
      expect(
        statusOf(
          await run(sprintAction, buildRequest(path, { cookie, form: toast.undo!.fields }), sprintParams),
        ),
      ).toBe(302)
      expect(await snapshot()).toEqual(before)
      // Undone once: a second undo has nothing to put back, and says so next to the item.
      const again = (await run(
        sprintAction,
        buildRequest(path, { cookie, form: toast.undo!.fields }),
        sprintParams,
      )) as { data: { fieldErrors: Record<string, string[]> } }
      expect(statusOf(again)).toBe(400)
      expect(again.data.fieldErrors).toEqual({
        item_id: ['That item cannot be put back: something else happened to it since.'],
      })
    }
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', sprint.id)
      .where('action', 'in', ['delivery.sprint.remove', 'delivery.sprint.cancel', 'delivery.sprint.restore'])
      .orderBy('id')
      .execute()
    expect(audited.map((row) => row.action)).toEqual([
      'delivery.sprint.remove',
      'delivery.sprint.restore',
      'delivery.sprint.cancel',
      'delivery.sprint.restore',
    ])
  }, 90_000)

  test('rejecting a case or a gate asks, on its page and in the approvals inbox; other decisions do not', async () => {
    const { lead, sponsor, initiative, params } = await setup()
    const cookie = await sessionCookieFor(sponsor.id)
    const caseId = await addCase(initiative.id, 'submitted', lead.id)
    const caseStatus = async () =>
      (
        await db
          .selectFrom('business_cases')
          .select('status')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).status
    const casePath = `/initiatives/${initiative.id}/case`
    const decision = { intent: 'decide', decision: 'rejected', note: 'The value rests on one region.' }
    await askThenConfirm(caseAction, casePath, cookie, decision, params, async () =>
      expect(await caseStatus()).toBe('submitted'),
    )
    expect(await caseStatus()).toBe('rejected')

    const gate = await addGate(initiative.id, 'pending', null)
    const gateStatus = async () =>
      (
        await db
          .selectFrom('stage_gates')
          .select('status')
          .where('id', '=', gate.id)
          .executeTakeFirstOrThrow()
      ).status
    const gateForm = {
      intent: 'decide',
      gate_id: gate.id,
      decision: 'rejected',
      decision_date: todayIn('UTC'),
      decision_notes: 'No frame outcome yet.',
    }
    const gatesPath = `/initiatives/${initiative.id}/gates`
    await askThenConfirm(gatesAction, gatesPath, cookie, gateForm, params, async () =>
      expect(await gateStatus()).toBe('pending'),
    )
    expect(await gateStatus()).toBe('rejected')

    // In the inbox: a rejection asks (and names its row); requesting changes does not.
    const second = await addGate(initiative.id, 'pending', null)
    const row = { intent: 'decide-gate', initiativeId: initiative.id, rowId: second.id, note: 'Not yet.' }
    const asked = (await run(
      approvalsAction,
      buildRequest('/portfolio/approvals', { cookie, form: { ...row, decision: 'rejected' } }),
    )) as Asked & { data: { rowId: string } }
    expect(statusOf(asked)).toBe(200)
    expect(asked.data.rowId).toBe(second.id)
    const changes = await run(
      approvalsAction,
      buildRequest('/portfolio/approvals', { cookie, form: { ...row, decision: 'changes_requested' } }),
    )
    expect(statusOf(changes)).toBe(302)
  }, 90_000)

  test('declining and merging feedback ask; an update to another status does not', async () => {
    const { lead, initiative } = await setup()
    const cookie = await sessionCookieFor(lead.id)
    const [a, b] = await Promise.all(
      ['Show why a customer is recommended', 'Explain the recommendation'].map(async (title) =>
        db
          .insertInto('pilot_feedback')
          .values({
            initiative_id: initiative.id,
            release: '0.3',
            kind: 'idea',
            usefulness: 4,
            ease: 3,
            recommend: 8,
            title,
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ),
    )
    const stateOf = async (id: string) =>
      db
        .selectFrom('pilot_feedback')
        .select(['status', 'merged_into'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    const at = (id: string) => ({
      path: `/initiatives/${initiative.id}/feedback/${id}`,
      params: { initiativeId: initiative.id, feedbackId: id },
    })
    const decline = { intent: 'status', status: 'declined', decline_reason: 'Quotes are out of scope.' }
    await askThenConfirm(feedbackAction, at(a!.id).path, cookie, decline, at(a!.id).params, async () =>
      expect(await stateOf(a!.id)).toEqual({ status: 'new', merged_into: null }),
    )
    expect((await stateOf(a!.id)).status).toBe('declined')
    const merge = { intent: 'merge', target_id: a!.id }
    await askThenConfirm(feedbackAction, at(b!.id).path, cookie, merge, at(b!.id).params, async () =>
      expect(await stateOf(b!.id)).toEqual({ status: 'new', merged_into: null }),
    )
    expect((await stateOf(b!.id)).merged_into).toBe(a!.id)
    const review = { intent: 'status', status: 'under_review', decline_reason: '' }
    const reviewed = await run(
      feedbackAction,
      buildRequest(at(a!.id).path, { cookie, form: review }),
      at(a!.id).params,
    )
    expect(statusOf(reviewed)).toBe(302)
  }, 90_000)

  test('disabling a user and archiving an initiative or a program ask, and their undo reverses them', async () => {
    const { admin, lead, program, initiative, params } = await setup()
    const cookie = await sessionCookieFor(admin.id)
    const disabledAt = async () =>
      (await db.selectFrom('users').select('disabled_at').where('id', '=', lead.id).executeTakeFirstOrThrow())
        .disabled_at
    const userPath = `/admin/users/${lead.id}`
    const disabled = await askThenConfirm(
      userAction,
      userPath,
      cookie,
      { intent: 'disable' },
      { userId: lead.id },
      async () => expect(await disabledAt()).toBeNull(),
    )
    expect(await disabledAt()).not.toBeNull()
    const userUndo = (await toastOf(disabled.done)).undo!
    expect(userUndo).toEqual({ action: userPath, fields: { intent: 'enable' } })
    await run(userAction, buildRequest(userPath, { cookie, form: userUndo.fields }), { userId: lead.id })
    expect(await disabledAt()).toBeNull()

    for (const [act, path, table, id, routeParams] of [
      [initiativeAction, `/initiatives/${initiative.id}`, 'initiatives', initiative.id, params],
      [programAction, `/programs/${program.id}`, 'programs', program.id, { programId: program.id }],
    ] as const) {
      const archivedAt = async () =>
        (await db.selectFrom(table).select('archived_at').where('id', '=', id).executeTakeFirstOrThrow())
          .archived_at
      const { done } = await askThenConfirm(act, path, cookie, { intent: 'archive' }, routeParams, async () =>
        expect(await archivedAt()).toBeNull(),
      )
      expect(await archivedAt()).not.toBeNull()
      const undo = (await toastOf(done)).undo!
      // An index route's own action: the undo posts to it, not to its parent layout.
      expect(undo).toEqual({ action: `${path}?index`, fields: { intent: 'restore' } })
      expect(
        statusOf(await run(act, buildRequest(undo.action, { cookie, form: undo.fields }), routeParams)),
      ).toBe(302)
      expect(await archivedAt()).toBeNull()
    }
  }, 90_000)
})
