import { beforeAll, expect, test } from 'vitest'
import { repScopeOf } from '~/models/foundation/team.server'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'

// Per-rep data for leads: a lead sees one by one the reps on the pilots of the initiatives they lead
// today, and no one else (not another lead's pilot, not a stint that has ended or not yet begun).

const DAY = 86_400_000
// The reporting program's zone is UTC (createProgram's default).
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10)
let lead: Awaited<ReturnType<typeof createUser>>
let otherLead: Awaited<ReturnType<typeof createUser>>
let viewer: Awaited<ReturnType<typeof createUser>>
let sponsor: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  const program = await createProgram()
  lead = await createUser({ role: 'lead' })
  otherLead = await createUser({ role: 'lead' })
  viewer = await createUser({ role: 'viewer' })
  sponsor = await createUser({ role: 'sponsor' })
  const mine = await createInitiative({ programId: program.id, leadId: lead.id, sponsorId: sponsor.id })
  const second = await createInitiative({ programId: program.id, leadId: lead.id })
  const theirs = await createInitiative({ programId: program.id, leadId: otherLead.id })
  const sellers = await db
    .insertInto('sellers')
    .values(
      ['P1', 'P2', 'P3', 'ENDED', 'LATER', 'O1'].map((id) => ({
        seller_id: id,
        name: id,
        team: 'T',
        region: 'North',
        segment: 'SMB',
        role: 'AE',
      })),
    )
    .returning(['id', 'seller_id'])
    .execute()
  const row = (id: string) => sellers.find((s) => s.seller_id === id)!.id
  await db
    .insertInto('eet_members')
    .values([
      { initiative_id: mine.id, seller_id: row('P1'), joined_on: ago(30) },
      { initiative_id: mine.id, seller_id: row('P2'), joined_on: ago(30), left_on: ago(0) },
      { initiative_id: second.id, seller_id: row('P3'), joined_on: ago(5) },
      { initiative_id: mine.id, seller_id: row('ENDED'), joined_on: ago(30), left_on: ago(1) },
      { initiative_id: mine.id, seller_id: row('LATER'), joined_on: ago(-3) },
      { initiative_id: theirs.id, seller_id: row('O1'), joined_on: ago(30) },
    ])
    .execute()
})

test('a lead sees their pilots’ reps today (an end day included), and only those', async () => {
  expect(await repScopeOf(db, lead)).toEqual({ all: false, sellerIds: ['P1', 'P2', 'P3'] })
  expect(await repScopeOf(db, otherLead)).toEqual({ all: false, sellerIds: ['O1'] })
})

test('a viewer and a sponsor see no rep one by one', async () => {
  expect(await repScopeOf(db, viewer)).toEqual({ all: false, sellerIds: [] })
  expect(await repScopeOf(db, sponsor)).toEqual({ all: false, sellerIds: [] })
})
