import type { Kysely } from 'kysely'
import { storeEvents } from '~/models/recommendations/ingest.server'
import type { DB } from '~/utils/db.types'

// The portfolio benchmark's world, shared by bench:portfolio and bench:pages: one program whose
// initiatives each have KPIs with monthly measurements and targets, two 10/10/10 cycles with logged
// hours, closed sprints, an EET out of the sales force, pilot feedback, a gate and (two in three) an
// approved business case; recommendation events through the events API's ingest.

export type PortfolioWorldSize = {
  initiatives: number
  kpis: number
  months: number
  sprints: number
  feedback: number
  sellers: number
  eet: number
  events: number
}

export const PORTFOLIO_FULL: PortfolioWorldSize = {
  initiatives: 50,
  kpis: 10,
  months: 36,
  sprints: 12,
  feedback: 150,
  sellers: 5000,
  eet: 30,
  events: 100_000,
}
export const PORTFOLIO_SMALL: PortfolioWorldSize = {
  initiatives: 12,
  kpis: 6,
  months: 24,
  sprints: 6,
  feedback: 40,
  sellers: 1000,
  eet: 15,
  events: 10_000,
}

export function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
export const random = prng(42)
export const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
export const monthEnd = (monthsAgo: number) => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 0)).toISOString().slice(0, 10)
}

/** Builds the world in an empty, migrated database; returns the sponsor, the lead and the program. */
export async function buildPortfolioWorld(db: Kysely<DB>, SIZE: PortfolioWorldSize) {
  const [sponsor, lead] = await db
    .insertInto('users')
    .values([
      { email: 'sponsor@bench.test', name: 'Sponsor', role: 'sponsor' },
      { email: 'lead@bench.test', name: 'Lead', role: 'lead' },
    ])
    .returning(['id', 'email', 'name', 'role', 'locale'])
    .execute()
  const program = await db
    .insertInto('programs')
    .values({ name: 'Bench program', reporting_timezone: 'Asia/Taipei' })
    .returning(['id', 'reporting_timezone'])
    .executeTakeFirstOrThrow()
  const sellers = await db
    .insertInto('sellers')
    .values(
      Array.from({ length: SIZE.sellers }, (_, i) => ({
        seller_id: `S${i}`,
        name: `Rep ${i}`,
        region: pick(['North', 'South', 'East', 'West']),
        segment: pick(['Enterprise', 'Mid-market', 'SMB']),
        team: `Team ${i % 50}`,
        role: 'account_executive',
        hire_date: day(-Math.floor(random() * 4000)),
        tech_affinity: pick(['avoider', 'reluctant', 'enthusiast'] as const),
      })),
    )
    .returning(['id', 'seller_id'])
    .execute()
  const stages = ['frame', 'design', 'pilot', 'scale', 'sustain'] as const
  for (let n = 0; n < SIZE.initiatives; n++) {
    const initiative = await db
      .insertInto('initiatives')
      .values({
        program_id: program.id,
        name: `Initiative ${String(n).padStart(2, '0')}`,
        lead_id: lead!.id,
        sponsor_id: sponsor!.id,
        stage: stages[n % stages.length],
        start_date: day(-400),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = initiative.id
    // KPIs with monthly measurements and targets.
    for (let k = 0; k < SIZE.kpis; k++) {
      const kpi = await db
        .insertInto('kpis')
        .values({
          program_id: program.id,
          initiative_id: id,
          key: `i${n}-k${k}`,
          name_en: `KPI ${k}`,
          name_zh_tw: `指標 ${k}`,
          kind: k % 2 ? 'lagging' : 'leading',
          category: k % 3 === 0 ? 'adoption' : 'customer_value',
          direction: 'higher',
          cadence: 'monthly',
          grace_days: 10,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const months = Array.from({ length: SIZE.months }, (_, m) => monthEnd(m))
      await db
        .insertInto('kpi_measurements')
        .values(
          months.map((period_end) => ({
            kpi_id: kpi.id,
            period_end,
            value: 50 + random() * 100,
            source: 'seed' as const,
          })),
        )
        .execute()
      await db
        .insertInto('kpi_targets')
        .values(months.map((period_end) => ({ kpi_id: kpi.id, period_end, value: 100 })))
        .execute()
      await db
        .updateTable('kpis')
        .set({ last_period_end: months[0]!, last_value: 50 + random() * 100 })
        .where('id', '=', kpi.id)
        .execute()
    }
    // A closed 10/10/10 cycle and a running one.
    for (const [number, closed] of [
      [1, true],
      [2, false],
    ] as const) {
      const start = number === 1 ? -200 : -40
      const cycle = await db
        .insertInto('delivery_cycles')
        .values({ initiative_id: id, number, started_on: day(start), closed_on: closed ? day(-41) : null })
        .returning('id')
        .executeTakeFirstOrThrow()
      const phases = [
        {
          phase: 'frame' as const,
          budget: 10,
          started_on: day(start),
          closed_on: day(start + 3),
          outcome: 'Framed',
        },
        {
          phase: 'design' as const,
          budget: 10,
          started_on: day(start + 3),
          closed_on: closed ? day(start + 20) : null,
          outcome: closed ? 'Designed' : null,
        },
        ...(closed
          ? [
              {
                phase: 'pilot' as const,
                budget: 70,
                started_on: day(start + 20),
                closed_on: day(-41),
                outcome: 'Piloted',
                decision: 'scale' as const,
              },
            ]
          : []),
      ]
      const inserted = await db
        .insertInto('delivery_phases')
        .values(phases.map((phase) => ({ cycle_id: cycle.id, ...phase })))
        .returning('id')
        .execute()
      await db
        .insertInto('delivery_time_entries')
        .values(
          inserted.flatMap((phase) =>
            Array.from({ length: 5 }, (_, e) => ({
              phase_id: phase.id,
              worked_on: day(start + e),
              hours: 2,
            })),
          ),
        )
        .execute()
    }
    // Closed sprints with frozen figures.
    await db
      .insertInto('sprints')
      .values(
        Array.from({ length: SIZE.sprints }, (_, s) => {
          const committed = 20 + Math.floor(random() * 20)
          const completed = Math.floor(committed * (0.5 + random() * 0.5))
          return {
            initiative_id: id,
            number: s + 1,
            start_date: day(-14 * (SIZE.sprints - s) - 14),
            end_date: day(-14 * (SIZE.sprints - s)),
            status: 'closed' as const,
            closed_at: new Date(),
            snapshot: JSON.stringify({
              figures: {
                committed,
                added: 3,
                removed: 1,
                cancelled: 0,
                completed,
                completedCommitted: completed,
                cancelledCommitted: 0,
                carried: committed - completed,
                carriedItems: [],
                velocity: completed,
                predictability: completed / committed,
              },
              burndown: { days: [], ideal: [], remaining: [], scope: [], scopeChanges: [] },
              carriedTo: 'backlog',
            }),
          }
        }),
      )
      .execute()
    // EET and pilot feedback.
    const eet = Array.from({ length: SIZE.eet }, () => pick(sellers))
    await db
      .insertInto('eet_members')
      .values(
        [...new Set(eet.map((s) => s.id))].map((seller_id) => ({
          initiative_id: id,
          seller_id,
          joined_on: day(-100),
        })),
      )
      .execute()
    await db
      .insertInto('pilot_feedback')
      .values(
        Array.from({ length: SIZE.feedback }, (_, f) => {
          const status = pick(['new', 'under_review', 'planned', 'shipped', 'declined'] as const)
          return {
            initiative_id: id,
            release: `1.${f % 4}`,
            kind: 'idea' as const,
            usefulness: 1 + Math.floor(random() * 5),
            ease: 3,
            recommend: Math.floor(random() * 11),
            title: `Feedback ${f}`,
            status,
            decline_reason: status === 'declined' ? 'Out of scope.' : null,
            closed_at: status === 'shipped' || status === 'declined' ? new Date() : null,
          }
        }),
      )
      .execute()
    // Stage gates and an approved business case.
    await db
      .insertInto('stage_gates')
      .values({
        initiative_id: id,
        from_stage: 'frame',
        to_stage: 'design',
        criteria: JSON.stringify([]),
        status: 'approved',
        decision_date: day(-90),
      })
      .execute()
    if (n % 3 !== 0) {
      const businessCase = await db
        .insertInto('business_cases')
        .values({
          initiative_id: id,
          version: 1,
          status: 'approved',
          horizon_years: 3,
          decided_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const benefit = await db
        .insertInto('business_case_benefits')
        .values({ case_id: businessCase.id, position: 0, name: 'Benefit', start_year: 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('business_case_assumptions')
        .values({ benefit_id: benefit.id, position: 0, name: 'Value', value: 100000 })
        .execute()
    }
  }
  // Recommendation events over the last 60 days, through the events API's own ingest (rollups kept in step).
  const events = []
  for (let e = 0; e < SIZE.events / 2; e++) {
    const seller = pick(sellers)
    const at = Date.now() - random() * 60 * 86_400_000
    events.push({
      event_id: `g${e}`,
      type: 'generated' as const,
      occurred_at: new Date(at).toISOString(),
      recommendation_id: `r${e}`,
      seller_id: seller.seller_id,
      recommendation_type: 'cross_sell',
      model_version: 'v1',
      explanation: null,
      account_id: null,
      reason_code: null,
      reason_text: null,
      amount: null,
      currency: null,
    })
    events.push({
      event_id: `d${e}`,
      type: pick(['viewed', 'accepted', 'rejected'] as const),
      occurred_at: new Date(at + 3_600_000).toISOString(),
      recommendation_id: `r${e}`,
      seller_id: seller.seller_id,
      recommendation_type: 'cross_sell',
      model_version: 'v1',
      explanation: null,
      account_id: null,
      reason_code: null,
      reason_text: null,
      amount: null,
      currency: null,
    })
  }
  for (let i = 0; i < events.length; i += 5000) await storeEvents(db, events.slice(i, i + 5000) as never)
  return { sponsor: sponsor!, lead: lead!, program, sellers }
}
