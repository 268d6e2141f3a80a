import { expect, test } from 'vitest'
import { approvedCaseValue, getCase, pendingDecisions } from '~/models/accountability/business-case.server'
import { evaluateChecklist } from '~/models/accountability/checklist.server'
import { findOverlaps } from '~/models/accountability/governance.server'
import { getInitiative } from '~/models/foundation/initiative.server'
import { db } from '~/utils/db.server'
import { seedAccountability } from '../../../db/seed/accountability'
import { DEMO_ACCOUNTS } from '../../../db/seed/demo'
import { createInitiative, createProgram, createUser } from '#tests/factories'

const INITIATIVES: [name: string, lead: string][] = [
  ['Daily Recommender', 'lead@tenfold.demo'],
  ['AI coaching for account executives', 'lead@tenfold.demo'],
  ['Microlearning in the daily workflow', 'lead2@tenfold.demo'],
  ['Dealer remote-support service', 'lead2@tenfold.demo'],
  ['Launch analytics for the patient support program', 'lead@tenfold.demo'],
]

// The area's seed alone, on the demo's accounts and initiatives (the full demo, with every area's
// events, is loaded by the e2e server).
test('the accountability demo data loads and tells a consistent story', async () => {
  const users: Record<string, string> = {}
  for (const account of DEMO_ACCOUNTS)
    users[account.email] = (
      await createUser({ role: account.role, email: account.email, name: account.name })
    ).id
  const program = await createProgram()
  const initiatives: Record<string, string> = {}
  for (const [name, lead] of INITIATIVES)
    initiatives[name] = (
      await createInitiative({
        programId: program.id,
        name,
        leadId: users[lead],
        sponsorId: users['sponsor@tenfold.demo'],
      })
    ).id
  await db
    .transaction()
    .execute((trx) => seedAccountability(trx, { programId: program.id, initiatives, users }))
  const id = (name: string) => initiatives[name]!
  const sponsor = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'locale'])
    .where('id', '=', users['sponsor@tenfold.demo']!)
    .executeTakeFirstOrThrow()

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
  // Judged from data: the demo's pilot reps' managers have not used the coaching view yet.
  expect(items.find((i) => i.key === 'frontlineManagers')).toMatchObject({ met: false, source: 'data' })
})
