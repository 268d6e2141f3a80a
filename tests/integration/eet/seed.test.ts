import { expect, test } from 'vitest'
import { seedEet } from '../../../db/seed/eet'
import { eetRepresentativeness } from '~/models/eet/eet.server'
import { feedbackSummary } from '~/models/eet/feedback.server'
import { countUnreadNotifications } from '~/models/attention/notification.server'
import { teamSellerIds } from '~/models/foundation/team.server'
import { db } from '~/utils/db.server'
import { createInitiative, createUser } from '#tests/factories'

test('the demo roster and EET: a few hundred reps, an EET that is not representative yet, feedback at every status', async () => {
  const lead = await createUser({ role: 'lead', email: 'lead@tenfold.demo' })
  const kevin = await createUser({ role: 'eet_member', email: 'eet@tenfold.demo' })
  const initiative = await createInitiative({ leadId: lead.id, name: 'Daily Recommender' })
  await db.transaction().execute((trx) =>
    seedEet(trx, {
      programId: initiative.program_id,
      initiatives: { 'Daily Recommender': initiative.id },
      users: { 'lead@tenfold.demo': lead.id, 'eet@tenfold.demo': kevin.id },
    }),
  )
  const reps = await db.selectFrom('sellers').select(['region', 'left_at', 'user_id']).execute()
  expect(reps.length).toBeGreaterThan(200)
  expect(reps.length).toBeLessThan(500)
  expect(reps.some((rep) => rep.left_at)).toBe(true)
  // The demo manager account leads one frontline team of 16 to 25 reps.
  const team = await teamSellerIds(db, 'manager@tenfold.demo')
  expect(team.length).toBeGreaterThanOrEqual(12)
  expect(team.length).toBeLessThanOrEqual(25)

  const report = await eetRepresentativeness(db, initiative.id, '2026-11-27')
  expect(report.eetSize).toBe(18)
  expect(report.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['enthusiasts', 'missing']))
  expect(report.warnings).toContainEqual(
    expect.objectContaining({ kind: 'missing', attribute: 'region', category: 'East' }),
  )

  // Kevin pilots the Daily Recommender through his rep's EET stint.
  const access = await db
    .selectFrom('initiative_members')
    .selectAll()
    .where('user_id', '=', kevin.id)
    .execute()
  expect(access).toMatchObject([{ initiative_id: initiative.id, kind: 'eet' }])
  expect(await countUnreadNotifications(db, kevin.id)).toBeGreaterThan(0)

  const summary = await feedbackSummary(db, initiative.id)
  expect(Object.values(summary.byStatus).every((count) => count > 0)).toBe(true)
  const oldest = await db
    .selectFrom('pilot_feedback')
    .select(['title', 'status', 'merged_into'])
    .orderBy('created_at')
    .limit(2)
    .execute()
  expect(oldest.map((row) => [row.status, row.merged_into])).toEqual([
    ['planned', null],
    ['planned', null],
  ])
}, 90_000)
