import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { healthConfigFor } from '~/models/sponsor/health-settings.server'
import { action as approvalsAction, loader as approvalsLoader } from '~/routes/portfolio.approvals'
import { loader as boardPackLoader } from '~/routes/portfolio.board-pack'
import { loader as gatesLoader } from '~/routes/initiatives.$initiativeId.gates'
import { todayIn } from '~/utils/calendar'
import { formatDateTime } from '~/i18n/format'
import { loader as reportLoader } from '~/routes/portfolio.report'
import { action as settingsAction } from '~/routes/portfolio.settings'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import { addCase, addFeedback, addGate, addKpi, portfolioSetup } from './helpers'

type Data<T> = { data: T }

// The first test of a file also pays for opening the embedded database on a shared, busy machine.
const SLOW = { timeout: 90_000 }

describe('approvals inbox', () => {
  test("each row's request time is in the program's reporting zone, which it names", SLOW, async () => {
    const { sponsor, initiative } = await portfolioSetup()
    const { program_id } = await db
      .selectFrom('initiatives')
      .select('program_id')
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    await db
      .updateTable('programs')
      .set({ reporting_timezone: 'Asia/Taipei' })
      .where('id', '=', program_id)
      .execute()
    await db.updateTable('initiatives').set({ stage: 'frame' }).where('id', '=', initiative.id).execute()
    const gate = await addGate(initiative.id, 'pending', null)
    // 18:30 UTC on 3 December is 02:30 on 4 December in Taipei (UTC+8, no daylight saving).
    // requested_at is written once, by the database: the test moves it with plain SQL.
    await sql`update stage_gates set requested_at = '2026-12-03T18:30:00Z' where id = ${gate.id}`.execute(db)
    const inbox = (await run(
      approvalsLoader,
      buildRequest('/portfolio/approvals', { cookie: await sessionCookieFor(sponsor.id) }),
    )) as { gates: { id: string; zone: string; requested_at: Date }[] }
    const row = inbox.gates.find((g) => g.id === gate.id)!
    expect(row.zone).toBe('Asia/Taipei')
    expect(formatDateTime('en', row.requested_at, row.zone)).toBe('Dec 4, 2026, 2:30 AM')
  })

  test('the sponsor approves a submitted case and a pending gate in the inbox, audited', SLOW, async () => {
    const { sponsor, lead, initiative } = await portfolioSetup()
    const caseId = await addCase(initiative.id, 'submitted', lead.id)
    await db.updateTable('initiatives').set({ stage: 'frame' }).where('id', '=', initiative.id).execute()
    const gate = await addGate(initiative.id, 'pending', null)
    const cookie = await sessionCookieFor(sponsor.id)
    const inbox = (await run(approvalsLoader, buildRequest('/portfolio/approvals', { cookie }))) as {
      cases: { id: string }[]
      gates: { id: string }[]
    }
    expect(inbox.cases.map((c) => c.id)).toEqual([caseId])
    expect(inbox.gates.map((g) => g.id)).toEqual([gate.id])

    const approved = await run(
      approvalsAction,
      buildRequest('/portfolio/approvals', {
        cookie,
        form: {
          intent: 'decide-case',
          initiativeId: initiative.id,
          rowId: caseId,
          decision: 'approved',
          note: 'Go.',
        },
      }),
    )
    expect(statusOf(approved)).toBe(302)
    const stored = await db
      .selectFrom('business_cases')
      .select(['status', 'decided_by'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ status: 'approved', decided_by: sponsor.id })
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', caseId).execute()
    expect(audit.map((a) => a.action)).toContain('business-case.approve')

    // Approving again: nothing waits any more → 400 with a message, nothing written.
    const again = (await run(
      approvalsAction,
      buildRequest('/portfolio/approvals', {
        cookie,
        form: { intent: 'decide-case', initiativeId: initiative.id, rowId: caseId, decision: 'approved' },
      }),
    )) as Data<{ formError: string }>
    expect(statusOf(again)).toBe(400)
    expect(again.data.formError).toMatch(/no longer waiting/)

    // The design gate's criteria, judged from the data: a sponsor is assigned, but no frame phase was
    // closed and no team formed — two unmet. Approving needs the override's reason, next to its field.
    const gateForm = {
      intent: 'decide-gate',
      initiativeId: initiative.id,
      rowId: gate.id,
      decision: 'approved',
      note: '',
    }
    const inboxGate = (
      (await run(approvalsLoader, buildRequest('/portfolio/approvals', { cookie }))) as {
        gates: { criteria: { key: string; met: boolean; source: string }[]; asked_by: string | null }[]
      }
    ).gates[0]!
    expect(inboxGate.criteria.map(({ key, met, source }) => [key, met, source])).toEqual([
      ['problemDefined', false, 'data'],
      ['sponsorAssigned', true, 'data'],
      ['teamFormed', false, 'data'],
    ])
    const refused = (await run(
      approvalsAction,
      buildRequest('/portfolio/approvals', { cookie, form: gateForm }),
    )) as Data<{ fieldErrors: Record<string, string[]>; rowId: string }>
    expect(statusOf(refused)).toBe(400)
    expect(refused.data.rowId).toBe(gate.id)
    expect(refused.data.fieldErrors.override_reason).toEqual([
      '2 criteria are not met: give the reason for approving anyway.',
    ])
    const unchanged = await db
      .selectFrom('stage_gates')
      .select(['status', 'override_reason'])
      .where('id', '=', gate.id)
      .executeTakeFirstOrThrow()
    expect(unchanged).toEqual({ status: 'pending', override_reason: null })
    const gateApproved = await run(
      approvalsAction,
      buildRequest('/portfolio/approvals', {
        cookie,
        form: { ...gateForm, override_reason: 'Team forms this week; the problem is framed in the case.' },
      }),
    )
    expect(statusOf(gateApproved)).toBe(302)
    const decided = await db
      .selectFrom('stage_gates')
      .select(['status', 'override_reason'])
      .where('id', '=', gate.id)
      .executeTakeFirstOrThrow()
    expect(decided).toEqual({
      status: 'approved',
      override_reason: 'Team forms this week; the problem is framed in the case.',
    })
    const gateAudit = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', initiative.id)
      .where('action', 'like', 'gate.%')
      .executeTakeFirstOrThrow()
    expect(gateAudit.action).toBe('gate.approve-override')
    expect((gateAudit.after as { override: unknown }).override).toEqual({
      unmet: ['problemDefined', 'teamFormed'],
      reason: 'Team forms this week; the problem is framed in the case.',
    })
    const moved = await db
      .selectFrom('initiatives')
      .select('stage')
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(moved.stage).toBe('design')

    // The override shows in the gate history and in the period report of the month it was decided in.
    const history = (await run(gatesLoader, buildRequest(`/initiatives/${initiative.id}/gates`, { cookie }), {
      initiativeId: initiative.id,
    })) as { gates: { id: string; override_reason: string | null; criteria: { met: boolean }[] }[] }
    const shown = history.gates.find((g) => g.id === gate.id)!
    expect(shown.override_reason).toBe('Team forms this week; the problem is framed in the case.')
    expect(shown.criteria.map((c) => c.met)).toEqual([false, true, false])
    const month = todayIn('UTC').slice(0, 7)
    const report = (await run(
      reportLoader,
      buildRequest(`/portfolio/report?program=${initiative.program_id}&period=${month}`, { cookie }),
    )) as Data<{ report: { gates: { id: string; override_reason: string | null }[] } }>
    expect(report.data.report.gates).toEqual([
      expect.objectContaining({
        id: gate.id,
        override_reason: 'Team forms this week; the problem is framed in the case.',
      }),
    ])
  })

  test(
    'a lead may not decide, another sponsor cannot see the initiative’s items, bad input is 400',
    SLOW,
    async () => {
      const { lead, initiative } = await portfolioSetup()
      const caseId = await addCase(initiative.id, 'submitted', lead.id)
      const other = await createUser({ role: 'sponsor' })
      const leadTry = await run(
        approvalsAction,
        buildRequest('/portfolio/approvals', {
          cookie: await sessionCookieFor(lead.id),
          form: { intent: 'decide-case', initiativeId: initiative.id, rowId: caseId, decision: 'approved' },
        }),
      )
      expect(statusOf(leadTry)).toBe(403)
      const otherCookie = await sessionCookieFor(other.id)
      const inbox = (await run(
        approvalsLoader,
        buildRequest('/portfolio/approvals', { cookie: otherCookie }),
      )) as {
        cases: unknown[]
      }
      expect(inbox.cases).toEqual([])
      const otherTry = await run(
        approvalsAction,
        buildRequest('/portfolio/approvals', {
          cookie: otherCookie,
          form: { intent: 'decide-case', initiativeId: initiative.id, rowId: caseId, decision: 'approved' },
        }),
      )
      expect(statusOf(otherTry)).toBe(403)
      const bad = await run(
        approvalsAction,
        buildRequest('/portfolio/approvals', {
          cookie: otherCookie,
          form: { intent: 'decide-case', initiativeId: 'x', rowId: caseId, decision: 'approved' },
        }),
      )
      expect(statusOf(bad)).toBe(400)
    },
  )
})

describe('period report', () => {
  test(
    'shows KPIs that changed status, gates passed and feedback loops closed in the month',
    SLOW,
    async () => {
      const { program, sponsor, initiative } = await portfolioSetup()
      const eetUser = await createUser({ role: 'eet_member' })
      // August on track (120 ≥ 100), September off track (50).
      await addKpi(program.id, initiative.id, 'won', {
        target: 100,
        values: [
          { period_end: '2026-08-31', value: 120 },
          { period_end: '2026-09-30', value: 50 },
        ],
      })
      await addGate(initiative.id, 'approved', '2026-09-15')
      await addGate(initiative.id, 'approved', '2026-07-01')
      await addFeedback(initiative.id, eetUser.id, [
        { usefulness: 4, status: 'shipped', closedAt: new Date('2026-09-10T12:00:00Z') },
        { usefulness: 4, status: 'declined', closedAt: new Date('2026-09-20T12:00:00Z') },
        { usefulness: 4, status: 'shipped', closedAt: new Date('2026-10-02T12:00:00Z') },
      ])
      const cookie = await sessionCookieFor(sponsor.id)
      const page = (await run(
        reportLoader,
        buildRequest(`/portfolio/report?program=${program.id}&period=2026-09`, { cookie }),
      )) as Data<{
        report: {
          kpiChanges: { key: string; from: string; to: string }[]
          gates: unknown[]
          feedback: { shipped: number; declined: number }[]
        }
      }>
      const report = page.data.report
      expect(report.kpiChanges).toEqual([
        expect.objectContaining({ key: 'won', from: 'on_track', to: 'off_track' }),
      ])
      expect(report.gates).toHaveLength(1)
      expect(report.feedback).toEqual([expect.objectContaining({ shipped: 1, declined: 1 })])

      const quarter = (await run(
        reportLoader,
        buildRequest(`/portfolio/report?program=${program.id}&period=2026-Q3&initiative=${initiative.id}`, {
          cookie,
        }),
      )) as Data<{ report: { gates: unknown[]; period: { from: string; to: string } } }>
      expect(quarter.data.report.period).toMatchObject({ from: '2026-07-01', to: '2026-09-30' })
      expect(quarter.data.report.gates).toHaveLength(2)

      const bad = await run(
        reportLoader,
        buildRequest(`/portfolio/report?program=${program.id}&period=2026-13`, { cookie }),
      )
      expect(statusOf(bad)).toBe(400)

      const pack = (await run(
        boardPackLoader,
        buildRequest(`/portfolio/board-pack?program=${program.id}&period=2026-09&lang=zh-TW`, { cookie }),
      )) as { locale: string; rows: unknown[]; title: string }
      expect(pack.locale).toBe('zh-TW')
      expect(pack.title).toContain('董事會簡報')
      expect(pack.rows).toHaveLength(1)
    },
  )
})

describe('health settings', () => {
  test('an admin overrides a weight and the bands for one program; bad bands are refused', SLOW, async () => {
    const { program, admin } = await portfolioSetup()
    const cookie = await sessionCookieFor(admin.id)
    const before = await healthConfigFor(db, program.id)
    const form: Record<string, string> = { intent: 'save', green: '80', amber: '50' }
    for (const [key, rule] of Object.entries(before.inputs)) {
      form[`weight.${key}`] = String(rule.weight)
      form[`good.${key}`] = String(rule.good)
      form[`bad.${key}`] = String(rule.bad)
    }
    form['weight.caseApproved'] = '0'
    const path = `/portfolio/settings?program=${program.id}`
    const saved = await run(settingsAction, buildRequest(path, { cookie, form }))
    expect(statusOf(saved)).toBe(302)
    const after = await healthConfigFor(db, program.id)
    expect(after.bands).toEqual({ green: 80, amber: 50 })
    expect(after.inputs.caseApproved.weight).toBe(0)
    expect(after.inputs.phaseClock).toEqual(before.inputs.phaseClock)
    const stored = await db
      .selectFrom('health_settings')
      .select('overrides')
      .where('program_id', '=', program.id)
      .executeTakeFirstOrThrow()
    expect(Object.keys(stored.overrides.inputs)).toEqual(['caseApproved'])
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', program.id)
      .execute()
    expect(audit.map((a) => a.action)).toContain('health-settings.update')

    const bad = (await run(
      settingsAction,
      buildRequest(path, { cookie, form: { ...form, green: '30' } }),
    )) as Data<{ fieldErrors: Record<string, string[]> }>
    expect(statusOf(bad)).toBe(400)
    expect(bad.data.fieldErrors.green).toEqual(['Green must start above amber.'])
    const notNumber = (await run(
      settingsAction,
      buildRequest(path, { cookie, form: { ...form, 'good.phaseClock': 'abc', 'weight.phaseClock': '-1' } }),
    )) as Data<{ fieldErrors: Record<string, string[]> }>
    expect(statusOf(notNumber)).toBe(400)
    expect(notNumber.data.fieldErrors['good.phaseClock']).toEqual(['Enter a number.'])
    expect(notNumber.data.fieldErrors['weight.phaseClock']).toEqual(['Must be at least 0.'])
    expect((await healthConfigFor(db, program.id)).bands).toEqual({ green: 80, amber: 50 })

    const reset = await run(settingsAction, buildRequest(path, { cookie, form: { intent: 'reset' } }))
    expect(statusOf(reset)).toBe(302)
    expect((await healthConfigFor(db, program.id)).bands).toEqual(before.bands)
  })
})
