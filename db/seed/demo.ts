import { hashPassword } from '~/auth/password.server'
import { seedAccountability } from './accountability'
import { seedChange } from './change'
import { seedDelivery } from './delivery'
import { seedEet } from './eet'
import { seedKpi } from './kpi'
import { seedRecommendations } from './recommendations'
import { audit } from '~/models/foundation/audit.server'
import type { Database } from '~/utils/db.server'
import type { Transaction } from 'kysely'
import type { DB, Role } from '~/utils/db.types'

// The demo program, drawn from the article (shared/DOMAIN.md): Microsoft's Daily Recommender, UCB's
// rep-facing launch analytics, John Deere's dealer remote support. Loaded only into an empty database.

export const DEMO_PASSWORD = 'tenfold-demo-2026'

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@tenfold.demo', name: 'Alex Admin', role: 'admin' },
  { email: 'lead@tenfold.demo', name: 'Maya Lin', role: 'lead' },
  { email: 'lead2@tenfold.demo', name: 'Daniel Wu', role: 'lead' },
  { email: 'sponsor@tenfold.demo', name: 'Grace Chen', role: 'sponsor' },
  { email: 'eet@tenfold.demo', name: 'Kevin Huang', role: 'eet_member' },
  { email: 'viewer@tenfold.demo', name: 'Vera Lee', role: 'viewer' },
  { email: 'manager@tenfold.demo', name: 'Ming Chou', role: 'manager' },
]

const SYSTEM = { id: null, label: 'system:demo-seed' }

/** What each capability's demo seed receives: ids by natural key. */
export type DemoContext = {
  programId: string
  /** Initiative ids by name (e.g. 'Daily Recommender'). */
  initiatives: Record<string, string>
  /** User ids by email (e.g. 'lead@tenfold.demo'). */
  users: Record<string, string>
}

/** Each capability's demo data, in dependency order (the roster before the events that name its sellers). */
const AREA_SEEDS: ((trx: Transaction<DB>, context: DemoContext) => Promise<void>)[] = [
  seedEet,
  seedKpi,
  seedAccountability,
  (trx, context) => seedDelivery(trx, context),
  (trx, context) => seedRecommendations(trx, context),
  (trx, context) => seedChange(trx, context),
]

export async function seedDemo(db: Database) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()
    if (existing) throw new Error('The demo loads only into an empty database.')

    const users = await trx
      .insertInto('users')
      .values(DEMO_ACCOUNTS.map((account) => ({ ...account, password_hash: passwordHash })))
      .returning(['id', 'email'])
      .execute()
    const idOf = (email: string) => users.find((user) => user.email === email)!.id

    const program = await trx
      .insertInto('programs')
      .values({
        name: 'Sales Digitalization 2026',
        description:
          'Putting data, analytics and AI into how our account executives sell: a daily recommender, AI coaching, ' +
          'microlearning in the workflow and insight services for dealers.',
        reporting_timezone: 'Asia/Taipei',
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    const lead = idOf('lead@tenfold.demo')
    const lead2 = idOf('lead2@tenfold.demo')
    const sponsor = idOf('sponsor@tenfold.demo')
    const initiatives = [
      {
        name: 'Daily Recommender',
        objective:
          'Give every account executive daily next-best actions with an explanation, and turn one in three ' +
          'recommendations into a qualified opportunity (industry: 6–10%).',
        lead_id: lead,
        stage: 'pilot' as const,
        start_date: '2026-03-02',
        target_date: '2027-03-31',
      },
      {
        name: 'AI coaching for account executives',
        objective:
          'Coach reps on call preparation from CRM and meeting data, so that time with customers rises.',
        lead_id: lead,
        stage: 'design' as const,
        start_date: '2026-07-01',
        target_date: '2027-06-30',
      },
      {
        name: 'Microlearning in the daily workflow',
        objective: 'Five-minute lessons inside the sales workflow that teach reps to use the new tools.',
        lead_id: lead2,
        stage: 'frame' as const,
        start_date: '2026-10-01',
        target_date: '2027-04-30',
      },
      {
        name: 'Dealer remote-support service',
        objective: 'Use machine sensor data so that dealers sell insight services and remote support.',
        lead_id: lead2,
        stage: 'scale' as const,
        start_date: '2025-09-01',
        target_date: '2026-12-31',
      },
      {
        name: 'Launch analytics for the patient support program',
        objective:
          'Rep-facing analytics for the right customer, message and time; launch data showed affordability, ' +
          'not rep communication, limited uptake.',
        lead_id: lead,
        stage: 'sustain' as const,
        start_date: '2025-01-15',
        target_date: '2026-06-30',
      },
    ]
    const created = await trx
      .insertInto('initiatives')
      .values(
        initiatives.map((initiative) => ({
          ...initiative,
          program_id: program.id,
          sponsor_id: sponsor,
          status: 'active' as const,
          created_by: initiative.lead_id,
        })),
      )
      .returning(['id', 'name'])
      .execute()
    const recommender = created.find((initiative) => initiative.name === 'Daily Recommender')!
    const context: DemoContext = {
      programId: program.id,
      initiatives: Object.fromEntries(created.map((initiative) => [initiative.name, initiative.id])),
      users: Object.fromEntries(users.map((user) => [user.email, user.id])),
    }
    await trx
      .insertInto('initiative_members')
      .values([
        { initiative_id: recommender.id, user_id: idOf('eet@tenfold.demo'), kind: 'eet' },
        { initiative_id: recommender.id, user_id: lead2, kind: 'team' },
      ])
      .execute()
    for (const seedArea of AREA_SEEDS) await seedArea(trx, context)
    await audit(trx, { actor: SYSTEM, action: 'demo.seed', entityType: 'program', entityId: program.id })
  })
}
