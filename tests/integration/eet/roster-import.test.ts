import { beforeEach, describe, expect, test } from 'vitest'
import { importRoster, planRosterImport } from '~/models/eet/roster-import.server'
import { db } from '~/utils/db.server'
import { addEetMembers } from '~/models/eet/eet.server'
import { createInitiative, createUser } from '#tests/factories'
import { rosterCsv, type RosterRow } from '#tests/factories/roster'

const HEADER = 'seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible'

function rows(count: number, from = 0): RosterRow[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i
    return {
      seller_id: `S${String(n).padStart(5, '0')}`,
      name: `Rep ${n}`,
      email: `rep${n}@example.test`,
      region: ['North', 'South', 'East', 'West'][n % 4]!,
      segment: ['Enterprise', 'SMB'][n % 2]!,
      team: `Team ${n % 50}`,
      manager_id: n % 10 === 0 ? '' : `S${String(n - (n % 10)).padStart(5, '0')}`,
      hire_date: `20${String(10 + (n % 15)).padStart(2, '0')}-0${(n % 9) + 1}-15`,
      role: n % 10 === 0 ? 'Frontline manager' : 'Account executive',
      tech_affinity: ['avoider', 'reluctant', 'enthusiast', 'unknown'][n % 4]!,
      eligible: n % 7 === 0 ? 'false' : 'true',
    }
  })
}

describe('roster import', () => {
  // One database per file: each test starts from an empty roster.
  beforeEach(async () => {
    await db.deleteFrom('eet_members').execute()
    await db.deleteFrom('sellers').execute()
  })

  test('reports bad rows by line number in the user language and writes nothing in all-or-nothing mode', async () => {
    const text = [
      HEADER,
      'S1,Ann Lee,ann@example.test,North,Enterprise,T1,,2020-01-02,AE,enthusiast,true',
      'S2,,bob@example.test,North,SMB,T1,S1,2021-13-40,AE,tech-lover,maybe',
      'S1,Ann Again,,North,SMB,T1,,,AE,,',
      'S3,Cy,,South,SMB,T2,S99,,AE,avoider,yes',
    ].join('\n')
    const plan = await planRosterImport(db, text, 'en')
    expect(plan.ok).toBe(false)
    expect(plan.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, 'name'],
      [3, 'hire_date'],
      [3, 'tech_affinity'],
      [3, 'eligible'],
      [4, 'seller_id'],
      [5, 'manager_id'],
    ])
    expect(plan.issues[4]!.message).toBe('This seller_id already appears on line 2.')
    const zh = await planRosterImport(db, text, 'zh-TW')
    expect(zh.issues[4]!.message).toBe('此 seller_id 已出現在第 2 行。')

    const result = await importRoster(db, null, text, { mode: 'all_or_nothing', locale: 'en' })
    expect(result.applied).toBe(false)
    const count = await db.selectFrom('sellers').select(db.fn.countAll<number>().as('n')).executeTakeFirst()
    expect(Number(count!.n)).toBe(0)

    const partial = await importRoster(db, null, text, { mode: 'valid_rows', locale: 'en' })
    expect(partial.applied).toBe(true)
    const saved = await db.selectFrom('sellers').select(['seller_id', 'name']).execute()
    expect(saved).toEqual([{ seller_id: 'S1', name: 'Ann Lee' }])
  })

  test('refuses a file without the required header', async () => {
    const plan = await planRosterImport(db, 'seller_id,name\nS1,Ann', 'en')
    expect(plan.fileError).toMatch(/email/)
  })

  test('upserts by seller_id, is idempotent, marks missing reps as left and ends their EET stints', async () => {
    const first = rows(30)
    await importRoster(db, null, rosterCsv(first), { mode: 'all_or_nothing', locale: 'en' })
    const user = await createUser({ role: 'eet_member' })
    await db.updateTable('sellers').set({ user_id: user.id }).where('seller_id', '=', 'S00029').execute()
    const lead = await createUser({ role: 'lead' })
    const initiative = await createInitiative({ leadId: lead.id })
    const seller = await db
      .selectFrom('sellers')
      .select('id')
      .where('seller_id', '=', 'S00029')
      .executeTakeFirstOrThrow()
    await addEetMembers(db, lead, initiative.id, { sellerIds: [seller.id], joinedOn: '2026-01-01' })
    expect(
      await db.selectFrom('initiative_members').selectAll().where('user_id', '=', user.id).execute(),
    ).toHaveLength(1)

    const again = await importRoster(db, null, rosterCsv(first), { mode: 'all_or_nothing', locale: 'en' })
    expect(again.plan).toMatchObject({ create: 0, update: 0, unchanged: 30, markLeft: 0 })

    const changed = first.slice(0, 25).map((row, i) => (i === 0 ? { ...row, team: 'Team X' } : row))
    const third = await importRoster(db, null, rosterCsv(changed), {
      mode: 'all_or_nothing',
      locale: 'en',
      fullRoster: true,
      // 5 of 30 is more than a tenth of the sales force: the number is typed back.
      confirmLeavers: 5,
    })
    expect(third.plan).toMatchObject({ create: 0, update: 1, unchanged: 24, markLeft: 5 })
    const left = await db.selectFrom('sellers').select('seller_id').where('left_at', 'is not', null).execute()
    expect(left.map((row) => row.seller_id).sort()).toEqual([
      'S00025',
      'S00026',
      'S00027',
      'S00028',
      'S00029',
    ])
    // Never deleted; the left rep's EET stint ended and their access to the pilot went with it.
    expect(await db.selectFrom('sellers').select('id').execute()).toHaveLength(30)
    const stint = await db.selectFrom('eet_members').selectAll().executeTakeFirstOrThrow()
    expect(stint.left_on).not.toBeNull()
    expect(
      await db.selectFrom('initiative_members').selectAll().where('user_id', '=', user.id).execute(),
    ).toHaveLength(0)

    const back = await importRoster(db, null, rosterCsv(first), { mode: 'all_or_nothing', locale: 'en' })
    expect(back.plan).toMatchObject({ create: 0, update: 6, rejoin: 5, markLeft: 0 })
  })

  test('imports 20,000 reps with bad rows: all-or-nothing writes nothing, valid rows only, then a re-import changes only what changed', async () => {
    const big = rows(20_000)
    big[4_321] = { ...big[4_321]!, tech_affinity: 'geek' }
    big[17_000] = { ...big[17_000]!, hire_date: 'yesterday' }
    const refused = await importRoster(db, null, rosterCsv(big), { mode: 'all_or_nothing', locale: 'en' })
    expect(refused.applied).toBe(false)
    expect(refused.plan.issues.map((issue) => issue.line)).toEqual([4_323, 17_002])
    const none = await db.selectFrom('sellers').select(db.fn.countAll<number>().as('n')).executeTakeFirst()
    expect(Number(none!.n)).toBe(0)

    // The full import of a 20,000-rep file (checks, comparison, batched upsert) takes seconds.
    const started = Date.now()
    const partial = await importRoster(db, null, rosterCsv(big), { mode: 'valid_rows', locale: 'en' })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(partial.plan).toMatchObject({ create: 19_998, invalidLines: 2 })
    const clean = rows(20_000)
    const fixed = await importRoster(db, null, rosterCsv(clean), { mode: 'all_or_nothing', locale: 'en' })
    expect(fixed.plan).toMatchObject({ create: 2, update: 0, unchanged: 19_998, markLeft: 0 })
    const again = await importRoster(db, null, rosterCsv(clean), { mode: 'all_or_nothing', locale: 'en' })
    expect(again.plan).toMatchObject({ create: 0, update: 0, unchanged: 20_000, markLeft: 0 })
    const total = await db.selectFrom('sellers').select(db.fn.countAll<number>().as('n')).executeTakeFirst()
    expect(Number(total!.n)).toBe(20_000)
  }, 120_000)
})
