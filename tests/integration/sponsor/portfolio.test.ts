import { describe, expect, test } from 'vitest'
import { portfolioOf, portfolioView } from '~/models/sponsor/portfolio.server'
import { addDays } from '~/utils/calendar'
import { loader as exportLoader } from '~/routes/portfolio.export.$table'
import { loader as portfolioLoader } from '~/routes/portfolio._index'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import {
  addCase,
  addCycle,
  addFeedback,
  addGate,
  addKpi,
  lastMonthEnd,
  portfolioSetup,
  today,
} from './helpers'

// The first test of a file also pays for opening the embedded database on a shared, busy machine.
const SLOW = { timeout: 90_000 }

describe('the portfolio gathers each initiative’s facts from the other capabilities', () => {
  test(
    'inputs come from delivery, gates, the business case, EET feedback and KPIs; missing ones say so',
    SLOW,
    async () => {
      const { program, sponsor, lead, admin, initiative } = await portfolioSetup()
      const eetUser = await createUser({ role: 'eet_member' })
      // Design started 30 days ago with a 10-working-day budget: well over budget.
      await addCycle(initiative.id, addDays(today, -30))
      await addGate(initiative.id, 'approved', addDays(today, -12))
      await addCase(initiative.id, 'submitted', lead.id)
      await addFeedback(initiative.id, eetUser.id, [
        { usefulness: 4, status: 'shipped', closedAt: new Date() },
        { usefulness: 2, status: 'new' },
      ])
      await addKpi(program.id, initiative.id, 'won-deals', {
        target: 100,
        values: [{ period_end: lastMonthEnd, value: 120 }],
      })
      await addKpi(program.id, initiative.id, 'margin', {
        target: 100,
        values: [{ period_end: lastMonthEnd, value: 50 }],
      })

      // The admin sees every input; one EET rep's feedback is a figure about fewer than 5 reps, which the
      // sponsor does not see (rep-data privacy).
      const [row] = await portfolioOf(db, admin, program)
      const [forSponsor] = await portfolioOf(db, sponsor, program)
      const sponsorInputs = forSponsor!.health.sustainment.inputs.concat(forSponsor!.health.adoption.inputs)
      expect(sponsorInputs.find((input) => input.key === 'feedbackScore')?.value).toBeNull()
      const inputs = Object.fromEntries(
        (['progress', 'adoption', 'sustainment'] as const).flatMap((mode) =>
          row!.health[mode].inputs.map((input) => [input.key, input.value]),
        ),
      )
      expect(inputs.phaseClock).toBeGreaterThan(1.5)
      expect(inputs.phaseOverruns).toBe(0.5) // frame within budget, design over
      expect(inputs.daysSinceGate).toBe(12)
      expect(inputs.caseApproved).toBe(0)
      expect(inputs.sprintPredictability).toBeNull()
      expect(inputs.feedbackScore).toBe(3)
      expect(inputs.closedLoops).toBe(0.5)
      // One lagging KPI on track (1), one off track (0).
      expect(inputs.laggingStatus).toBe(0.5)
      // Not launched yet: company-wide usage does not count; no pilot ended: no trend, no decay.
      expect(inputs.adoptionRate).toBeNull()
      expect(inputs.laggingTrend).toBeNull()
      expect(inputs.usageDecay).toBeNull()
      expect(inputs.valueRealised).toBeNull()
      expect(row!.health.progress.band).toBe('red')
      expect(row!.health.progress.inputsUsed).toBe(4)
      expect(row!.kpiCounts).toMatchObject({ on_track: 1, off_track: 1 })
      expect(row!.facts.gate.pending).toBe(0)
      expect(row!.checklist.total).toBeGreaterThan(0)
    },
  )

  test(
    'an approved case counts, and its money is hidden from a viewer without finance access',
    SLOW,
    async () => {
      const { program, sponsor, lead, viewer, initiative } = await portfolioSetup()
      const kpiId = await addKpi(program.id, initiative.id, 'won', {
        target: 100,
        values: [{ period_end: lastMonthEnd, value: 80 }],
      })
      await addCase(initiative.id, 'approved', lead.id, kpiId)
      const [forSponsor] = await portfolioOf(db, sponsor, program)
      expect(forSponsor!.health.progress.inputs.find((i) => i.key === 'caseApproved')!.value).toBe(1)
      expect(forSponsor!.health.sustainment.inputs.find((i) => i.key === 'valueRealised')!.value).toBeCloseTo(
        0.8,
      )
      expect(portfolioView(forSponsor!).businessCase).toMatchObject({ version: 1, totalBenefits: 300000 })
      const [forViewer] = await portfolioOf(db, viewer, program)
      expect(portfolioView(forViewer!).businessCase).toMatchObject({
        version: 1,
        totalBenefits: null,
        npv: null,
      })
    },
  )

  test('the page sorts and filters; a lead sees only the initiatives they may see', SLOW, async () => {
    const { program, sponsor, lead, initiative } = await portfolioSetup()
    await addCycle(initiative.id, addDays(today, -30))
    const other = await db
      .insertInto('initiatives')
      .values({ program_id: program.id, name: 'AAA other', stage: 'pilot', start_date: addDays(today, -10) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const cookie = await sessionCookieFor(sponsor.id)
    const page = (await run(
      portfolioLoader,
      buildRequest(`/portfolio?program=${program.id}&sort=worst`, { cookie }),
    )) as { rows: { id: string }[] }
    expect(page.rows.map((r) => r.id)).toEqual([initiative.id, other.id]) // red progress first
    const byName = (await run(
      portfolioLoader,
      buildRequest(`/portfolio?program=${program.id}&sort=name`, { cookie }),
    )) as { rows: { id: string }[] }
    expect(byName.rows.map((r) => r.id)).toEqual([other.id, initiative.id])
    const red = (await run(
      portfolioLoader,
      buildRequest(`/portfolio?program=${program.id}&band=red&mode=progress`, { cookie }),
    )) as { rows: { id: string }[] }
    expect(red.rows.map((r) => r.id)).toEqual([initiative.id])
    const pilots = (await run(
      portfolioLoader,
      buildRequest(`/portfolio?program=${program.id}&stage=pilot`, { cookie }),
    )) as { rows: { id: string }[] }
    expect(pilots.rows.map((r) => r.id)).toEqual([other.id])
    const forLead = (await run(
      portfolioLoader,
      buildRequest(`/portfolio?program=${program.id}`, { cookie: await sessionCookieFor(lead.id) }),
    )) as { rows: { id: string }[] }
    expect(forLead.rows.map((r) => r.id)).toEqual([initiative.id])
  })

  test('CSV exports are UTF-8 with a BOM and keep zh-TW text', SLOW, async () => {
    const { program, sponsor, initiative } = await portfolioSetup()
    await db.updateTable('initiatives').set({ name: '每日推薦者' }).where('id', '=', initiative.id).execute()
    const cookie = await sessionCookieFor(sponsor.id)
    const response = (await run(
      exportLoader,
      buildRequest(`/portfolio/export/portfolio?program=${program.id}`, { cookie }),
      { table: 'portfolio' },
    )) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    const [header, line] = text.split('\r\n')
    expect(header).toContain('progress_score')
    expect(line).toContain('每日推薦者')
    const inputs = (await run(
      exportLoader,
      buildRequest(`/portfolio/export/health-inputs?program=${program.id}`, { cookie }),
      { table: 'health-inputs' },
    )) as Response
    expect((await inputs.text()).split('\r\n').filter(Boolean)).toHaveLength(1 + 15)
    const unknown = await run(
      exportLoader,
      buildRequest(`/portfolio/export/secrets?program=${program.id}`, { cookie }),
      { table: 'secrets' },
    )
    expect(statusOf(unknown)).toBe(404)
  })
})
