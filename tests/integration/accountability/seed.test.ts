import { expect, test } from 'vitest'
import { approvedCaseValue, getCase, pendingDecisions } from '~/models/business-case.server'
import { evaluateChecklist } from '~/models/checklist.server'
import { findOverlaps } from '~/models/governance.server'
import { getInitiative } from '~/models/initiative.server'
import { db } from '~/utils/db.server'
import { seedAccountability } from '../../../db/seed/accountability'
import { seedDemo } from '../../../db/seed/demo'

test('the accountability demo data loads and tells a consistent story', async () => {
  await seedDemo(db)
  // The demo seed may already include this area (once wired in); otherwise load it here.
  const seeded = await db.selectFrom('business_cases').select('id').limit(1).executeTakeFirst()
  const program = await db.selectFrom('programs').select('id').executeTakeFirstOrThrow()
  const initiatives = await db.selectFrom('initiatives').select(['id', 'name']).execute()
  const users = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'locale']).execute()
  if (!seeded)
    await db.transaction().execute((trx) =>
      seedAccountability(trx, {
        programId: program.id,
        initiatives: Object.fromEntries(initiatives.map((i) => [i.name, i.id])),
        users: Object.fromEntries(users.map((u) => [u.email, u.id])),
      }),
    )
  const id = (name: string) => initiatives.find((i) => i.name === name)!.id
  const sponsor = users.find((u) => u.email === 'sponsor@tenfold.demo')!

  const recommender = await approvedCaseValue(db, id('Daily Recommender'))
  expect(recommender).toMatchObject({ version: 1 })
  expect(recommender!.npv).toBeGreaterThan(0)
  expect((await getCase(db, id('Daily Recommender')))!.status).toBe('draft')
  expect(await getCase(db, id('AI coaching for account executives'))).toBeNull()

  const pending = await pendingDecisions(db, sponsor)
  expect(pending.cases.map((c) => c.initiative_name)).toEqual(['Microlearning in the daily workflow'])
  expect(pending.gates.map((g) => g.initiative_name)).toEqual(['AI coaching for account executives'])

  const overlaps = await findOverlaps(db)
  expect(overlaps).toContainEqual(
    expect.objectContaining({ kind: 'person', subject: 'Priya Raman', allocation: 120 }),
  )
  expect(overlaps).toContainEqual(expect.objectContaining({ kind: 'segment', subject: 'Enterprise' }))

  const initiative = await getInitiative(db, sponsor, id('Daily Recommender'))
  const items = (await evaluateChecklist(db, initiative!)).flatMap((s) => s.items)
  expect(items.find((i) => i.key === 'businessCase')).toMatchObject({ met: true })
  expect(items.find((i) => i.key === 'teamCoverage')).toMatchObject({ met: true })
  expect(items.find((i) => i.key === 'frontlineManagers')).toMatchObject({ met: true, source: 'manual' })
})
