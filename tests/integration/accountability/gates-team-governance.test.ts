import { describe, expect, test } from 'vitest'
import { evaluateChecklist } from '~/models/accountability/checklist.server'
import { findOverlaps } from '~/models/accountability/governance.server'
import { getInitiative } from '~/models/foundation/initiative.server'
import { listTeam } from '~/models/accountability/team.server'
import { saveHealthOverrides } from '~/models/sponsor/health-settings.server'
import { action as editInitiative } from '~/routes/initiatives.$initiativeId.edit'
import { action as gatesAction } from '~/routes/initiatives.$initiativeId.gates'
import { action as governanceAction } from '~/routes/governance'
import { action as teamAction } from '~/routes/initiatives.$initiativeId.team'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

type Errors = { data: { fieldErrors: Record<string, string[]> } }

async function setup() {
  const program = await createProgram()
  const lead = await createUser({ role: 'lead' })
  const sponsor = await createUser({ role: 'sponsor' })
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  return { program, lead, sponsor, initiative, params: { initiativeId: initiative.id } }
}

describe('stage gates', () => {
  test('the stage moves only through a gate the sponsor approves', async () => {
    const { program, lead, sponsor, initiative, params } = await setup()
    const leadCookie = await sessionCookieFor(lead.id)
    const sponsorCookie = await sessionCookieFor(sponsor.id)
    const path = `/initiatives/${initiative.id}/gates`

    // The plain edit form no longer moves the stage.
    const edited = await run(
      editInitiative,
      buildRequest(`/initiatives/${initiative.id}/edit`, {
        cookie: leadCookie,
        form: {
          program_id: program.id,
          name: 'Renamed',
          sponsor_id: sponsor.id,
          stage: 'scale',
          status: 'active',
        },
      }),
      params,
    )
    expect(statusOf(edited)).toBe(302)
    expect(await getInitiative(db, lead, initiative.id)).toMatchObject({ name: 'Renamed', stage: 'frame' })

    const requested = await run(
      gatesAction,
      buildRequest(path, {
        cookie: leadCookie,
        form: {
          intent: 'request',
          criteria: ['problemDefined', 'sponsorAssigned', 'bogus'],
          request_note: 'Ready.',
        },
      }),
      params,
    )
    expect(statusOf(requested)).toBe(302)
    const gate = await db
      .selectFrom('stage_gates')
      .selectAll()
      .where('initiative_id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    // The design gate's criteria are all judged from the data; the lead's ticks do not count: no frame
    // phase was closed and no team formed, a sponsor is assigned.
    expect(gate.criteria.map(({ key, met, source }) => ({ key, met, source }))).toEqual([
      { key: 'problemDefined', met: false, source: 'data' },
      { key: 'sponsorAssigned', met: true, source: 'data' },
      { key: 'teamFormed', met: false, source: 'data' },
    ])
    // A second request while one is pending is refused.
    const again = await run(
      gatesAction,
      buildRequest(path, { cookie: leadCookie, form: { intent: 'request' } }),
      params,
    )
    expect(statusOf(again)).toBe(409)
    // The lead cannot decide; the sponsor must give a valid date.
    const byLead = await run(
      gatesAction,
      buildRequest(path, {
        cookie: leadCookie,
        form: { intent: 'decide', gate_id: gate.id, decision: 'approved', decision_date: '2027-01-10' },
      }),
      params,
    )
    expect(statusOf(byLead)).toBe(403)
    const badDate = await run(
      gatesAction,
      buildRequest(path, {
        cookie: sponsorCookie,
        form: { intent: 'decide', gate_id: gate.id, decision: 'approved', decision_date: 'soon' },
      }),
      params,
    )
    expect(statusOf(badDate)).toBe(400)
    expect(Object.keys((badDate as Errors).data.fieldErrors)).toEqual(['decision_date'])
    expect((await getInitiative(db, lead, initiative.id))!.stage).toBe('frame')

    const decide = {
      intent: 'decide',
      gate_id: gate.id,
      decision: 'approved',
      decision_date: '2027-01-10',
      decision_notes: 'Go.',
    }
    // Two criteria unmet: approving needs an override with a reason, refused next to that field.
    const noReason = await run(
      gatesAction,
      buildRequest(path, { cookie: sponsorCookie, form: decide }),
      params,
    )
    expect(statusOf(noReason)).toBe(400)
    expect((noReason as Errors).data.fieldErrors).toEqual({
      override_reason: ['2 criteria are not met: give the reason for approving anyway.'],
    })
    expect((await getInitiative(db, lead, initiative.id))!.stage).toBe('frame')
    const approved = await run(
      gatesAction,
      buildRequest(path, {
        cookie: sponsorCookie,
        form: { ...decide, override_reason: 'Framed in the business case; team named Monday.' },
      }),
      params,
    )
    expect(statusOf(approved)).toBe(302)
    expect((await getInitiative(db, lead, initiative.id))!.stage).toBe('design')
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', initiative.id)
      .where('action', 'like', 'gate.%')
      .orderBy('id')
      .execute()
    expect(audited.map((row) => row.action)).toEqual(['gate.request', 'gate.approve-override'])
  }, 60_000)
})

describe('stage gates judged from data', () => {
  test('a scale gate: data criteria judged with their evidence, the others attested with a note', async () => {
    const { lead, initiative, params } = await setup()
    await db.updateTable('initiatives').set({ stage: 'pilot' }).where('id', '=', initiative.id).execute()
    const cookie = await sessionCookieFor(lead.id)
    const path = `/initiatives/${initiative.id}/gates`
    const ask = (form: Record<string, string | string[]>) =>
      run(gatesAction, buildRequest(path, { cookie, form: { intent: 'request', ...form } }), params)
    // Ticking an attested criterion without saying how you know is refused next to its note.
    const bare = await ask({ criteria: ['frontlineManagers'] })
    expect(statusOf(bare)).toBe(400)
    expect((bare as Errors).data.fieldErrors).toEqual({
      'notes.frontlineManagers': ['Say how you know this is in place.'],
    })
    expect(
      await db.selectFrom('stage_gates').select('id').where('initiative_id', '=', initiative.id).execute(),
    ).toEqual([])
    const asked = await ask({
      criteria: ['frontlineManagers', 'pilotKpisMet'],
      'notes.frontlineManagers': 'All six district managers ran the pilot huddles.',
      'notes.pilotKpisMet': 'Trust me.',
    })
    expect(statusOf(asked)).toBe(302)
    const gate = await db
      .selectFrom('stage_gates')
      .select('criteria')
      .where('initiative_id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    // No KPI with a target, no recommendation events, no pilot phase closed: the data says not met,
    // whatever was ticked; the attested criterion keeps its note.
    expect(gate.criteria).toEqual([
      {
        key: 'pilotKpisMet',
        source: 'data',
        met: false,
        detail: { onTrack: 0, total: 0 },
        evidence: `${path.replace('/gates', '')}/kpis`,
      },
      {
        key: 'adoptionTarget',
        source: 'data',
        met: false,
        detail: { rate: '—', threshold: '60%', days: 28 },
        evidence: '/recommendations/adoption',
      },
      {
        key: 'pilotDecision',
        source: 'data',
        met: false,
        detail: { cycle: 0, decision: 'none' },
        evidence: `${path.replace('/gates', '')}/cycle`,
      },
      {
        key: 'frontlineManagers',
        source: 'attested',
        met: true,
        note: 'All six district managers ran the pilot huddles.',
      },
      { key: 'supportReady', source: 'attested', met: false, note: '' },
    ])
  }, 60_000)
})

describe('the adoption criterion', () => {
  test("is judged against the program's own adoption threshold, not the default", async () => {
    const { program, lead, initiative, params } = await setup()
    const admin = await createUser({ role: 'admin' })
    // The program's health settings say adoption is good from 35 % (the default is 60 %).
    await saveHealthOverrides(db, admin, program.id, {
      inputs: { adoptionRate: { weight: 3, good: 0.35, bad: 0.1 } },
    })
    await db.updateTable('initiatives').set({ stage: 'pilot' }).where('id', '=', initiative.id).execute()
    const cookie = await sessionCookieFor(lead.id)
    const path = `/initiatives/${initiative.id}/gates`
    const asked = await run(
      gatesAction,
      buildRequest(path, { cookie, form: { intent: 'request', request_note: 'Ready.' } }),
      params,
    )
    expect(statusOf(asked)).toBe(302)
    const gate = await db
      .selectFrom('stage_gates')
      .select('criteria')
      .where('initiative_id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(gate.criteria.find((criterion) => criterion.key === 'adoptionTarget')).toMatchObject({
      met: false,
      detail: { threshold: '35%' },
    })
  }, 60_000)
})

describe('team', () => {
  test('coverage, over-allocation across initiatives, and field errors', async () => {
    const { program, lead, initiative, params } = await setup()
    const other = await createInitiative({ programId: program.id, leadId: lead.id })
    const cookie = await sessionCookieFor(lead.id)
    const add = (initiativeId: string, form: Record<string, string>) =>
      run(
        teamAction,
        buildRequest(`/initiatives/${initiativeId}/team`, { cookie, form: { intent: 'add', ...form } }),
        {
          initiativeId,
        },
      )
    expect(
      statusOf(
        await add(initiative.id, {
          person_name: 'Ana Data',
          person_email: 'ana@example.test',
          function: 'data_scientist',
          allocation: '70',
        }),
      ),
    ).toBe(302)
    expect(
      statusOf(
        await add(other.id, {
          person_name: 'Ana D.',
          person_email: 'ANA@example.test',
          function: 'data_scientist',
          allocation: '50',
        }),
      ),
    ).toBe(302)
    expect(
      statusOf(await add(initiative.id, { person_name: 'Sam Sales', function: 'sales', allocation: '20' })),
    ).toBe(302)
    const bad = await add(initiative.id, { person_name: '', function: 'astrologer', allocation: '150' })
    expect(statusOf(bad)).toBe(400)
    expect(Object.keys((bad as Errors).data.fieldErrors).sort()).toEqual([
      'allocation',
      'function',
      'person_name',
    ])
    // Each of the page's forms gets only its own answer: the refusal names the form that was sent.
    expect((bad as { data: { intent: string } }).data.intent).toBe('add')
    const post = (form: Record<string, string>) =>
      run(teamAction, buildRequest(`/initiatives/${initiative.id}/team`, { cookie, form }), params)
    const badBackground = await post({ intent: 'background', spanner_background: 'astrology' })
    expect(statusOf(badBackground)).toBe(400)
    expect((badBackground as Errors & { data: { intent: string } }).data).toMatchObject({
      intent: 'background',
      fieldErrors: { spanner_background: [expect.any(String)] },
    })
    const badRemoval = await post({ intent: 'remove', member_id: 'nobody' })
    expect(statusOf(badRemoval)).toBe(400)
    expect((badRemoval as { data: { intent: string } }).data.intent).toBe('remove')

    const team = await listTeam(db, initiative.id)
    expect(team.map((m) => [m.person_name, m.total_allocation])).toEqual([
      ['Ana Data', 120],
      ['Sam Sales', 20],
    ])
    const overlaps = await findOverlaps(db)
    expect(overlaps.filter((o) => o.kind === 'person')).toEqual([
      expect.objectContaining({ subject: 'Ana Data', allocation: 120, suggestion: 'sequence' }),
    ])
    const [, , team3] = await evaluateChecklist(db, (await getInitiative(db, lead, initiative.id))!)
    // Users and engineers covered, integrators missing.
    expect(team3!.items[0]).toMatchObject({
      key: 'teamCoverage',
      met: false,
      detail: { groups: 2, missing: 8 },
    })
  })
})

describe('governance and checklist', () => {
  test('a review decision needs an owner and a due date; it then counts for the checklist', async () => {
    const { lead, sponsor, initiative } = await setup()
    const cookie = await sessionCookieFor(sponsor.id)
    const bad = await run(
      governanceAction,
      buildRequest('/governance', {
        cookie,
        form: { intent: 'review', overlap_kind: 'segment', subject: 'Enterprise', action: 'merge' },
      }),
    )
    expect(statusOf(bad)).toBe(400)
    expect(Object.keys((bad as Errors).data.fieldErrors).sort()).toEqual(['decision', 'due_date', 'owner_id'])
    const ok = await run(
      governanceAction,
      buildRequest('/governance', {
        cookie,
        form: {
          intent: 'review',
          overlap_kind: 'segment',
          subject: 'Enterprise',
          initiative_ids: [initiative.id],
          action: 'sequence',
          decision: 'Pilot the recommender first.',
          owner_id: lead.id,
          due_date: '2027-03-31',
        },
      }),
    )
    expect(statusOf(ok)).toBe(302)
    const sections = await evaluateChecklist(db, (await getInitiative(db, lead, initiative.id))!)
    const items = Object.fromEntries(sections.flatMap((s) => s.items).map((item) => [item.key, item]))
    expect(items.governance).toMatchObject({ met: true, source: 'data' })
    expect(items.sponsor).toMatchObject({ met: true })
    expect(items.businessCase).toMatchObject({ met: false })
    // The change-management items are judged from the data too: no training module, no engaged
    // manager and no pay plan yet, so none is met, and nothing is left to attest by hand.
    expect(items.frontlineManagers).toMatchObject({ met: false, source: 'data' })
    expect(items.training).toMatchObject({ met: false, source: 'data' })
    expect(items.variablePay).toMatchObject({ met: false, source: 'data' })
    expect(sections.flatMap((s) => s.items).every((item) => item.source === 'data')).toBe(true)
  })
})
