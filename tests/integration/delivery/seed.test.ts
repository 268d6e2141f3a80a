import { expect, test } from 'vitest'
import { listCycles } from '~/models/delivery/cycle.server'
import { currentPhase, sprintPredictability } from '~/models/delivery/reporting.server'
import { listPlanChanges, listSprints } from '~/models/delivery/sprint.server'
import { db } from '~/utils/db.server'
import { seedDelivery } from '#db/seed/delivery'
import { createInitiative, createProgram, createUser } from '#tests/factories'

const NAMES = [
  'Daily Recommender',
  'AI coaching for account executives',
  'Microlearning in the daily workflow',
  'Dealer remote-support service',
  'Launch analytics for the patient support program',
]

test('the demo: the Daily Recommender mid-pilot with closed, running and planned sprints; AI coaching overrunning', async () => {
  const lead = await createUser({ role: 'lead', email: 'lead@tenfold.demo' })
  const eet = await createUser({ role: 'eet_member', email: 'eet@tenfold.demo' })
  const program = await createProgram()
  const initiatives: Record<string, string> = {}
  for (const name of NAMES)
    initiatives[name] = (await createInitiative({ programId: program.id, name, leadId: lead.id })).id
  const now = new Date('2026-11-27T04:00:00Z')
  await db.transaction().execute((trx) =>
    seedDelivery(
      trx,
      {
        programId: program.id,
        initiatives,
        users: { 'lead@tenfold.demo': lead.id, 'eet@tenfold.demo': eet.id },
      },
      now,
    ),
  )
  const recommender = initiatives['Daily Recommender']!
  expect(await currentPhase(db, recommender, '2026-11-27')).toMatchObject({
    phase: 'pilot',
    used: 36,
    warning: false,
  })
  expect(
    await currentPhase(db, initiatives['AI coaching for account executives']!, '2026-11-27'),
  ).toMatchObject({
    phase: 'design',
    overrun: true,
  })
  expect(
    await currentPhase(db, initiatives['Microlearning in the daily workflow']!, '2026-11-27'),
  ).toMatchObject({
    phase: 'frame',
    used: 8.5,
    warning: true,
  })
  const [dealer] = await listCycles(db, initiatives['Dealer remote-support service']!, '2026-11-27')
  expect(dealer?.phases.map((p) => p.decision)).toEqual([null, null, 'scale'])

  const sprints = await listSprints(db, recommender)
  expect(sprints.map((s) => [s.number, s.status])).toEqual([
    [5, 'planning'],
    [4, 'active'],
    [3, 'closed'],
    [2, 'closed'],
    [1, 'closed'],
  ])
  const [, , third, second, first] = sprints
  expect(first!.snapshot!.figures).toMatchObject({ committed: 18, completed: 13, carried: 5 })
  expect(second!.snapshot!.figures).toMatchObject({
    committed: 16,
    added: 2,
    cancelled: 3,
    completed: 15,
    carried: 0,
  })
  expect(third!.snapshot!.figures).toMatchObject({ committed: 18, removed: 2, completed: 13, carried: 3 })
  expect(await sprintPredictability(db, recommender, 3)).toMatchObject({
    sprintCount: 3,
    // (13 + 13 + 13) ÷ (18 + (16 − 3) + 18)
    predictability: 39 / 49,
  })
  const review = await listPlanChanges(db, sprints[0]!.id)
  expect(review.filter((change) => change.feedback_id).map((change) => change.item_title)).toEqual([
    'Leaderboard of accepted recommendations',
  ])
})
