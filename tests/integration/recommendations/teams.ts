import { ingestItems } from '~/models/recommendations/ingest.server'
import { db } from '~/utils/db.server'
import { createProgram, createUser } from '#tests/factories'

// Two teams under one second-line manager, and one rep outside both:
//   M2 (second line) ── MA (first line, team A: A1, A2)
//                    └─ MB (first line, team B: B1, B2)
//   X1 reports to nobody in the chain.

export const TEAM_A = ['A1', 'A2']
export const TEAM_B = ['B1', 'B2']

export async function seedTeams() {
  await createProgram({ name: 'Reporting program', reporting_timezone: 'UTC' })
  const managerA = await createUser({ role: 'manager', email: 'manager.a@example.test' })
  const managerB = await createUser({ role: 'manager', email: 'manager.b@example.test' })
  const secondLine = await createUser({ role: 'manager', email: 'Second.Line@example.test' })
  const unknownManager = await createUser({ role: 'manager', email: 'not.in.roster@example.test' })
  const roster = [
    { seller_id: 'M2', name: 'Second Line', email: 'second.line@example.test', manager_id: null },
    { seller_id: 'MA', name: 'Manager A', email: 'MANAGER.A@example.test', manager_id: 'M2' },
    { seller_id: 'MB', name: 'Manager B', email: 'manager.b@example.test', manager_id: 'M2' },
    { seller_id: 'A1', name: 'Alice A1', email: null, manager_id: 'MA' },
    { seller_id: 'A2', name: 'Arthur A2', email: null, manager_id: 'MA' },
    { seller_id: 'B1', name: 'Beatrice B1', email: null, manager_id: 'MB' },
    { seller_id: 'B2', name: 'Bruno B2', email: null, manager_id: 'MB' },
    { seller_id: 'X1', name: 'Xavier X1', email: null, manager_id: null },
  ]
  await db
    .insertInto('sellers')
    .values(roster.map((rep) => ({ ...rep, region: 'North', segment: 'SMB', team: 'T', role: 'AE' })))
    .execute()
  return { managerA, managerB, secondLine, unknownManager }
}

let counter = 0
/** One recommendation for `sellerId` generated on `day` with these further event types, all that day. */
export async function recommendation(sellerId: string, day: string, types: string[]) {
  const id = `rec-${sellerId}-${counter++}`
  const raw = ['generated', ...types].map((type, index) => ({
    event_id: `${id}-${index}`,
    type,
    occurred_at: `${day}T10:0${index}:00Z`,
    recommendation_id: id,
    seller_id: sellerId,
    recommendation_type: 'cross_sell',
    ...(type === 'rejected' ? { reason_code: 'bad_timing' } : {}),
    ...(type === 'opportunity_created' ? { amount: 100, currency: 'USD' } : {}),
  }))
  const report = await ingestItems(
    db,
    raw.map((event, index) => ({ index, raw: event })),
  )
  if (report.rejected.length) throw new Error(JSON.stringify(report.rejected))
}
