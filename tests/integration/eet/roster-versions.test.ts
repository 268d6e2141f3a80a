import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { addEetMembers } from '~/models/eet/eet.server'
import { importRoster, planRosterImport } from '~/models/eet/roster-import.server'
import {
  confirmRosterImport,
  listRosterImports,
  stageRosterImport,
  undoRosterImport,
} from '~/models/eet/roster-version.server'
import { action as importAction } from '~/routes/roster.import'
import { db } from '~/utils/db.server'
import { createInitiative, createUser } from '#tests/factories'
import { rosterCsv, type RosterRow } from '#tests/factories/roster'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// The incident: a 3-row roster file imported with one click marked 331 reps as left and ended every EET
// membership of the pilot (18 → 0), with no undo. 334 reps here: the file names 3 of them.

const FORCE = 334
const EET = 18

function rep(n: number, team = `Team ${n % 20}`): RosterRow {
  return {
    seller_id: `R${String(n).padStart(4, '0')}`,
    name: `Rep ${n}`,
    email: `rep${n}@example.test`,
    region: ['North', 'South'][n % 2]!,
    segment: 'SMB',
    team,
    manager_id: n % 10 === 0 ? '' : `R${String(n - (n % 10)).padStart(4, '0')}`,
    hire_date: '2020-03-01',
    role: n % 10 === 0 ? 'Frontline manager' : 'Account executive',
    tech_affinity: 'unknown',
    eligible: 'true',
  }
}
const everyone = Array.from({ length: FORCE }, (_, n) => rep(n))
// Reps 0, 1 and 2 (manager 0 and two reports), one of them in a new team.
const threeRows = rosterCsv([rep(0), rep(1, 'Team renamed'), rep(2)])

async function snapshot() {
  return {
    sellers: (await sql`select * from sellers order by seller_id`.execute(db)).rows,
    stints: (await sql`select * from eet_members order by id`.execute(db)).rows,
    access: (
      await sql`select initiative_id, user_id, kind from initiative_members where kind = 'eet' order by 1, 2`.execute(
        db,
      )
    ).rows,
  }
}

const count = async (table: 'sellers' | 'audit_log' | 'roster_imports') =>
  Number((await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

let admin: { id: string; email: string }
let initiativeId: string

beforeEach(async () => {
  await db.deleteFrom('roster_imports').execute()
  await db.deleteFrom('eet_members').execute()
  await db.deleteFrom('initiative_members').where('kind', '=', 'eet').execute()
  await db.deleteFrom('sellers').execute()
  admin = await createUser({ role: 'admin' })
  await importRoster(db, admin, rosterCsv(everyone), { mode: 'all_or_nothing', locale: 'en' })
  const lead = await createUser({ role: 'lead' })
  initiativeId = (await createInitiative({ leadId: lead.id, name: 'Daily Recommender pilot' })).id
  // The pilot's 18 EET members are reps 100…117; two of them are portal users (EET access follows).
  const pilotReps = await db
    .selectFrom('sellers')
    .select('id')
    .where('seller_id', '>=', 'R0100')
    .where('seller_id', '<=', 'R0117')
    .execute()
  for (const seller_id of ['R0100', 'R0101']) {
    const user = await createUser({ role: 'eet_member' })
    await db.updateTable('sellers').set({ user_id: user.id }).where('seller_id', '=', seller_id).execute()
  }
  await addEetMembers(db, lead, initiativeId, {
    sellerIds: pilotReps.map((row) => row.id),
    joinedOn: '2026-09-01',
  })
})

describe('the 3-row roster file', () => {
  test('without the full-roster choice it only updates its rows: nobody leaves, the EET keeps 18', async () => {
    const plan = await planRosterImport(db, threeRows, 'en')
    expect(plan).toMatchObject({ create: 0, update: 1, unchanged: 2, absent: FORCE - 3, markLeft: 0 })
    expect(plan.needsLeaverConfirmation).toBe(false)
    expect(plan.effects.stintCount).toBe(0)
    expect(plan.effects.changed).toEqual([
      {
        seller_id: 'R0001',
        name: 'Rep 1',
        changes: [{ field: 'team', before: 'Team 1', after: 'Team renamed' }],
      },
    ])
    await importRoster(db, admin, threeRows, { mode: 'all_or_nothing', locale: 'en' })
    const left = await db.selectFrom('sellers').select('id').where('left_at', 'is not', null).execute()
    expect(left).toEqual([])
    const open = await db.selectFrom('eet_members').select('id').where('left_on', 'is', null).execute()
    expect(open).toHaveLength(EET)
  })

  test('with the full-roster choice it previews 331 leavers and 18 ended memberships and writes nothing unconfirmed', async () => {
    const before = await snapshot()
    const audits = await count('audit_log')
    const plan = await planRosterImport(db, threeRows, 'en', { mode: 'all_or_nothing', fullRoster: true })
    expect(plan).toMatchObject({ markLeft: FORCE - 3, salesForce: FORCE, needsLeaverConfirmation: true })
    expect(plan.effects.stintCount).toBe(EET)
    expect(plan.effects.pilots).toEqual([
      { initiativeId, name: 'Daily Recommender pilot', before: EET, after: 0 },
    ])
    // Rep 0 stays and manages reps 1…9: the leaving managers are 10, 20, …, 330 with 9 reports each
    // — but their reports leave too, so no leaving manager keeps a staying report.
    expect(plan.effects.managersLeaving).toEqual([])

    for (const confirmLeavers of [undefined, 330, 18])
      await expect(
        importRoster(db, admin, threeRows, {
          mode: 'all_or_nothing',
          locale: 'en',
          fullRoster: true,
          confirmLeavers,
        }),
      ).rejects.toMatchObject({ code: 'eet.import.error.confirmLeavers', field: 'confirm_leavers' })
    expect(await snapshot()).toEqual(before)
    expect(await count('audit_log')).toBe(audits)
    expect(await count('roster_imports')).toBe(1)
  })

  test('confirmed, then undone: sellers, EET memberships and EET access come back exactly (whole rows)', async () => {
    const before = await snapshot()
    const result = await importRoster(db, admin, threeRows, {
      mode: 'all_or_nothing',
      locale: 'en',
      fullRoster: true,
      confirmLeavers: FORCE - 3,
    })
    expect(result.applied).toBe(true)
    const after = await snapshot()
    expect(after.stints.filter((row) => (row as { left_on: unknown }).left_on === null)).toEqual([])
    expect(after.access).toEqual([])
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'roster')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ action: 'roster.import', entity_id: result.importId })

    const [latest] = await listRosterImports(db)
    expect(latest).toMatchObject({ id: result.importId, undoable: true })
    const undone = await undoRosterImport(db, admin, result.importId!)
    expect(undone).toEqual({ restoredSellers: FORCE - 3 + 1, removedSellers: 0, reopenedStints: EET })
    expect(await snapshot()).toEqual(before)
    const undoAudit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_label'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(undoAudit).toEqual({
      action: 'roster.import.undo',
      entity_id: result.importId,
      actor_label: admin.email,
    })
    await expect(undoRosterImport(db, admin, result.importId!)).rejects.toMatchObject({
      code: 'eet.import.undo.already',
    })
  })

  test('an undo removes the reps an import created, and refuses when one of them is used since', async () => {
    const before = await snapshot()
    const added = await importRoster(db, admin, rosterCsv([...everyone, rep(900), rep(901)]), {
      mode: 'all_or_nothing',
      locale: 'en',
    })
    expect(await count('sellers')).toBe(FORCE + 2)
    const user = await createUser({ role: 'eet_member' })
    await db.updateTable('sellers').set({ user_id: user.id }).where('seller_id', '=', 'R0900').execute()
    const audits = await count('audit_log')
    await expect(undoRosterImport(db, admin, added.importId!)).rejects.toMatchObject({
      code: 'eet.import.undo.createdInUse',
      status: 409,
    })
    expect(await count('audit_log')).toBe(audits)
    await db.updateTable('sellers').set({ user_id: null }).where('seller_id', '=', 'R0900').execute()
    await undoRosterImport(db, admin, added.importId!)
    expect(await snapshot()).toEqual(before)
  })

  test('undo is refused after 7 days and for an import that is not the latest', async () => {
    const first = await importRoster(db, admin, threeRows, { mode: 'all_or_nothing', locale: 'en' })
    const second = await importRoster(db, admin, rosterCsv([rep(3, 'Other team')]), {
      mode: 'all_or_nothing',
      locale: 'en',
    })
    await expect(undoRosterImport(db, admin, first.importId!)).rejects.toMatchObject({
      code: 'eet.import.undo.notLatest',
    })
    await db
      .updateTable('roster_imports')
      .set({ applied_at: sql<Date>`now() - interval '7 days 1 minute'` })
      .where('id', '=', second.importId!)
      .execute()
    const before = await snapshot()
    await expect(undoRosterImport(db, admin, second.importId!)).rejects.toMatchObject({
      code: 'eet.import.undo.tooOld',
      status: 409,
    })
    expect(await snapshot()).toEqual(before)
    const listed = await listRosterImports(db)
    expect(listed.find((row) => row.id === second.importId)?.undoable).toBe(false)
  })
})

describe('preview, then confirm', () => {
  test('the confirm writes the previewed file only, for its own importer, while the roster is as previewed', async () => {
    const staged = await stageRosterImport(db, admin, threeRows, {
      mode: 'all_or_nothing',
      fullRoster: false,
      locale: 'en',
    })
    expect(staged.importId).toBeTruthy()
    const other = await createUser({ role: 'admin' })
    await expect(
      confirmRosterImport(db, other, { importId: staged.importId!, locale: 'en' }),
    ).rejects.toMatchObject({ code: 'eet.import.error.pendingGone' })
    // The roster moves after the preview: the diff is no longer the one shown.
    await db.updateTable('sellers').set({ team: 'Moved' }).where('seller_id', '=', 'R0002').execute()
    await expect(
      confirmRosterImport(db, admin, { importId: staged.importId!, locale: 'en' }),
    ).rejects.toMatchObject({ code: 'eet.import.error.stale' })
    await db.updateTable('sellers').set({ team: 'Team 2' }).where('seller_id', '=', 'R0002').execute()
    await confirmRosterImport(db, admin, { importId: staged.importId!, locale: 'en' })
    const renamed = await db
      .selectFrom('sellers')
      .select('team')
      .where('seller_id', '=', 'R0001')
      .executeTakeFirstOrThrow()
    expect(renamed.team).toBe('Team renamed')
    await expect(
      confirmRosterImport(db, admin, { importId: staged.importId!, locale: 'en' }),
    ).rejects.toMatchObject({ code: 'eet.import.error.pendingGone' })
  })

  test('the page: preview writes nothing; confirm needs the typed number of leavers; undo asks first', async () => {
    const cookie = await sessionCookieFor(admin.id)
    const post = (fields: Record<string, string>, file?: string) => {
      const body = new FormData()
      for (const [name, value] of Object.entries(fields)) body.append(name, value)
      if (file) body.append('file', new File([file], 'roster.csv', { type: 'text/csv' }))
      return run(importAction, buildRequest('/roster/import', { cookie, body }))
    }
    const before = await snapshot()
    const preview = (await post({ intent: 'preview', full_roster: 'on' }, threeRows)) as {
      data: { importId: string; plan: { markLeft: number; needsLeaverConfirmation: boolean } }
    }
    expect(statusOf(preview)).toBe(200)
    expect(preview.data.plan).toMatchObject({ markLeft: FORCE - 3, needsLeaverConfirmation: true })
    expect(await snapshot()).toEqual(before)

    const untyped = (await post({ intent: 'confirm', import_id: preview.data.importId })) as {
      data: { fieldErrors: Record<string, string[]>; plan: unknown }
    }
    expect(statusOf(untyped)).toBe(400)
    expect(untyped.data.fieldErrors).toEqual({
      confirm_leavers: ['Type the number of reps who will be marked as left (331) to confirm.'],
    })
    expect(untyped.data.plan).toBeTruthy()
    expect(await snapshot()).toEqual(before)

    const confirmed = await post({
      intent: 'confirm',
      import_id: preview.data.importId,
      confirm_leavers: '331',
    })
    expect(statusOf(confirmed)).toBe(302)
    expect(await count('sellers')).toBe(FORCE)
    const [version] = await listRosterImports(db)

    const asked = (await post({ intent: 'undo', import_id: version!.id })) as {
      data: { confirmation: { fields: Record<string, string> } }
    }
    expect(statusOf(asked)).toBe(200)
    expect(asked.data.confirmation.fields).toEqual({ intent: 'undo', import_id: version!.id })
    expect((await listRosterImports(db))[0]!.status).toBe('applied')
    const undone = await post({ intent: 'undo', import_id: version!.id, confirm: 'yes' })
    expect(statusOf(undone)).toBe(302)
    expect(await snapshot()).toEqual(before)
  })
})
