import { describe, expect, test } from 'vitest'
import { actorOf } from '~/models/foundation/audit.server'
import { listInitiatives } from '~/models/foundation/initiative.server'
import { createProgram as createProgramModel } from '~/models/foundation/program.server'
import { action as editAction } from '~/routes/initiatives.$initiativeId.edit'
import { action as newAction } from '~/routes/initiatives.new'
import { db } from '~/utils/db.server'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

async function auditCount() {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('initiatives', () => {
  test('membership narrows what a lead and an EET member see; sponsors and viewers read all', async () => {
    const program = await createProgram()
    const lead = await createUser({ role: 'lead' })
    const otherLead = await createUser({ role: 'lead' })
    const eet = await createUser({ role: 'eet_member' })
    const viewer = await createUser({ role: 'viewer' })
    const sponsor = await createUser({ role: 'sponsor' })
    const mine = await createInitiative({ programId: program.id, leadId: lead.id })
    const onTeam = await createInitiative({ programId: program.id, leadId: otherLead.id })
    const elsewhere = await createInitiative({ programId: program.id, leadId: otherLead.id })
    await addMember(onTeam.id, lead.id, 'team')
    await addMember(elsewhere.id, eet.id, 'eet')
    const names = async (user: typeof lead) =>
      (await listInitiatives(db, user, { programId: program.id })).map((i) => i.id).sort()
    expect(await names(lead)).toEqual([mine.id, onTeam.id].sort())
    expect(await names(eet)).toEqual([elsewhere.id])
    expect(await names(viewer)).toHaveLength(3)
    expect(await names(sponsor)).toHaveLength(3)
  })

  test('a lead creates an initiative they lead, whatever lead the form names; it is audited', async () => {
    const program = await createProgram()
    const lead = await createUser({ role: 'lead' })
    const otherLead = await createUser({ role: 'lead' })
    const before = await auditCount()
    const response = (await run(
      newAction,
      buildRequest('/initiatives/new', {
        cookie: await sessionCookieFor(lead.id),
        form: {
          program_id: program.id,
          name: 'Next-best action',
          stage: 'frame',
          status: 'active',
          lead_id: otherLead.id,
        },
      }),
    )) as Response
    expect(response.status).toBe(302)
    const id = response.headers.get('Location')!.split('/').pop()!
    const created = await db
      .selectFrom('initiatives')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(created.lead_id).toBe(lead.id)
    expect(await auditCount()).toBe(before + 1)
    const row = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ action: 'initiative.create', actor_id: lead.id, before: null })
    expect(row.after).toMatchObject({ name: 'Next-best action', lead_id: lead.id })
  })

  test('bad input gets field errors and changes nothing', async () => {
    const program = await createProgram()
    const lead = await createUser({ role: 'lead' })
    const initiative = await createInitiative({ programId: program.id, leadId: lead.id, name: 'Original' })
    const before = await auditCount()
    const result = await run(
      editAction,
      buildRequest(`/initiatives/${initiative.id}/edit`, {
        cookie: await sessionCookieFor(lead.id),
        form: {
          program_id: program.id,
          name: '',
          stage: 'nowhere',
          status: 'active',
          start_date: '2027-02-01',
          target_date: '2027-01-01',
        },
      }),
      { initiativeId: initiative.id },
    )
    expect(statusOf(result)).toBe(400)
    const errors = (result as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors
    expect(Object.keys(errors).sort()).toEqual(['name', 'stage', 'target_date'])
    expect(errors.target_date).toEqual(['The end date must not be before the start date.'])
    const after = await db
      .selectFrom('initiatives')
      .select('name')
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(after.name).toBe('Original')
    expect(await auditCount()).toBe(before)
  })

  test('errors come in the user’s language', async () => {
    const program = await createProgram()
    const lead = await createUser({ role: 'lead' })
    await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', lead.id).execute()
    const result = await run(
      newAction,
      buildRequest('/initiatives/new', {
        cookie: await sessionCookieFor(lead.id),
        form: { program_id: program.id, name: '', stage: 'frame', status: 'active' },
      }),
    )
    expect((result as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.name).toEqual([
      '此欄位為必填。',
    ])
  })

  test('a sponsor must have the sponsor role', async () => {
    const program = await createProgram()
    const admin = await createUser({ role: 'admin' })
    const viewer = await createUser({ role: 'viewer' })
    const result = await run(
      newAction,
      buildRequest('/initiatives/new', {
        cookie: await sessionCookieFor(admin.id),
        form: { program_id: program.id, name: 'X', stage: 'frame', status: 'active', sponsor_id: viewer.id },
      }),
    )
    expect(statusOf(result)).toBe(400)
    expect(
      (result as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.sponsor_id,
    ).toHaveLength(1)
  })

  test('a change and its audit row commit together or not at all', async () => {
    const admin = await createUser({ role: 'admin' })
    const before = await auditCount()
    const programsBefore = (await db.selectFrom('programs').select('id').execute()).length
    // An audit payload that cannot be stored (a lone surrogate is invalid in jsonb) makes the audit insert fail.
    await expect(
      createProgramModel(db, actorOf(admin), {
        name: 'Atomic \ud800',
        description: '',
        reporting_timezone: 'UTC',
        date_window_days: 365,
      }),
    ).rejects.toThrow()
    expect((await db.selectFrom('programs').select('id').execute()).length).toBe(programsBefore)
    expect(await auditCount()).toBe(before)
  })
})
