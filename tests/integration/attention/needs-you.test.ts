import { beforeAll, describe, expect, test } from 'vitest'
import { decideCase } from '~/models/accountability/business-case.server'
import { decideGate } from '~/models/accountability/gate.server'
import { acknowledgeItem } from '~/models/attention/acknowledgement.server'
import { countNeedsYou, COUNT_TTL_MS, needsYou } from '~/models/attention/needs-you.server'
import { triageFeedback } from '~/models/eet/feedback.server'
import { recordMeasurements, writerForUser } from '~/models/kpi/measurement.server'
import { saveHealthOverrides } from '~/models/sponsor/health-settings.server'
import { loader as homeLoader, action as homeAction } from '~/routes/_index'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'

// "Needs you" per role, as of a fixed clock (2026-12-10 12:00 UTC, a Thursday; the program reports in
// UTC). Each condition is set up in its own area's tables; the expected lists are written out by hand
// from the rules in app/models/attention/kinds.ts, and acting on an item (deciding, measuring,
// triaging, marking seen) takes it off.

const NOW = new Date('2026-12-10T12:00:00Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000)
type User = Awaited<ReturnType<typeof createUser>>
let admin: User, lead: User, sponsor: User, rep: User, idleRep: User, viewer: User
let programId: string
let initiative: { id: string; lead_id: string | null; sponsor_id: string | null }
let kpi: { id: string; key: string }
let feedbackId: string
let gateId: string

const kindsOf = async (user: User) =>
  (await needsYou(db, user, NOW)).map((item) => `${item.urgency} ${item.kind}`)

async function seller(id: string, userId: string) {
  return db
    .insertInto('sellers')
    .values({
      seller_id: id,
      name: `Rep ${id}`,
      region: 'N',
      segment: 'SMB',
      team: 'T',
      role: 'AE',
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

beforeAll(async () => {
  programId = (await createProgram({ reporting_timezone: 'UTC' })).id
  // No red band while the lists are compared (score ≥ 0 is at least amber); the failure-mode test lowers it.
  ;[admin, lead, sponsor, rep, idleRep, viewer] = await Promise.all([
    createUser({ role: 'admin' }),
    createUser({ role: 'lead' }),
    createUser({ role: 'sponsor' }),
    createUser({ role: 'eet_member' }),
    createUser({ role: 'eet_member' }),
    createUser({ role: 'viewer' }),
  ])
  await saveHealthOverrides(db, admin, programId, { inputs: {}, bands: { green: 0, amber: 0 } })
  initiative = await createInitiative({ programId, leadId: lead.id, sponsorId: sponsor.id, stage: 'design' })
  // A business case submitted by the lead two days ago → its sponsor decides (due, not yet overdue).
  await db
    .insertInto('business_cases')
    .values({
      initiative_id: initiative.id,
      version: 1,
      status: 'submitted',
      author_id: lead.id,
      submitted_by: lead.id,
      submitted_at: daysAgo(2),
    })
    .execute()
  // A gate requested eight days ago → overdue for the sponsor (more than 7 days).
  gateId = (
    await db
      .insertInto('stage_gates')
      .values({
        initiative_id: initiative.id,
        from_stage: 'design',
        to_stage: 'pilot',
        criteria: JSON.stringify([]),
        requested_by: lead.id,
        requested_at: daysAgo(8),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  // A governance review the sponsor owns, due in three days → soon.
  await db
    .insertInto('governance_reviews')
    .values({
      overlap_kind: 'kpi',
      subject: 'Shared adoption KPI',
      initiative_ids: [initiative.id],
      action: 'share',
      decision: 'Share one KPI',
      owner_id: sponsor.id,
      due_date: '2026-12-13',
      created_by: sponsor.id,
    })
    .execute()
  // A weekly KPI the lead owns, last measured for the week ending 2026-11-01: the next week ended
  // 11-08, three grace days → stale after 11-11 → stale (overdue) on 12-10.
  kpi = await db
    .insertInto('kpis')
    .values({
      program_id: programId,
      initiative_id: initiative.id,
      key: 'calls',
      name_en: 'Customers contacted',
      name_zh_tw: '聯繫的客戶數',
      kind: 'leading',
      category: 'adoption',
      direction: 'higher',
      cadence: 'weekly',
      owner_id: lead.id,
      grace_days: 3,
    })
    .returning(['id', 'key'])
    .executeTakeFirstOrThrow()
  await recordMeasurements(db, writerForUser(lead, 'form'), [
    { kpi: { ...kpi, cadence: 'weekly', rollup: 'none' }, period_end: '2026-11-01', value: 10 },
  ])
  // Feedback from the rep, new for seven days (more than 5) → the lead triages.
  feedbackId = (
    await db
      .insertInto('pilot_feedback')
      .values({
        initiative_id: initiative.id,
        submitter_id: rep.id,
        release: '1.0',
        kind: 'idea',
        usefulness: 4,
        ease: 4,
        recommend: 8,
        title: 'Explain each call',
        created_at: daysAgo(7),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  // Two EET members since 30 days: the rep gave feedback 7 days ago; the idle rep nothing → inactive.
  for (const user of [rep, idleRep]) {
    const { id } = await seller(user.id.slice(0, 8), user.id)
    await db
      .insertInto('eet_members')
      .values({ initiative_id: initiative.id, seller_id: id, joined_on: '2026-11-10' })
      .execute()
  }
  // An active sprint ending tomorrow; a sprint closed three days ago with 10 committed points, 6 done
  // and 1 cancelled → 3 slipped.
  await db
    .insertInto('sprints')
    .values([
      {
        initiative_id: initiative.id,
        number: 2,
        start_date: '2026-11-28',
        end_date: '2026-12-11',
        status: 'active',
      },
      {
        initiative_id: initiative.id,
        number: 1,
        start_date: '2026-11-14',
        end_date: '2026-11-27',
        status: 'closed',
        closed_at: daysAgo(3),
        snapshot: JSON.stringify({
          figures: { committed: 10, completedCommitted: 6, cancelledCommitted: 1 },
          burndown: {},
          carriedTo: null,
        }),
      },
    ])
    .execute()
  // A design phase of 10 working days started on Monday 2026-11-30: 30 Nov–4 Dec and 7–10 Dec are 9
  // working days used of 10 (90 %) → at 80 %, not over.
  const cycle = await db
    .insertInto('delivery_cycles')
    .values({ initiative_id: initiative.id, number: 1, started_on: '2026-11-20' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('delivery_phases')
    .values([
      {
        cycle_id: cycle.id,
        phase: 'frame',
        budget: 10,
        started_on: '2026-11-20',
        closed_on: '2026-11-30',
        outcome: 'Framed',
      },
      { cycle_id: cycle.id, phase: 'design', budget: 10, started_on: '2026-11-30' },
    ])
    .execute()
})

describe('needs you, per role', () => {
  test('each user sees exactly the conditions that hold for them, most urgent first', async () => {
    expect(await kindsOf(sponsor)).toEqual([
      'overdue gate.requested',
      'due case.submitted',
      'soon governance.review_due',
    ])
    expect(await kindsOf(lead)).toEqual([
      'overdue kpi.stale',
      'due feedback.untriaged',
      'soon sprint.ending', // has a due day, sorts before the others of its urgency
      'soon eet.inactive', // since 14 days ago: 2026-11-26
      'soon cycle.phase_warning', // since the phase started, 2026-11-30
      'info sprint.slipped',
    ])
    // The initiative has a sponsor: admins decide only where there is none.
    expect(await kindsOf(admin)).toEqual([])
    expect(await kindsOf(rep)).toEqual([])
    expect(await kindsOf(idleRep)).toEqual([])
    expect(await kindsOf(viewer)).toEqual([])
    const phase = (await needsYou(db, lead, NOW)).find((item) => item.kind === 'cycle.phase_warning')!
    expect(phase.vars.percent).toBe(90)
    const slipped = (await needsYou(db, lead, NOW)).find((item) => item.kind === 'sprint.slipped')!
    expect(slipped.vars.points).toBe(3)
  })

  test('the home page lists them with their links', async () => {
    const data = (await run(
      homeLoader,
      buildRequest('/', { cookie: await sessionCookieFor(sponsor.id) }),
    )) as {
      attention: { kind: string; link: string }[]
    }
    expect(data.attention.map((item) => item.kind)).toContain('case.submitted')
    expect(data.attention.find((item) => item.kind === 'case.submitted')!.link).toBe(
      `/initiatives/${initiative.id}/case`,
    )
  })

  test('acting on an item removes it, and tells whom it concerns', async () => {
    await decideCase(db, sponsor, initiative, 'approved', 'Go')
    await decideGate(
      db,
      sponsor,
      gateInitiative(initiative),
      {
        gate_id: gateId,
        decision: 'approved',
        decision_date: '2026-12-10',
        override_reason: 'Judged by the sponsor',
        decision_notes: '',
      },
      '2026-12-04',
    )
    expect(await kindsOf(sponsor)).toEqual(['soon governance.review_due'])
    await recordMeasurements(db, writerForUser(lead, 'form'), [
      { kpi: { ...kpi, cadence: 'weekly', rollup: 'none' }, period_end: '2026-12-06', value: 12 },
    ])
    await triageFeedback(db, lead, initiative.id, feedbackId, {
      status: 'under_review',
      note: '',
      decline_reason: '',
    } as never)
    const lead1 = await kindsOf(lead)
    expect(lead1).not.toContain('overdue kpi.stale')
    expect(lead1).not.toContain('due feedback.untriaged')
    expect(lead1.filter((k) => k.startsWith('info')).sort()).toEqual([
      'info case.decided',
      'info gate.decided',
      'info sprint.slipped',
    ])
    expect(await kindsOf(rep)).toEqual(['info feedback.status'])
    // Informational items end when marked seen, through the home page's form too.
    const decided = (await needsYou(db, lead, NOW)).find((item) => item.kind === 'case.decided')!
    const response = await run(
      homeAction,
      buildRequest('/', {
        method: 'POST',
        cookie: await sessionCookieFor(lead.id),
        form: { intent: 'seen', key: decided.key },
      }),
    )
    expect(response).toEqual({ ok: true })
    expect(await kindsOf(lead)).not.toContain('info case.decided')
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'attention.acknowledge')
      .execute()
    expect(audited.map((row) => row.entity_id)).toEqual([decided.key])
    // An actionable item cannot be dismissed.
    const review = (await needsYou(db, sponsor, NOW))[0]!
    await expect(acknowledgeItem(db, sponsor, review.key)).rejects.toThrow(DomainError)
  })

  test('a sponsor hears when an initiative they sponsor heads into a failure mode', async () => {
    // Bands at 100: any scored mode below 100 is red. Progress is scored (a phase running at 90 %).
    await saveHealthOverrides(db, admin, programId, { inputs: {}, bands: { green: 100, amber: 100 } })
    const items = await needsYou(db, sponsor, NOW)
    expect(
      items.filter((item) => item.kind === 'initiative.failure_mode').map((item) => item.vars.mode),
    ).toContain('progress')
    const other = await createUser({ role: 'sponsor' })
    expect((await needsYou(db, other, NOW)).map((item) => item.kind)).toEqual([])
    await saveHealthOverrides(db, admin, programId, { inputs: {}, bands: { green: 0, amber: 0 } })
  })
})

describe('the shell’s count', () => {
  test('equals the list’s length for every role, and follows a change at once', async () => {
    for (const user of [admin, lead, sponsor, rep, idleRep, viewer])
      expect(await countNeedsYou(db, user, NOW)).toBe((await needsYou(db, user, NOW)).length)
    const before = await countNeedsYou(db, lead, NOW)
    // Marking an item seen is audited: the next count (same clock, inside the cache's lifetime) sees it.
    const slipped = (await needsYou(db, lead, NOW)).find((item) => item.kind === 'sprint.slipped')!
    await acknowledgeItem(db, lead, slipped.key)
    expect(await countNeedsYou(db, lead, NOW)).toBe(before - 1)
    expect(await countNeedsYou(db, lead, NOW)).toBe((await needsYou(db, lead, NOW)).length)
    // A change no one audits (a row written behind the models' back) shows once the cache's time is up.
    await db.deleteFrom('attention_acknowledgements').where('user_id', '=', lead.id).execute()
    expect(await countNeedsYou(db, lead, NOW)).toBe(before - 1)
    // (Both marks are gone: this one and the earlier test's case.decided.)
    const later = new Date(NOW.getTime() + COUNT_TTL_MS)
    expect(await countNeedsYou(db, lead, later)).toBe(before + 1)
    expect(await countNeedsYou(db, lead, later)).toBe((await needsYou(db, lead, later)).length)
  })
})

/** The initiative as the gate models take it (the routes add the lead's and sponsor's names). */
function gateInitiative<T extends { id: string; lead_id: string | null; sponsor_id: string | null }>(
  initiative: T,
) {
  return { program_id: programId, ...initiative, lead_name: null, sponsor_name: null }
}
