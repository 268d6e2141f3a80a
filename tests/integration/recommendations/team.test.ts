/* eslint-disable @typescript-eslint/no-explicit-any -- loader answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { teamSellerIds } from '~/models/foundation/team.server'
import { loader as feedbackLoader } from '~/routes/team.feedback'
import { loader as overviewLoader } from '~/routes/team._index'
import { loader as repLoader } from '~/routes/team.reps.$sellerId'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import { recommendation, seedTeams, TEAM_A, TEAM_B } from './teams'

let users: Awaited<ReturnType<typeof seedTeams>>
let viewer: { id: string }
const RANGE = '?from=2026-11-01&to=2026-12-01'

async function as(user: { id: string }, loader: (args: any) => unknown, path: string, params = {}) {
  return run(loader, buildRequest(path, { cookie: await sessionCookieFor(user.id) }), params)
}

beforeAll(async () => {
  users = await seedTeams()
  viewer = await createUser({ role: 'viewer' })
  // By hand: A1 1 rec accepted → opportunity; A2 1 rec rejected; B1 1 rec accepted; X1 1 rec viewed.
  await recommendation('A1', '2026-11-10', ['shown', 'viewed', 'accepted', 'opportunity_created'])
  await recommendation('A2', '2026-11-12', ['shown', 'rejected'])
  await recommendation('B1', '2026-11-11', ['shown', 'viewed', 'accepted'])
  await recommendation('X1', '2026-11-11', ['shown', 'viewed'])
  // Pilot feedback from A1's and B1's linked users.
  const program = await createProgram()
  const initiative = await createInitiative({ programId: program.id })
  for (const seller of ['A1', 'B1']) {
    const user = await createUser({ role: 'eet_member' })
    await db.updateTable('sellers').set({ user_id: user.id }).where('seller_id', '=', seller).execute()
    await db
      .insertInto('pilot_feedback')
      .values({
        initiative_id: initiative.id,
        submitter_id: user.id,
        release: '1.0',
        kind: 'idea',
        usefulness: 4,
        ease: 4,
        recommend: 8,
        title: `Idea from ${seller}`,
      })
      .execute()
  }
})

describe("a manager's team, from the roster", () => {
  test('first-line managers lead their reps; the second line leads both teams and their managers', async () => {
    expect(await teamSellerIds(db, users.managerA.email)).toEqual(TEAM_A)
    expect(await teamSellerIds(db, users.managerB.email)).toEqual(TEAM_B)
    expect(await teamSellerIds(db, users.secondLine.email)).toEqual([...TEAM_A, ...TEAM_B, 'MA', 'MB'].sort())
    expect(await teamSellerIds(db, users.unknownManager.email)).toEqual([])
  })

  test('a cycle in manager_id ends the recursion', async () => {
    await db.updateTable('sellers').set({ manager_id: 'A1' }).where('seller_id', '=', 'MA').execute()
    try {
      expect(await teamSellerIds(db, users.managerA.email)).toEqual(TEAM_A)
    } finally {
      await db.updateTable('sellers').set({ manager_id: 'M2' }).where('seller_id', '=', 'MA').execute()
    }
  })
})

describe('the team pages', () => {
  test('a manager of team A gets 404 on a rep of team B or outside, and sees the reps of team A', async () => {
    for (const seller of ['B1', 'B2', 'X1', 'MB', 'nobody'])
      expect(
        statusOf(await as(users.managerA, repLoader, `/team/reps/${seller}`, { sellerId: seller })),
      ).toBe(404)
    const a1 = (await as(users.managerA, repLoader, `/team/reps/A1${RANGE}`, { sellerId: 'A1' })) as any
    expect(a1.figures).toMatchObject({ seller_id: 'A1', generated: 1, accepted: 1, opportunities: 1 })
    expect(a1.activity).toMatchObject({ active_days: 1, last_active_day: '2026-11-10' })
  })

  test('the funnel by rep shows only team A, with its figures counted by hand', async () => {
    const page = (await as(users.managerA, overviewLoader, `/team${RANGE}`)) as any
    expect(page.reps.rows.map((rep: any) => rep.seller_id)).toEqual(TEAM_A)
    // A1: generated 1, shown 1, accepted 1, opportunity 1. A2: generated 1, shown 1, rejected 1.
    expect(page.funnel).toMatchObject({
      generated: 2,
      shown: 2,
      accepted: 1,
      rejected: 1,
      opportunities: 1,
      acceptance_rate: 0.5,
      conversion_rate: 0.5,
    })
    expect(page.adoption).toMatchObject({ eligible: 2, active: 2, adoption_rate: 1 })
    expect(page.reps.rows[1]).toMatchObject({ seller_id: 'A2', rejected: 1, acceptance_rate: 0 })
    // Both reps were first active in the week of 2026-11-09, and not in the weeks after.
    expect(page.cohorts.cohorts[0]).toMatchObject({ week: '2026-11-09', size: 2 })
  })

  test('a second-line manager sees both teams below, and the feedback of both', async () => {
    const page = (await as(users.secondLine, overviewLoader, `/team${RANGE}`)) as any
    expect(page.reps.rows.map((rep: any) => rep.seller_id).sort()).toEqual(
      [...TEAM_A, ...TEAM_B, 'MA', 'MB'].sort(),
    )
    expect(page.funnel).toMatchObject({ generated: 3, accepted: 2, rejected: 1 })
    expect(statusOf(await as(users.secondLine, repLoader, '/team/reps/B1', { sellerId: 'B1' }))).toBe(200)
    expect(statusOf(await as(users.secondLine, repLoader, '/team/reps/X1', { sellerId: 'X1' }))).toBe(404)
    const feedback = (await as(users.secondLine, feedbackLoader, '/team/feedback')) as any
    expect(feedback.feedback.map((item: any) => item.title).sort()).toEqual(['Idea from A1', 'Idea from B1'])
  })

  test("team A's manager sees team A's feedback only; a manager not in the roster sees no rep", async () => {
    const feedback = (await as(users.managerA, feedbackLoader, '/team/feedback')) as any
    expect(feedback.feedback.map((item: any) => item.title)).toEqual(['Idea from A1'])
    const empty = (await as(users.unknownManager, overviewLoader, `/team${RANGE}`)) as any
    expect(empty.reps.rows).toEqual([])
    expect(empty.funnel.generated).toBe(0)
  })

  test('the reps list sorts by name, filters by text and exports the rows shown', async () => {
    const ids = async (query: string) =>
      ((await as(users.secondLine, overviewLoader, `/team${RANGE}&${query}`)) as any).reps.rows.map(
        (rep: any) => rep.seller_id,
      )
    // By hand from the roster's names: Alice A1, Arthur A2, Beatrice B1, Bruno B2, Manager A, Manager B.
    expect(await ids('sort=name')).toEqual(['A1', 'A2', 'B1', 'B2', 'MA', 'MB'])
    expect(await ids('sort=name&dir=desc')).toEqual(['MB', 'MA', 'B2', 'B1', 'A2', 'A1'])
    expect(await ids('q=manager&sort=name')).toEqual(['MA', 'MB'])
    // A1 and B1 accepted their one recommendation (100 %), A2 rejected its one (0 %); the rest had none.
    expect((await ids('sort=acceptance&dir=desc')).slice(0, 3)).toEqual(['A1', 'B1', 'A2'])
    const answer = (await as(
      users.secondLine,
      overviewLoader,
      `/team${RANGE}&q=manager&sort=name&dir=desc&format=csv`,
    )) as Response
    const lines = (await answer.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines.map((line) => line.split(',')[1])).toEqual(['Seller ID', 'MB', 'MA'])
  })

  test('a viewer has no team pages (403)', async () => {
    expect(statusOf(await as(viewer, overviewLoader, '/team'))).toBe(403)
    expect(statusOf(await as(viewer, repLoader, '/team/reps/A1', { sellerId: 'A1' }))).toBe(403)
  })
})
