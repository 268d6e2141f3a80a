import { expect, test } from 'vitest'
import { analyseLink } from '~/models/kpi/chart.server'
import { listProgramKpis } from '~/models/kpi/kpi.server'
import { db } from '~/utils/db.server'
import { seedKpi } from '#db/seed/kpi'
import { createInitiative, createProgram, createUser } from '#tests/factories'

test('the demo KPI trees load and tell the story they claim', async () => {
  const admin = await createUser({ role: 'admin' })
  const lead = await createUser({ role: 'lead', email: 'lead@tenfold.demo' })
  const program = await createProgram()
  const names = [
    'Daily Recommender',
    'AI coaching for account executives',
    'Microlearning in the daily workflow',
    'Dealer remote-support service',
    'Launch analytics for the patient support program',
  ]
  const initiatives: Record<string, string> = {}
  for (const name of names)
    initiatives[name] = (await createInitiative({ programId: program.id, leadId: lead.id, name })).id
  await db
    .transaction()
    .execute((trx) =>
      seedKpi(trx, { programId: program.id, initiatives, users: { 'lead@tenfold.demo': lead.id } }),
    )
  const kpis = await listProgramKpis(db, admin, program.id)
  const byKey = new Map(kpis.map((kpi) => [kpi.key, kpi]))
  expect(kpis.length).toBe(17)
  expect(byKey.get('dealer-service-revenue')?.status).toBe('stale')
  expect(byKey.get('tool-proficiency')?.status).toBe('no_data')
  expect(byKey.get('qualified-opportunities')?.latest).not.toBeNull()
  const link = await db
    .selectFrom('kpi_driver_links')
    .select('id')
    .where('leading_kpi_id', '=', byKey.get('new-customers-contacted')!.id)
    .executeTakeFirstOrThrow()
  const report = await analyseLink(db, admin, link.id)
  expect(report?.analysis.verdict).toBe('supported')
  expect(report?.analysis.best?.lag).toBe(3)
  // Weekly active reps and qualified opportunities both grow, drawn independently in the seed: the old
  // test on levels called this link supported; on changes it is a trend, not evidence.
  const trending = await db
    .selectFrom('kpi_driver_links')
    .select('id')
    .where('leading_kpi_id', '=', byKey.get('rec-weekly-active-reps')!.id)
    .executeTakeFirstOrThrow()
  const trend = await analyseLink(db, admin, trending.id)
  expect(trend?.analysis.levels?.adjustedP).toBeLessThan(0.05)
  expect(trend?.analysis.verdict).toBe('trend_driven')
})
