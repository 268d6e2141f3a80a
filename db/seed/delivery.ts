import type { Transaction } from 'kysely'
import { burndown, sprintFigures, type SprintEntry } from '~/models/delivery/burndown'
import { addDays, todayIn } from '~/utils/calendar'
import type { DB } from '~/utils/db.types'
import type { BacklogItemType, DeliveryPhase, PilotDecision, SprintSnapshot } from '~/models/delivery/tables'

// Demo delivery data, dated relative to today (Taipei): the Daily Recommender mid-pilot with three closed
// sprints (carry-over, a mid-sprint addition, a cancellation, a removal), one running and the next one
// being planned from the EET's feedback; the other initiatives in their 10/10/10 phases, AI coaching
// overrunning its design budget. Closed sprints store their snapshot exactly as closing one would.

type SeedContext = { programId: string; initiatives: Record<string, string>; users: Record<string, string> }

type PhasePlan = {
  phase: DeliveryPhase
  start: number
  close?: number
  outcome?: string
  decision?: PilotDecision
  hours?: [number, number][]
  pauses?: [number, number | null, string][]
}

const BUDGET: Record<DeliveryPhase, number> = { frame: 10, design: 10, pilot: 70 }

export async function seedDelivery(trx: Transaction<DB>, ctx: SeedContext, now = new Date()) {
  const today = todayIn('Asia/Taipei', now)
  const day = (offset: number) => addDays(today, offset)
  const lead = ctx.users['lead@tenfold.demo'] ?? null
  const lead2 = ctx.users['lead2@tenfold.demo'] ?? null
  const eet = ctx.users['eet@tenfold.demo'] ?? null

  async function cycle(initiativeId: string, number: number, phases: PhasePlan[], by: string | null) {
    const last = phases[phases.length - 1]!
    const closedOn = last.phase === 'pilot' && last.close !== undefined ? day(last.close) : null
    const created = await trx
      .insertInto('delivery_cycles')
      .values({ initiative_id: initiativeId, number, started_on: day(phases[0]!.start), closed_on: closedOn })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const plan of phases) {
      const phase = await trx
        .insertInto('delivery_phases')
        .values({
          cycle_id: created.id,
          phase: plan.phase,
          budget: BUDGET[plan.phase],
          started_on: day(plan.start),
          closed_on: plan.close === undefined ? null : day(plan.close),
          outcome: plan.outcome ?? null,
          decision: plan.decision ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const [offset, hours] of plan.hours ?? [])
        await trx
          .insertInto('delivery_time_entries')
          .values({ phase_id: phase.id, worked_on: day(offset), hours, created_by: by })
          .execute()
      for (const [from, to, reason] of plan.pauses ?? [])
        await trx
          .insertInto('delivery_pauses')
          .values({
            phase_id: phase.id,
            from_date: day(from),
            to_date: to === null ? null : day(to),
            reason,
            created_by: by,
          })
          .execute()
    }
  }

  const recommender = ctx.initiatives['Daily Recommender']
  const coaching = ctx.initiatives['AI coaching for account executives']
  const microlearning = ctx.initiatives['Microlearning in the daily workflow']
  const dealer = ctx.initiatives['Dealer remote-support service']
  const launch = ctx.initiatives['Launch analytics for the patient support program']

  if (recommender) {
    await cycle(
      recommender,
      1,
      [
        {
          phase: 'frame',
          start: -52,
          close: -50,
          hours: [
            [-52, 4],
            [-51, 3.5],
            [-50, 2],
          ],
          outcome:
            'Account executives miss the moment a customer is ready to buy more seats; only 6–10% of leads become qualified opportunities.',
        },
        {
          phase: 'design',
          start: -50,
          close: -35,
          pauses: [[-44, -43, 'Waiting for approval to read CRM and licence-usage data']],
          outcome:
            'Propensity model on licence usage and marketing engagement, with a plain-language explanation per recommendation.',
        },
        { phase: 'pilot', start: -35 },
      ],
      lead,
    )
    await seedRecommenderSprints(trx, recommender, day, lead, eet)
  }
  if (coaching)
    await cycle(
      coaching,
      1,
      [
        {
          phase: 'frame',
          start: -22,
          close: -18,
          hours: [
            [-22, 5],
            [-20, 4],
            [-18, 2.5],
          ],
          outcome: 'Reps prepare calls from scattered notes; time with customers is falling.',
        },
        { phase: 'design', start: -18 },
      ],
      lead,
    )
  if (microlearning)
    await cycle(
      microlearning,
      1,
      [
        {
          phase: 'frame',
          start: -3,
          hours: [
            [-3, 3],
            [-2, 3.5],
            [-1, 2],
          ],
        },
      ],
      lead2,
    )
  if (dealer)
    await cycle(
      dealer,
      1,
      [
        {
          phase: 'frame',
          start: -400,
          close: -398,
          hours: [
            [-400, 6],
            [-399, 3],
          ],
          outcome: 'Dealers lose service revenue when machines fail unexpectedly.',
        },
        {
          phase: 'design',
          start: -398,
          close: -386,
          outcome: 'Failure-risk model from machine sensor data, alerting the dealer.',
        },
        {
          phase: 'pilot',
          start: -386,
          close: -310,
          outcome: 'Eight dealers sold remote-support contracts; unplanned downtime fell.',
          decision: 'scale',
        },
      ],
      lead2,
    )
  if (launch)
    await cycle(
      launch,
      1,
      [
        {
          phase: 'frame',
          start: -640,
          close: -639,
          hours: [[-640, 8]],
          outcome: 'Why is the uptake of the new therapy low?',
        },
        {
          phase: 'design',
          start: -639,
          close: -628,
          outcome: 'Launch analytics across reps, HCPs and patient-support calls.',
        },
        {
          phase: 'pilot',
          start: -628,
          close: -560,
          outcome:
            'Uptake was limited by patient affordability, not rep communication: effort moved to the patient support program.',
          decision: 'iterate',
        },
      ],
      lead,
    )
}

async function seedRecommenderSprints(
  trx: Transaction<DB>,
  initiativeId: string,
  day: (offset: number) => string,
  lead: string | null,
  eet: string | null,
) {
  // Pilot feedback the plans cite: the EET area's own rows when they exist, else two of ours.
  let feedback = await trx
    .selectFrom('pilot_feedback')
    .select(['id', 'title'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at')
    .limit(3)
    .execute()
  if (feedback.length < 2) {
    feedback = await trx
      .insertInto('pilot_feedback')
      .values([
        {
          initiative_id: initiativeId,
          submitter_id: eet,
          release: '0.3',
          kind: 'idea',
          usefulness: 3,
          ease: 4,
          recommend: 7,
          title: 'Tell me why a customer is recommended',
          body: 'Without a reason I do not trust the list, so I do not call.',
          status: 'planned',
        },
        {
          initiative_id: initiativeId,
          submitter_id: eet,
          release: '0.4',
          kind: 'usability',
          usefulness: 4,
          ease: 3,
          recommend: 8,
          title: 'Let me snooze a recommendation until after my customer visit',
          body: 'Some recommendations are right but the timing is wrong.',
          status: 'planned',
        },
      ])
      .returning(['id', 'title'])
      .execute()
  }
  const [explainFeedback, snoozeFeedback] = [feedback[0]!.id, feedback[1]!.id]

  const items: Record<string, string> = {}
  async function item(title: string, type: BacklogItemType, estimate: number, links: string[] = []) {
    const created = await trx
      .insertInto('backlog_items')
      .values({ initiative_id: initiativeId, title, type, estimate, created_by: lead })
      .returning('id')
      .executeTakeFirstOrThrow()
    items[title] = created.id
    for (const feedbackId of links)
      await trx
        .insertInto('backlog_item_feedback')
        .values({ backlog_item_id: created.id, feedback_id: feedbackId })
        .execute()
  }
  await item('Daily next-best-action list', 'story', 8)
  await item('Accept or reject with a reason', 'story', 5)
  await item('CRM opportunity sync', 'story', 5)
  await item('Explanation text for each recommendation', 'story', 8, [explainFeedback])
  await item('Rejection-reason analytics for the model team', 'experiment', 3)
  await item('Fix duplicate recommendations for merged accounts', 'bug', 2)
  await item('Model 2.0 with licence-usage signals', 'experiment', 8)
  await item('Mobile layout for the daily list', 'story', 5)
  await item('Seat-count data quality check', 'chore', 3)
  await item('Weekly digest for frontline managers', 'story', 2)
  await item('Snooze a recommendation', 'story', 5, [snoozeFeedback])
  await item('Explain competitor alerts', 'story', 3, [explainFeedback])
  await item('Fix reminder time zone', 'bug', 1)
  await item('Leaderboard of accepted recommendations', 'experiment', 5)
  await item('Offline mode for customer visits', 'story', 8)

  type Row = {
    title: string
    committed?: boolean
    added?: number
    done?: number
    removed?: number
    cancelled?: number
    reason?: string
  }
  type PlanRow = {
    title: string
    change: 'added' | 'removed' | 'carried'
    reason?: string
    feedback?: string
  }

  async function sprint(
    number: number,
    start: number,
    status: 'planning' | 'active' | 'closed',
    goal: string,
    rows: Row[],
    plan: PlanRow[],
    carryTo: 'next' | 'backlog' | null = null,
  ) {
    const startDate = day(start)
    const endDate = day(start + 13)
    const created = await trx
      .insertInto('sprints')
      .values({
        initiative_id: initiativeId,
        number,
        goal,
        start_date: startDate,
        end_date: endDate,
        // A closed sprint is written as running, then closed with its snapshot (as closing does).
        status: status === 'closed' ? 'active' : status,
        started_at: status === 'planning' ? null : new Date(`${startDate}T01:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const entries: (SprintEntry & { reason: string | null })[] = []
    for (const row of rows) {
      const id = items[row.title]!
      const estimate = await trx
        .selectFrom('backlog_items')
        .select('estimate')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      entries.push({
        itemId: id,
        title: row.title,
        points: estimate.estimate,
        committed: row.committed ?? row.added === undefined,
        addedOn: row.added === undefined ? null : day(row.added),
        doneOn: row.done === undefined ? null : day(row.done),
        removedOn: row.removed === undefined ? null : day(row.removed),
        cancelledOn: row.cancelled === undefined ? null : day(row.cancelled),
        reason: row.reason ?? null,
      })
    }
    const figures = sprintFigures(entries)
    for (const entry of entries) {
      await trx
        .insertInto('sprint_items')
        .values({
          sprint_id: created.id,
          backlog_item_id: entry.itemId,
          points: entry.points,
          committed: entry.committed,
          added_on: entry.addedOn,
          done_on: entry.doneOn,
          removed_on: entry.removedOn,
          cancelled_on: entry.cancelledOn,
          change_reason: entry.reason,
          carried_over: status === 'closed' && figures.carriedItems.includes(entry.itemId),
        })
        .execute()
      const status_ = entry.cancelledOn ? 'cancelled' : entry.doneOn ? 'done' : 'todo'
      const inSprint = status !== 'closed' && !entry.removedOn && !entry.cancelledOn
      await trx
        .updateTable('backlog_items')
        .set({ status: status_, sprint_id: inSprint ? created.id : null })
        .where('id', '=', entry.itemId)
        .execute()
    }
    for (const change of plan)
      await trx
        .insertInto('sprint_plan_changes')
        .values({
          sprint_id: created.id,
          backlog_item_id: items[change.title]!,
          change: change.change,
          reason: change.reason ?? '',
          feedback_id: change.feedback ?? null,
          created_by: lead,
        })
        .execute()
    if (status === 'closed') {
      const snapshot: SprintSnapshot = {
        figures,
        burndown: burndown({ startDate, endDate, entries }),
        carriedTo: figures.carriedItems.length ? carryTo : null,
      }
      await trx
        .updateTable('sprints')
        .set({
          status: 'closed',
          snapshot: JSON.stringify(snapshot),
          closed_at: new Date(`${endDate}T09:00:00Z`),
        })
        .where('id', '=', created.id)
        .execute()
    }
  }

  await sprint(
    1,
    -49,
    'closed',
    'A daily list reps can act on',
    [
      { title: 'Daily next-best-action list', done: -40 },
      { title: 'Accept or reject with a reason', done: -37 },
      { title: 'CRM opportunity sync' },
    ],
    [],
    'next',
  )
  await sprint(
    2,
    -35,
    'closed',
    'Recommendations reps trust',
    [
      { title: 'CRM opportunity sync', done: -31 },
      { title: 'Explanation text for each recommendation', done: -24 },
      {
        title: 'Rejection-reason analytics for the model team',
        cancelled: -28,
        reason: 'Covered by the recommendation analytics dashboard.',
      },
      {
        title: 'Fix duplicate recommendations for merged accounts',
        added: -30,
        done: -29,
        reason: 'EET reps saw the same customer twice on day one of the pilot.',
      },
    ],
    [
      { title: 'CRM opportunity sync', change: 'carried' },
      {
        title: 'Explanation text for each recommendation',
        change: 'added',
        reason: 'EET: reps ignore recommendations they cannot explain to themselves.',
        feedback: explainFeedback,
      },
    ],
  )
  await sprint(
    3,
    -21,
    'closed',
    'Model 2.0 in the pilot',
    [
      { title: 'Model 2.0 with licence-usage signals', done: -12 },
      { title: 'Mobile layout for the daily list', done: -10 },
      { title: 'Seat-count data quality check' },
      {
        title: 'Weekly digest for frontline managers',
        removed: -15,
        reason: 'Frontline managers asked to wait for the pilot review.',
      },
    ],
    [],
    'next',
  )
  await sprint(
    4,
    -7,
    'active',
    'Fewer wrong-moment recommendations',
    [
      { title: 'Seat-count data quality check', done: -3 },
      { title: 'Snooze a recommendation' },
      { title: 'Explain competitor alerts', done: -2 },
      {
        title: 'Fix reminder time zone',
        added: -4,
        done: -4,
        reason: 'Reminders arrived at 3 a.m. for reps in Taipei.',
      },
    ],
    [
      { title: 'Seat-count data quality check', change: 'carried' },
      {
        title: 'Snooze a recommendation',
        change: 'added',
        reason: 'EET: the right recommendation at the wrong moment gets rejected.',
        feedback: snoozeFeedback,
      },
      {
        title: 'Explain competitor alerts',
        change: 'added',
        reason: 'EET: competitor alerts were the least trusted type.',
        feedback: explainFeedback,
      },
    ],
  )
  await sprint(
    5,
    7,
    'planning',
    'Managers as change allies',
    [{ title: 'Weekly digest for frontline managers' }, { title: 'Offline mode for customer visits' }],
    [
      {
        title: 'Weekly digest for frontline managers',
        change: 'added',
        reason: 'Sprint review: frontline managers want to coach from the same list.',
      },
      { title: 'Offline mode for customer visits', change: 'added', reason: '' },
      {
        title: 'Leaderboard of accepted recommendations',
        change: 'removed',
        reason: 'EET: a leaderboard would feel like surveillance to reluctant users.',
        feedback: explainFeedback,
      },
    ],
  )
}
