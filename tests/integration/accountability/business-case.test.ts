import { describe, expect, test } from 'vitest'
import {
  approvedCaseValue,
  getCase,
  pendingDecisions,
  setFinanceAccess,
} from '~/models/accountability/business-case.server'
import { action as caseAction, loader as caseLoader } from '~/routes/initiatives.$initiativeId.case._index'
import { action as editAction } from '~/routes/initiatives.$initiativeId.case.edit'
import { loader as exportLoader } from '~/routes/initiatives.$initiativeId.case.export'
import { loader as versionsLoader } from '~/routes/initiatives.$initiativeId.case.versions'
import { loader as kpiLoader } from '~/routes/kpis.$kpiId._index'
import { db } from '~/utils/db.server'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// A lead builds a case, submits it; the sponsor decides; an approved version is locked and a change
// starts the next version. Every transition is audited.

const CASE_FORM = {
  context: 'Account executives spend hours deciding whom to call.',
  approach: 'Daily Recommender: next-best actions with explanations.',
  customer_value: 'Customers hear from us when they need us.',
  target_segments: 'Enterprise, Mid-market',
  data_systems: 'CRM, Licensing DB',
  discount_rate_pct: '10',
  horizon_years: '3',
  'benefits.0.name': 'Hours saved',
  'benefits.0.start_year': '1',
  'benefits.0.assumptions.0.name': 'Hours saved per rep per year',
  'benefits.0.assumptions.0.unit': 'h',
  'benefits.0.assumptions.0.value': '60',
  'benefits.0.assumptions.0.source': 'Pilot time study',
  'benefits.0.assumptions.1.name': 'Reps',
  'benefits.0.assumptions.1.value': '100',
  'benefits.0.assumptions.2.name': 'Loaded hourly cost',
  'benefits.0.assumptions.2.unit': 'USD',
  'benefits.0.assumptions.2.value': '20',
  'costs.0.name': 'Build',
  'costs.0.kind': 'one_off',
  'costs.0.year': '1',
  'costs.0.amount': '200000',
  'costs.1.name': 'Run',
  'costs.1.kind': 'recurring',
  'costs.1.year': '1',
  'costs.1.amount': '12000',
}

async function setup() {
  const program = await createProgram()
  const lead = await createUser({ role: 'lead' })
  const sponsor = await createUser({ role: 'sponsor' })
  const otherSponsor = await createUser({ role: 'sponsor' })
  const admin = await createUser({ role: 'admin' })
  const eet = await createUser({ role: 'eet_member' })
  const viewer = await createUser({ role: 'viewer' })
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  await addMember(initiative.id, eet.id, 'eet')
  const params = { initiativeId: initiative.id }
  const as = async (user: { id: string }) => sessionCookieFor(user.id)
  return { program, lead, sponsor, otherSponsor, admin, eet, viewer, initiative, params, as }
}

async function auditActions(initiativeId?: string) {
  let query = db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_type', '=', 'business_case')
    .orderBy('id')
  if (initiativeId) {
    const cases = await db
      .selectFrom('business_cases')
      .select('id')
      .where('initiative_id', '=', initiativeId)
      .execute()
    query = query.where(
      'entity_id',
      'in',
      cases.map((c) => c.id),
    )
  }
  return (await query.execute()).map((row) => row.action)
}

describe('business case workflow', () => {
  test('lead builds and submits; the sponsor approves; approved is locked; a change starts version 2', async () => {
    const { lead, sponsor, initiative, params, as } = await setup()
    const path = `/initiatives/${initiative.id}/case`
    const saved = await run(
      editAction,
      buildRequest(`${path}/edit`, { cookie: await as(lead), form: CASE_FORM }),
      params,
    )
    expect(statusOf(saved)).toBe(302)
    const v1 = await getCase(db, initiative.id)
    expect(v1).toMatchObject({ version: 1, status: 'draft', target_segments: ['Enterprise', 'Mid-market'] })
    expect(v1!.benefits[0]!.assumptions.map((a) => a.value)).toEqual([60, 100, 20])
    expect(v1!.figures.paybackMonth).toBe(23)
    expect(v1!.figures.npv).toBeCloseTo(86_761.83, 1)

    const submitted = await run(
      caseAction,
      buildRequest(path, { cookie: await as(lead), form: { intent: 'submit' } }),
      params,
    )
    expect(statusOf(submitted)).toBe(302)
    // Submitted: the lead can no longer change it.
    const locked = await run(
      editAction,
      buildRequest(`${path}/edit`, { cookie: await as(lead), form: CASE_FORM }),
      params,
    )
    expect(statusOf(locked)).toBe(409)
    // The sponsor sees it among their pending decisions.
    expect((await pendingDecisions(db, sponsor)).cases.map((c) => c.initiative_id)).toEqual([initiative.id])

    const approved = await run(
      caseAction,
      buildRequest(path, {
        cookie: await as(sponsor),
        form: { intent: 'decide', decision: 'approved', note: 'Go.' },
      }),
      params,
    )
    expect(statusOf(approved)).toBe(302)
    expect((await getCase(db, initiative.id))!.status).toBe('approved')
    expect(await approvedCaseValue(db, initiative.id)).toMatchObject({
      version: 1,
      paybackMonth: 23,
      totalCosts: 236_000,
    })

    // A change to the approved case becomes version 2; version 1 is untouched.
    const changed = { ...CASE_FORM, 'costs.0.amount': '250000' }
    expect(
      statusOf(
        await run(
          editAction,
          buildRequest(`${path}/edit`, { cookie: await as(lead), form: changed }),
          params,
        ),
      ),
    ).toBe(302)
    const [first, second] = [await getCase(db, initiative.id, 1), await getCase(db, initiative.id, 2)]
    expect(first).toMatchObject({ status: 'approved' })
    expect(first!.costs[0]!.amount).toBe(200_000)
    expect(second).toMatchObject({ status: 'draft' })
    expect(second!.costs[0]!.amount).toBe(250_000)
    // The approved value stays version 1's until version 2 is approved.
    expect((await approvedCaseValue(db, initiative.id))!.version).toBe(1)

    // Both versions side by side.
    const compared = (await run(
      versionsLoader,
      buildRequest(`${path}/versions?a=1&b=2`, { cookie: await as(sponsor) }),
      params,
    )) as {
      a: { version: number }
      b: { version: number }
      versions: unknown[]
    }
    expect([compared.a.version, compared.b.version, compared.versions.length]).toEqual([1, 2, 2])

    expect(await auditActions(initiative.id)).toEqual([
      'business-case.create',
      'business-case.submit',
      'business-case.approve',
      'business-case.create',
    ])
  }, 60_000)

  test('the author cannot approve their own case, nor can a sponsor of another initiative', async () => {
    const { admin, otherSponsor, sponsor, initiative, params, as } = await setup()
    const path = `/initiatives/${initiative.id}/case`
    await run(editAction, buildRequest(`${path}/edit`, { cookie: await as(admin), form: CASE_FORM }), params)
    await run(caseAction, buildRequest(path, { cookie: await as(admin), form: { intent: 'submit' } }), params)
    const decide = { intent: 'decide', decision: 'approved', note: '' }
    const own = await run(caseAction, buildRequest(path, { cookie: await as(admin), form: decide }), params)
    expect(statusOf(own)).toBe(409)
    const stranger = await run(
      caseAction,
      buildRequest(path, { cookie: await as(otherSponsor), form: decide }),
      params,
    )
    expect(statusOf(stranger)).toBe(403)
    expect((await getCase(db, initiative.id))!.status).toBe('submitted')
    // The admin's own case is not among the admin's pending decisions, but is among the sponsor's.
    expect((await pendingDecisions(db, admin)).cases).toEqual([])
    expect((await pendingDecisions(db, sponsor)).cases).toHaveLength(1)
    // Requesting changes needs a reason.
    const noReason = await run(
      caseAction,
      buildRequest(path, {
        cookie: await as(sponsor),
        form: { intent: 'decide', decision: 'changes_requested', note: '' },
      }),
      params,
    )
    expect(statusOf(noReason)).toBe(400)
    expect((noReason as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors).toHaveProperty(
      'note',
    )
    const sentBack = await run(
      caseAction,
      buildRequest(path, {
        cookie: await as(sponsor),
        form: { intent: 'decide', decision: 'changes_requested', note: 'Source the uplift.' },
      }),
      params,
    )
    expect(statusOf(sentBack)).toBe(302)
    // Sent back: the reviewed version 1 keeps its decision; the change becomes draft version 2.
    await run(editAction, buildRequest(`${path}/edit`, { cookie: await as(admin), form: CASE_FORM }), params)
    expect(await getCase(db, initiative.id, 1)).toMatchObject({ version: 1, status: 'changes_requested' })
    expect(await getCase(db, initiative.id)).toMatchObject({ version: 2, status: 'draft' })
  })

  test('a resubmitted case keeps the reviewed version intact: row, lines, decision and author', async () => {
    const { lead, sponsor, admin, initiative, params, as } = await setup()
    const path = `/initiatives/${initiative.id}/case`
    const post = async (user: { id: string }, url: string, form: Record<string, string>) =>
      statusOf(
        await run(
          url.endsWith('edit') ? editAction : caseAction,
          buildRequest(url, { cookie: await as(user), form }),
          params,
        ),
      )
    expect(await post(lead, `${path}/edit`, CASE_FORM)).toBe(302)
    expect(await post(lead, path, { intent: 'submit' })).toBe(302)
    expect(
      await post(sponsor, path, {
        intent: 'decide',
        decision: 'changes_requested',
        note: 'Source the uplift.',
      }),
    ).toBe(302)
    const snapshot = async () => {
      const row = await db
        .selectFrom('business_cases')
        .selectAll()
        .where('initiative_id', '=', initiative.id)
        .where('version', '=', 1)
        .executeTakeFirstOrThrow()
      const benefits = await db
        .selectFrom('business_case_benefits')
        .selectAll()
        .where('case_id', '=', row.id)
        .orderBy('position')
        .execute()
      const assumptions = await db
        .selectFrom('business_case_assumptions')
        .selectAll()
        .where(
          'benefit_id',
          'in',
          benefits.map((b) => b.id),
        )
        .orderBy('benefit_id')
        .orderBy('position')
        .execute()
      const costs = await db
        .selectFrom('business_case_costs')
        .selectAll()
        .where('case_id', '=', row.id)
        .orderBy('position')
        .execute()
      const comments = await db
        .selectFrom('business_case_comments')
        .selectAll()
        .where('case_id', '=', row.id)
        .orderBy('created_at')
        .execute()
      return { row, benefits, assumptions, costs, comments }
    }
    const reviewed = await snapshot()
    expect(reviewed.row).toMatchObject({
      status: 'changes_requested',
      author_id: lead.id,
      decided_by: sponsor.id,
    })

    // Another editor (the admin) changes a cost and resubmits: version 2 is what the sponsor now reviews.
    expect(
      await post(admin, `${path}/edit`, {
        ...CASE_FORM,
        'costs.0.amount': '150000',
        'costs.2.name': 'Training',
        'costs.2.kind': 'one_off',
        'costs.2.year': '2',
        'costs.2.amount': '5000',
      }),
    ).toBe(302)
    expect(await post(admin, path, { intent: 'submit' })).toBe(302)
    expect(await snapshot()).toEqual(reviewed)
    const v2 = await getCase(db, initiative.id)
    expect(v2).toMatchObject({
      version: 2,
      status: 'submitted',
      author_id: admin.id,
      decided_by: null,
      decider_name: null,
    })

    // Resubmitting a sent-back version without editing it copies it into the next version too.
    expect(
      await post(sponsor, path, { intent: 'decide', decision: 'changes_requested', note: 'Cheaper build?' }),
    ).toBe(302)
    const reviewed2 = await db
      .selectFrom('business_cases')
      .selectAll()
      .where('id', '=', v2!.id)
      .executeTakeFirstOrThrow()
    expect(await post(lead, path, { intent: 'submit' })).toBe(302)
    expect(
      await db.selectFrom('business_cases').selectAll().where('id', '=', v2!.id).executeTakeFirstOrThrow(),
    ).toEqual(reviewed2)
    const v3 = await getCase(db, initiative.id)
    expect(v3).toMatchObject({ version: 3, status: 'submitted', submitted_by: lead.id, decided_by: null })
    expect(v3!.costs.map((c) => c.amount)).toEqual([150_000, 12_000, 5_000])
    expect(await snapshot()).toEqual(reviewed)

    // The compare lists the field-level differences from version 1 to version 2 (hand-read from the forms).
    const compared = (await run(
      versionsLoader,
      buildRequest(`${path}/versions?a=2&b=1`, { cookie: await as(sponsor) }),
      params,
    )) as {
      diffs: {
        section: string
        subject: string[]
        field: string | null
        kind: string
        before: unknown
        after: unknown
      }[]
    }
    const lines = compared.diffs.filter((d) => d.section !== 'finance')
    expect(lines).toEqual([
      {
        section: 'cost',
        subject: ['Build'],
        field: 'amount',
        kind: 'changed',
        before: 200_000,
        after: 150_000,
      },
      {
        section: 'cost',
        subject: ['Training'],
        field: null,
        kind: 'added',
        before: null,
        after: 'one_off · 2 · 5000',
      },
    ])
    // Totals: costs 200 000 + 3 × 12 000 = 236 000 before; 150 000 + 36 000 + 5 000 = 191 000 after.
    expect(compared.diffs.find((d) => d.field === 'totalCosts')).toMatchObject({
      kind: 'changed',
      before: 236_000,
      after: 191_000,
    })
  })

  test('bad input gets field-level errors in the user’s language and writes nothing', async () => {
    const { lead, initiative, params, as } = await setup()
    const auditedBefore = (await auditActions()).length
    const bad = {
      ...CASE_FORM,
      context: '',
      horizon_years: '2',
      'benefits.0.assumptions.1.value': 'many',
      'costs.0.year': '3',
      'costs.1.kind': 'sometimes',
    }
    const result = await run(
      editAction,
      buildRequest(`/initiatives/${initiative.id}/case/edit`, {
        cookie: await as(lead),
        form: bad,
        headers: { 'Accept-Language': 'zh-TW' },
      }),
      params,
    )
    expect(statusOf(result)).toBe(400)
    const errors = (result as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors
    expect(Object.keys(errors).sort()).toEqual([
      'benefits.0.assumptions.1.value',
      'context',
      'costs.0.year',
      'costs.1.kind',
    ])
    expect(errors['costs.0.year']).toEqual(['此年度超出評估期間。'])
    expect(await getCase(db, initiative.id)).toBeNull()
    expect(await auditActions()).toHaveLength(auditedBefore)
  })

  test('financial lines: hidden from EET members and viewers, shown to a viewer with finance access', async () => {
    const { lead, eet, viewer, admin, initiative, params, as } = await setup()
    const path = `/initiatives/${initiative.id}/case`
    await run(editAction, buildRequest(`${path}/edit`, { cookie: await as(lead), form: CASE_FORM }), params)
    type Loaded = {
      businessCase: {
        figures: unknown
        costs: unknown[]
        benefits: { assumptions: unknown[] }[]
        context: string
      }
    }
    const view = async (user: { id: string }) =>
      ((await run(caseLoader, buildRequest(path, { cookie: await as(user) }), params)) as Loaded).businessCase
    for (const user of [eet, viewer]) {
      const seen = await view(user)
      expect(seen.context).toBe(CASE_FORM.context)
      expect(seen.figures).toBeNull()
      expect(seen.costs).toEqual([])
      expect(seen.benefits[0]!.assumptions).toEqual([])
      expect(
        statusOf(await run(exportLoader, buildRequest(`${path}/export`, { cookie: await as(user) }), params)),
      ).toBe(403)
    }
    await setFinanceAccess(db, admin, viewer.id, true)
    expect((await view(viewer)).figures).not.toBeNull()
    const exported = (await run(
      exportLoader,
      buildRequest(`${path}/export`, { cookie: await as(viewer) }),
      params,
    )) as Response
    expect(exported.status).toBe(200)
    const csv = await exported.text()
    expect(csv).toContain('summary,,payback_month,,23')
    expect(csv).toContain('cost,Build,one_off,1,200000')
  })

  test('a benefit line names the KPI that proves it; the case shows its target and latest actual', async () => {
    const { program, lead, initiative, params, as } = await setup()
    const kpi = (programId: string, key: string) =>
      db
        .insertInto('kpis')
        .values({
          program_id: programId,
          initiative_id: null,
          key,
          name_en: 'Qualified opportunities',
          name_zh_tw: '合格銷售機會',
          kind: 'lagging',
          category: 'financial',
          direction: 'higher',
          cadence: 'monthly',
          last_period_end: '2026-10-31',
          last_value: 42,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const ours = await kpi(program.id, 'qualified-opportunities')
    const foreign = await kpi((await createProgram()).id, 'elsewhere')
    await db
      .insertInto('kpi_targets')
      .values({ kpi_id: ours.id, period_end: '2026-10-31', value: 50 })
      .execute()
    const path = `/initiatives/${initiative.id}/case`
    const refused = await run(
      editAction,
      buildRequest(`${path}/edit`, {
        cookie: await as(lead),
        form: { ...CASE_FORM, 'benefits.0.kpi_id': foreign.id },
      }),
      params,
    )
    expect(statusOf(refused)).toBe(409)
    expect(await getCase(db, initiative.id)).toBeNull()
    await run(
      editAction,
      buildRequest(`${path}/edit`, {
        cookie: await as(lead),
        form: { ...CASE_FORM, 'benefits.0.kpi_id': ours.id },
      }),
      params,
    )
    const loaded = (await run(caseLoader, buildRequest(path, { cookie: await as(lead) }), params)) as {
      evidence: { id: string; last_value: number; target_value: number }[]
    }
    expect(loaded.evidence).toEqual([
      expect.objectContaining({ id: ours.id, last_value: 42, target_value: 50 }),
    ])
  })

  test("a benefit line never shows a KPI the reader cannot open (the demo named another initiative's)", async () => {
    const { program, lead, initiative, params, as } = await setup()
    const other = await createInitiative({
      programId: program.id,
      leadId: (await createUser({ role: 'lead' })).id,
    })
    const hidden = await db
      .insertInto('kpis')
      .values({
        program_id: program.id,
        initiative_id: other.id,
        key: 'their-kpi',
        name_en: 'Their KPI',
        name_zh_tw: '他們的指標',
        kind: 'lagging',
        category: 'financial',
        direction: 'higher',
        cadence: 'monthly',
        last_period_end: '2026-10-31',
        last_value: 7,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const path = `/initiatives/${initiative.id}/case`
    await run(editAction, buildRequest(`${path}/edit`, { cookie: await as(lead), form: CASE_FORM }), params)
    // Linked behind the form's back, as the demo seed did: the form itself refuses such a KPI (409 above).
    await db.updateTable('business_case_benefits').set({ kpi_id: hidden.id }).execute()
    const kpiPage = await run(kpiLoader, buildRequest(`/kpis/${hidden.id}`, { cookie: await as(lead) }), {
      kpiId: hidden.id,
    })
    expect(statusOf(kpiPage)).toBe(404)
    const loaded = (await run(caseLoader, buildRequest(path, { cookie: await as(lead) }), params)) as {
      evidence: { id: string }[]
    }
    expect(loaded.evidence).toEqual([])
  })
})
