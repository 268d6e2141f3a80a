import { beforeAll, describe, expect, test } from 'vitest'
import {
  approvedCaseValue,
  approvedCaseValueFor,
  financeVisible,
  financeVisibleFor,
  pendingDecisions,
} from '~/models/accountability/business-case.server'
import { evaluateChecklist, evaluateChecklistFor } from '~/models/accountability/checklist.server'
import { listCycles, listCyclesFor } from '~/models/delivery/cycle.server'
import { sprintPredictability, sprintPredictabilityFor } from '~/models/delivery/reporting.server'
import { eetRepresentativeness, eetRepresentativenessFor } from '~/models/eet/eet.server'
import { feedbackFiguresFor, feedbackSummary, feedbackSummaryFor } from '~/models/eet/feedback.server'
import { listGates, listGatesFor } from '~/models/accountability/gate.server'
import { reviewsFor, reviewsOf } from '~/models/accountability/governance.server'
import { kpiValuesAsOf, kpiValuesIn } from '~/models/kpi/history.server'
import { portfolioOf } from '~/models/sponsor/portfolio.server'
import { addDays } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { createInitiative, createUser } from '#tests/factories'
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

/** A KPI's values in [from, to], read plainly: the reference the batched reads are compared with. */
function valuesBetween(kpiId: string, from: string, to: string) {
  return db
    .selectFrom('kpi_measurements')
    .select(['period_end', 'value'])
    .where('kpi_id', '=', kpiId)
    .where('period_end', '>=', from)
    .where('period_end', '<=', to)
    .orderBy('period_end')
    .execute()
}

// The many-initiative reads behind the sponsor's view give, for each initiative, exactly what the
// single-initiative functions give — including an initiative with no data at all.

const SLOW = { timeout: 90_000 }

type Setup = Awaited<ReturnType<typeof portfolioSetup>>
type Initiative = Setup['initiative'] & { lead_name: string | null; sponsor_name: string | null }
let setup: Setup
let initiatives: Initiative[]
let ids: string[]
let kpiIds: string[]

async function seller(n: number, region: string, affinity: 'enthusiast' | 'reluctant') {
  return db
    .insertInto('sellers')
    .values({
      seller_id: `B${n}`,
      name: `Rep ${n}`,
      region,
      segment: n % 2 ? 'SMB' : 'Enterprise',
      team: 'T1',
      role: 'Account executive',
      tech_affinity: affinity,
      hire_date: `20${10 + (n % 12)}-03-01`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

beforeAll(async () => {
  setup = await portfolioSetup()
  const { program, lead, sponsor, initiative } = setup
  const second = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  const empty = await createInitiative({ programId: program.id, leadId: null, sponsorId: null })
  const eetUser = await createUser({ role: 'eet_member' })

  // The first initiative: a running cycle, gates, an approved case naming a KPI, feedback, sprints.
  await addCycle(initiative.id, addDays(today, -12))
  await addGate(initiative.id, 'approved', addDays(today, -40))
  await addGate(initiative.id, 'pending', null)
  const won = await addKpi(program.id, initiative.id, 'won', {
    target: 100,
    values: [
      { period_end: addDays(lastMonthEnd, -61), value: 80 },
      { period_end: addDays(lastMonthEnd, -30), value: 90 },
      { period_end: lastMonthEnd, value: 120 },
    ],
  })
  await addCase(initiative.id, 'approved', lead.id, won)
  await addFeedback(initiative.id, eetUser.id, [
    { usefulness: 5, status: 'shipped', closedAt: new Date() },
    { usefulness: 2, status: 'new' },
    { usefulness: 4, status: 'declined', closedAt: new Date() },
  ])
  await db
    .insertInto('sprints')
    .values(
      [1, 2, 3, 4].map((number) => ({
        initiative_id: initiative.id,
        number,
        start_date: addDays(today, -14 * (6 - number)),
        end_date: addDays(today, -14 * (5 - number)),
        status: 'closed' as const,
        closed_at: new Date(),
        snapshot: JSON.stringify({
          figures: {
            committed: 10 * number,
            added: 1,
            removed: 0,
            cancelled: 0,
            completed: 8 * number,
            completedCommitted: 7 * number,
            cancelledCommitted: 0,
            carried: 2,
            carriedItems: [],
            velocity: 8 * number,
            predictability: 0.7,
          },
          burndown: { days: [], ideal: [], remaining: [], scope: [], scopeChanges: [] },
          carriedTo: 'backlog',
        }),
      })),
    )
    .execute()

  // The second: a submitted case (not approved), its own KPI, a different EET and feedback.
  await addCase(second.id, 'submitted', lead.id)
  const margin = await addKpi(program.id, second.id, 'margin', {
    kind: 'leading',
    target: 50,
    values: [{ period_end: lastMonthEnd, value: 40 }],
  })
  await addFeedback(second.id, eetUser.id, [{ usefulness: 3, status: 'new' }])
  kpiIds = [won, margin]

  // A sales force and two EETs drawn from it; one governance review names both initiatives.
  const reps = []
  for (let n = 0; n < 24; n++)
    reps.push(await seller(n, ['North', 'South', 'East'][n % 3]!, n % 4 ? 'reluctant' : 'enthusiast'))
  await db
    .insertInto('eet_members')
    .values([
      ...reps
        .slice(0, 12)
        .map((rep) => ({ initiative_id: initiative.id, seller_id: rep.id, joined_on: today })),
      ...reps.slice(10, 14).map((rep) => ({ initiative_id: second.id, seller_id: rep.id, joined_on: today })),
    ])
    .execute()
  await db
    .insertInto('governance_reviews')
    .values([
      {
        overlap_kind: 'kpi',
        subject: 'Won deals',
        initiative_ids: [initiative.id, second.id],
        action: 'merge',
        decision: 'Keep one KPI.',
        due_date: today,
      },
      {
        overlap_kind: 'segment',
        subject: 'SMB',
        initiative_ids: [second.id],
        action: 'sequence',
        decision: 'Pilot one after the other.',
        due_date: today,
      },
    ])
    .execute()
  await db
    .insertInto('team_members')
    .values({
      initiative_id: initiative.id,
      person_name: 'Data engineer',
      function: 'data_scientist',
      allocation: 50,
    })
    .execute()

  const named = await db
    .selectFrom('initiatives as i')
    .leftJoin('users as l', 'l.id', 'i.lead_id')
    .leftJoin('users as s', 's.id', 'i.sponsor_id')
    .selectAll('i')
    .select(['l.name as lead_name', 's.name as sponsor_name'])
    .where('i.id', 'in', [initiative.id, second.id, empty.id])
    .execute()
  initiatives = [initiative.id, second.id, empty.id].map((id) => named.find((row) => row.id === id)!)
  ids = initiatives.map((row) => row.id)
}, 90_000)

describe('many-initiative reads give what the single ones give', () => {
  test('delivery, gates, business case, feedback, governance', SLOW, async () => {
    const [cycles, sprints, gates, cases, feedback, release, reviews] = await Promise.all([
      listCyclesFor(db, ids, today),
      sprintPredictabilityFor(db, ids, 3),
      listGatesFor(db, ids),
      approvedCaseValueFor(db, ids),
      feedbackSummaryFor(db, ids),
      feedbackSummaryFor(db, ids, { release: '1.0' }),
      reviewsFor(db, ids),
    ])
    const figures = await feedbackFiguresFor(db, ids)
    for (const id of ids) {
      expect(cycles.get(id)).toEqual(await listCycles(db, id, today))
      expect(sprints.get(id)).toEqual(await sprintPredictability(db, id, 3))
      expect(gates.get(id)).toEqual(await listGates(db, id))
      expect(cases.get(id)).toEqual(await approvedCaseValue(db, id))
      expect(feedback.get(id)).toEqual(await feedbackSummary(db, id))
      const { perRelease: _, ...overall } = await feedbackSummary(db, id)
      expect(figures.get(id)).toEqual(overall)
      expect(release.get(id)).toEqual(await feedbackSummary(db, id, { release: '1.0' }))
      expect(reviews.get(id)).toEqual(await reviewsOf(db, id))
    }
    // The data is really there, and the empty initiative gets empty answers rather than none.
    const [first, second, empty] = ids as [string, string, string]
    expect(cycles.get(first)).toHaveLength(1)
    expect(sprints.get(first)).toMatchObject({
      sprintCount: 3,
      sprints: [{ number: 2 }, { number: 3 }, { number: 4 }],
    })
    expect(gates.get(first)).toHaveLength(2)
    expect(cases.get(first)).toMatchObject({ version: 1 })
    expect(cases.get(second)).toBeNull()
    expect(feedback.get(first)).toMatchObject({ total: 3 })
    expect(reviews.get(first)).toHaveLength(1)
    expect(reviews.get(second)).toHaveLength(2)
    expect(cycles.get(empty)).toEqual([])
    expect(sprints.get(empty)).toMatchObject({ sprintCount: 0, predictability: null, sprints: [] })
    expect(gates.get(empty)).toEqual([])
    expect(cases.get(empty)).toBeNull()
    expect(feedback.get(empty)).toMatchObject({ total: 0, perRelease: [] })
    expect(reviews.get(empty)).toEqual([])
  })

  test('checklist and EET representativeness read the sales force once for all', SLOW, async () => {
    const [checklists, eets] = await Promise.all([
      evaluateChecklistFor(db, initiatives),
      eetRepresentativenessFor(db, ids, today),
    ])
    for (const initiative of initiatives) {
      expect(checklists.get(initiative.id)).toEqual(await evaluateChecklist(db, initiative))
      expect(eets.get(initiative.id)).toEqual(await eetRepresentativeness(db, initiative.id, today))
    }
    const [first, second, empty] = ids as [string, string, string]
    expect(eets.get(first)).toMatchObject({ eetSize: 12, forceSize: 24 })
    expect(eets.get(second)).toMatchObject({ eetSize: 4, forceSize: 24 })
    expect(eets.get(empty)).toMatchObject({ eetSize: 0, forceSize: 24, score: null })
    expect(checklists.get(empty)!.flatMap((section) => section.items).length).toBeGreaterThan(0)
  })

  test('finance visibility for each role, and the KPI history reads', SLOW, async () => {
    const viewerWithAccess = await createUser({ role: 'viewer' })
    await db
      .updateTable('users')
      .set({ finance_access: true } as never)
      .where('id', '=', viewerWithAccess.id)
      .execute()
    for (const user of [setup.admin, setup.lead, setup.sponsor, setup.viewer, viewerWithAccess]) {
      const visible = await financeVisibleFor(db, user, initiatives)
      for (const initiative of initiatives)
        expect(visible.get(initiative.id)).toBe(await financeVisible(db, user, initiative))
    }

    const [won, margin] = kpiIds as [string, string]
    const from = addDays(lastMonthEnd, -45)
    const ranges = await kpiValuesIn(db, [
      { kpiId: won, from, to: today },
      { kpiId: margin, from: '1900-01-01', to: today },
    ])
    expect(ranges.get(won)).toEqual(await valuesBetween(won, from, today))
    expect(ranges.get(won)).toHaveLength(2)
    expect(ranges.get(margin)).toEqual(await valuesBetween(margin, '1900-01-01', today))

    const asOf = await kpiValuesAsOf(db, [
      { kpiId: won, day: addDays(lastMonthEnd, -1) },
      { kpiId: margin, day: addDays(lastMonthEnd, -1) },
    ])
    expect(asOf.get(won)).toEqual((await valuesBetween(won, '1900-01-01', addDays(lastMonthEnd, -1))).at(-1))
    expect(asOf.get(won)).toMatchObject({ value: 90 })
    expect(asOf.get(margin)).toBeNull()
    expect(await kpiValuesIn(db, [])).toEqual(new Map())
  })

  test(
    'pending decisions: the sponsor’s own initiatives, every one for an admin, none for a lead',
    SLOW,
    async () => {
      const [first, second] = ids as [string, string]
      const otherSponsor = await createUser({ role: 'sponsor' })
      const submitted = (user: Parameters<typeof pendingDecisions>[1]) =>
        pendingDecisions(db, user).then(({ cases, gates }) => ({
          cases: cases.map((c) => c.initiative_id).sort(),
          gates: gates.map((g) => g.initiative_id).sort(),
        }))
      expect(await submitted(setup.sponsor)).toEqual({ cases: [second], gates: [first] })
      expect(await submitted(setup.admin)).toEqual({ cases: [second], gates: [first] })
      expect(await submitted(otherSponsor)).toEqual({ cases: [], gates: [] })
      expect(await submitted(setup.lead)).toEqual({ cases: [], gates: [] })
    },
  )

  test('the portfolio costs the same number of queries for one initiative as for three', SLOW, async () => {
    const { program, sponsor } = setup
    let queries = 0
    const counted = db.withPlugin({
      transformQuery: (args) => {
        queries++
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    const countFor = async (filter: Parameters<typeof portfolioOf>[3]) => {
      queries = 0
      const rows = await portfolioOf(counted, sponsor, program, filter)
      return { rows: rows.length, queries }
    }
    // A first read may store state the KPI area derives lazily; count the reads after it.
    await portfolioOf(db, sponsor, program)
    const one = await countFor({ stage: 'design' })
    const all = await countFor({})
    expect(one.rows).toBe(1)
    expect(all.rows).toBe(3)
    expect(all.queries).toBe(one.queries)
  })
})
