import { beforeAll, describe, expect, test } from 'vitest'
import { countUnreadNotifications, listNotifications } from '~/models/attention/notification.server'
import { addEetMembers, endEetMembership, eetRepresentativeness } from '~/models/eet/eet.server'
import {
  feedbackSummary,
  getFeedback,
  listFeedback,
  mergeFeedback,
  setVote,
  submitFeedback,
  triageFeedback,
} from '~/models/eet/feedback.server'
import {
  loader as feedbackLoader,
  action as feedbackAction,
} from '~/routes/initiatives.$initiativeId.feedback.$feedbackId'
import { action as newFeedbackAction } from '~/routes/initiatives.$initiativeId.feedback.new'
import { db } from '~/utils/db.server'
import { createInitiative, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import { DomainError } from '~/utils/domain-error'

type User = Awaited<ReturnType<typeof createUser>>
let lead: User
let otherLead: User
let member: User
let peer: User
let outsider: User
let pilot: string
let otherPilot: string

async function seller(sellerId: string, userId: string | null, extra: Record<string, string> = {}) {
  return db
    .insertInto('sellers')
    .values({
      seller_id: sellerId,
      name: `Rep ${sellerId}`,
      region: extra.region ?? 'North',
      segment: extra.segment ?? 'SMB',
      team: 'T1',
      role: 'Account executive',
      tech_affinity: (extra.affinity as 'enthusiast') ?? 'enthusiast',
      hire_date: '2020-01-01',
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

const input = {
  release: '1.0',
  kind: 'recommendation_quality' as const,
  usefulness: 4,
  ease: 3,
  recommend: 9,
  title: 'Recommendations ignore my open quotes',
  body: '推薦清單沒有考慮我已經送出的報價。',
}

beforeAll(async () => {
  lead = await createUser({ role: 'lead' })
  otherLead = await createUser({ role: 'lead' })
  member = await createUser({ role: 'eet_member' })
  peer = await createUser({ role: 'eet_member' })
  outsider = await createUser({ role: 'eet_member' })
  pilot = (await createInitiative({ leadId: lead.id, name: 'Daily Recommender' })).id
  otherPilot = (await createInitiative({ leadId: otherLead.id })).id
  const reps = await Promise.all([
    seller('M1', member.id),
    seller('P1', peer.id, { affinity: 'avoider', region: 'South' }),
    seller('O1', outsider.id),
  ])
  await addEetMembers(db, lead, pilot, { sellerIds: [reps[0].id, reps[1].id], joinedOn: '2026-01-05' })
  await addEetMembers(db, otherLead, otherPilot, { sellerIds: [reps[2].id], joinedOn: '2026-01-05' })
})

describe('the EET mirrors initiative access', () => {
  test('joining gives the linked user the pilot, leaving takes it away (same transaction)', async () => {
    const kinds = await db
      .selectFrom('initiative_members')
      .select(['initiative_id', 'user_id'])
      .where('kind', '=', 'eet')
      .execute()
    expect(kinds).toEqual(
      expect.arrayContaining([
        { initiative_id: pilot, user_id: member.id },
        { initiative_id: pilot, user_id: peer.id },
        { initiative_id: otherPilot, user_id: outsider.id },
      ]),
    )
    const temp = await createUser({ role: 'eet_member' })
    const rep = await seller('T1', temp.id)
    await addEetMembers(db, lead, pilot, { sellerIds: [rep.id], joinedOn: '2026-02-01' })
    const stint = await db
      .selectFrom('eet_members')
      .select('id')
      .where('seller_id', '=', rep.id)
      .executeTakeFirstOrThrow()
    await expect(
      endEetMembership(db, lead, pilot, { memberId: stint.id, leftOn: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'eet.members.error.dates' })
    await endEetMembership(db, lead, pilot, { memberId: stint.id, leftOn: '2026-03-01' })
    expect(
      await db.selectFrom('initiative_members').selectAll().where('user_id', '=', temp.id).execute(),
    ).toEqual([])
    // Another initiative's lead cannot change this EET.
    await expect(
      addEetMembers(db, otherLead, pilot, { sellerIds: [rep.id], joinedOn: '2026-04-01' }),
    ).rejects.toMatchObject({ code: 'error.forbidden.body', status: 403 })
  })

  test('representativeness is computed from open stints against the eligible force', async () => {
    const report = await eetRepresentativeness(db, pilot, '2026-06-01')
    expect(report.eetSize).toBe(2)
    expect(report.forceSize).toBe(4)
    // Force: enthusiasts 3/4 (M1, O1, T1), avoider 1/4; EET: 1/2 and 1/2 → TVD 0.25.
    expect(report.attributes.find((a) => a.attribute === 'tech_affinity')!.tvd).toBeCloseTo(0.25)
  })
})

describe('pilot feedback: submit → triage → notification', () => {
  test('an EET member submits, a lead plans and ships it, the member is notified and sees the outcome', async () => {
    const { id } = await submitFeedback(db, member, pilot, input)
    expect(await countUnreadNotifications(db, member.id)).toBe(0)
    await setVote(db, peer, pilot, id, true)
    await expect(setVote(db, member, pilot, id, true)).rejects.toMatchObject({
      code: 'error.forbidden.body',
      status: 403,
    })

    await triageFeedback(db, lead, pilot, id, { status: 'under_review', decline_reason: '', note: '' })
    await triageFeedback(db, lead, pilot, id, { status: 'planned', decline_reason: '', note: 'Sprint 4' })
    await expect(
      triageFeedback(db, lead, pilot, id, { status: 'new', decline_reason: '', note: '' }),
    ).rejects.toMatchObject({ code: 'eet.feedback.badTransition', field: 'status' })
    await triageFeedback(db, lead, pilot, id, { status: 'shipped', decline_reason: '', note: 'In 1.1' })

    expect(await countUnreadNotifications(db, member.id)).toBe(3)
    const [latest] = await listNotifications(db, member.id)
    expect(latest).toMatchObject({
      kind: 'feedback.status',
      payload: { status: 'shipped', title: input.title },
      link: `/initiatives/${pilot}/feedback/${id}`,
    })
    const seen = await getFeedback(db, member, pilot, id)
    expect(seen).toMatchObject({ status: 'shipped', votes: 1, mine: true, canTriage: false })
    expect(seen!.events.map((event) => event.to_status)).toEqual([
      'new',
      'under_review',
      'planned',
      'shipped',
    ])
    expect(seen!.first_response_at).not.toBeNull()
    expect(seen!.closed_at).not.toBeNull()
  })

  test('declining needs a reason that the submitter sees; duplicates merge with their votes', async () => {
    const a = await submitFeedback(db, member, pilot, { ...input, title: 'Explain each recommendation' })
    const b = await submitFeedback(db, peer, pilot, { ...input, title: 'Why this customer?', recommend: 3 })
    await setVote(db, member, pilot, b.id, true)
    await mergeFeedback(db, lead, pilot, b.id, a.id)
    const merged = await getFeedback(db, peer, pilot, b.id)
    expect(merged!.target).toMatchObject({ id: a.id })
    const target = await getFeedback(db, member, pilot, a.id)
    // member's vote on b is their own item now → dropped; peer (b's submitter) becomes a voter.
    expect(target!.votes).toBe(1)
    expect(target!.duplicates.map((d) => d.id)).toEqual([b.id])
    await triageFeedback(db, lead, pilot, a.id, {
      status: 'declined',
      decline_reason: 'The model cannot see quotes yet',
      note: '',
    })
    const peerNotices = await listNotifications(db, peer.id)
    expect(peerNotices.map((n) => n.kind)).toEqual(['feedback.status', 'feedback.merged'])
    expect(peerNotices[0]!.payload).toMatchObject({
      status: 'declined',
      reason: 'The model cannot see quotes yet',
    })
    expect((await getFeedback(db, member, pilot, a.id))!.decline_reason).toBe(
      'The model cannot see quotes yet',
    )
  })

  test('no EET member can read or change another initiative’s feedback', async () => {
    const { id } = await submitFeedback(db, member, pilot, { ...input, title: 'Private to this pilot' })
    expect(await getFeedback(db, outsider, pilot, id)).toBeNull()
    expect(await listFeedback(db, outsider, pilot)).toEqual([])
    await expect(setVote(db, outsider, pilot, id, true)).rejects.toBeInstanceOf(DomainError)
    await expect(submitFeedback(db, outsider, pilot, input)).rejects.toMatchObject({
      code: 'error.notFound.body',
      status: 404,
    })
    await expect(
      triageFeedback(db, otherLead, pilot, id, { status: 'under_review', decline_reason: '', note: '' }),
    ).rejects.toMatchObject({ code: 'error.notFound.body', status: 404 })

    // Through the routes as well: 404 for the outsider, 403 for a peer trying to triage.
    const outsiderCookie = await sessionCookieFor(outsider.id)
    const params = { initiativeId: pilot, feedbackId: id }
    const path = `/initiatives/${pilot}/feedback/${id}`
    expect(statusOf(await run(feedbackLoader, buildRequest(path, { cookie: outsiderCookie }), params))).toBe(
      404,
    )
    expect(
      statusOf(
        await run(
          feedbackAction,
          buildRequest(path, { form: { intent: 'vote' }, cookie: outsiderCookie }),
          params,
        ),
      ),
    ).toBe(404)
    const peerCookie = await sessionCookieFor(peer.id)
    expect(
      statusOf(
        await run(
          feedbackAction,
          buildRequest(path, {
            form: { intent: 'status', status: 'declined', decline_reason: 'x' },
            cookie: peerCookie,
          }),
          params,
        ),
      ),
    ).toBe(403)
    const item = await db
      .selectFrom('pilot_feedback')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(item.status).toBe('new')
  })

  test('the form reports bad input per field in the user language, writing nothing', async () => {
    const cookie = await sessionCookieFor(member.id)
    const before = await db
      .selectFrom('pilot_feedback')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    const result = await run(
      newFeedbackAction,
      buildRequest(`/initiatives/${pilot}/feedback/new`, {
        form: { release: '1.0', kind: 'rant', usefulness: '7', ease: '', recommend: '11', title: '' },
        cookie,
      }),
      { initiativeId: pilot },
    )
    expect(statusOf(result)).toBe(400)
    const body = (result as { data: { fieldErrors: Record<string, string[]> } }).data
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['ease', 'kind', 'recommend', 'title', 'usefulness'])
    const after = await db
      .selectFrom('pilot_feedback')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    expect(Number(after!.n)).toBe(Number(before!.n))
  })

  test('feedbackSummary gives volume, averages, NPS, response time and closed-loop share', async () => {
    const summary = await feedbackSummary(db, pilot)
    expect(summary.total).toBe(4)
    // Recommend scores 9, 9, 3, 9 → 3 promoters, 1 detractor → NPS 50.
    expect(summary.nps).toBe(50)
    expect(summary.byKind.recommendation_quality).toBe(4)
    // shipped, declined, merged into declined → 3 of 4 closed.
    expect(summary.closedLoopShare).toBe(0.75)
    expect(summary.answered).toBe(3)
  })
})
