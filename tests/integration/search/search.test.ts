import { beforeAll, describe, expect, test } from 'vitest'
import { loader as userLoader } from '~/routes/admin.users.$userId'
import { loader as feedbackLoader } from '~/routes/initiatives.$initiativeId.feedback.$feedbackId'
import { loader as initiativeLoader } from '~/routes/initiatives.$initiativeId._index'
import { loader as sprintsLoader } from '~/routes/initiatives.$initiativeId.sprints._index'
import { loader as kpiLoader } from '~/routes/kpis.$kpiId._index'
import { loader as programLoader } from '~/routes/programs.$programId._index'
import { loader as sellerLoader } from '~/routes/roster.$sellerId'
import { loader as rosterLoader } from '~/routes/roster._index'
import { loader as searchLoader } from '~/routes/search'
import { db } from '~/utils/db.server'
import type { SearchResults } from '~/utils/search-hit'
import { EVERYONE, type Who } from '#tests/access/types'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// The global search per role, on the role × route matrix's shape: initiative A (lead, sponsor,
// eet_member) and B (lead_other, eet_other). Each hit is then opened as the same user: never a 403/404.

type SignedIn = Exclude<Who, 'anon'>
const users = {} as Record<SignedIn, { id: string }>
const cookies = {} as Record<SignedIn, string>
const ids = {} as Record<string, string>

beforeAll(async () => {
  for (const who of EVERYONE) {
    if (who === 'anon') continue
    const role = who === 'lead_other' ? 'lead' : who === 'eet_other' ? 'eet_member' : who
    users[who] = await createUser({ role, name: `Searchperson ${who}` })
    cookies[who] = await sessionCookieFor(users[who].id)
  }
  const program = await createProgram({ name: 'Searchprogram 銷售數位化' })
  const a = await createInitiative({
    programId: program.id,
    name: '每日推薦者試行',
    leadId: users.lead.id,
    sponsorId: users.sponsor.id,
  })
  const b = await createInitiative({
    programId: program.id,
    name: '推薦引擎第二期',
    leadId: users.lead_other.id,
  })
  await addMember(a.id, users.eet_member.id, 'eet')
  await addMember(b.id, users.eet_other.id, 'eet')
  const kpi = (initiativeId: string, key: string, name: string) =>
    db
      .insertInto('kpis')
      .values({
        program_id: program.id,
        initiative_id: initiativeId,
        key,
        name_en: name,
        name_zh_tw: `指標 ${key}`,
        kind: 'leading',
        category: 'adoption',
        direction: 'higher',
        cadence: 'monthly',
        rollup: 'none',
        rollup_weight: 1,
        grace_days: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ids.a = a.id
  ids.b = b.id
  ids.kpiA = (await kpi(a.id, 'contacts-a', 'New customers contacted')).id
  ids.kpiB = (await kpi(b.id, 'contacts-b', 'Dormant customers contacted')).id
  for (const [initiativeId, suffix] of [
    [a.id, 'A'],
    [b.id, 'B'],
  ] as const) {
    await db
      .insertInto('pilot_feedback')
      .values({
        initiative_id: initiativeId,
        submitter_id: null,
        release: 'r1',
        kind: 'idea',
        usefulness: 4,
        ease: 4,
        recommend: 8,
        title: `Searchword feedback ${suffix}`,
      })
      .execute()
    await db
      .insertInto('backlog_items')
      .values({
        initiative_id: initiativeId,
        title: `Searchword backlog ${suffix}`,
        type: 'story',
        estimate: 3,
      })
      .execute()
  }
  await db
    .insertInto('sellers')
    .values({ seller_id: 'SW-1', name: 'Searchword Rep', region: 'N', segment: 'S', team: 'T', role: 'AE' })
    .execute()
})

async function search(who: SignedIn, q: string) {
  const answer = await run(
    searchLoader,
    buildRequest(`/search?q=${encodeURIComponent(q)}`, { cookie: cookies[who] }),
  )
  return answer as SearchResults
}
const titles = (results: SearchResults, kind: string) =>
  results.groups.filter((group) => group.kind === kind).flatMap((group) => group.hits.map((hit) => hit.title))

/** The loader that answers a hit's href, and its params. */
function routeOf(href: string): { loader: Parameters<typeof run>[0]; params: Record<string, string> } {
  const url = new URL(href, 'http://localhost')
  const parts = url.pathname.split('/').filter(Boolean)
  const [first, id, sub, subId] = parts
  if (first === 'initiatives' && !sub) return { loader: initiativeLoader, params: { initiativeId: id! } }
  if (first === 'initiatives' && sub === 'sprints')
    return { loader: sprintsLoader, params: { initiativeId: id! } }
  if (first === 'initiatives' && sub === 'feedback')
    return { loader: feedbackLoader, params: { initiativeId: id!, feedbackId: subId! } }
  if (first === 'kpis') return { loader: kpiLoader, params: { kpiId: id! } }
  if (first === 'programs') return { loader: programLoader, params: { programId: id! } }
  if (first === 'admin' && id === 'users') return { loader: userLoader, params: { userId: sub! } }
  if (first === 'roster' && id) return { loader: sellerLoader, params: { sellerId: id } }
  if (first === 'roster') return { loader: rosterLoader, params: {} }
  throw new Error(`No loader known for ${href}`)
}

const SEES_A: SignedIn[] = ['admin', 'lead', 'sponsor', 'eet_member', 'viewer']
const SEES_B: SignedIn[] = ['admin', 'sponsor', 'viewer', 'lead_other', 'eet_other']
const SIGNED_IN = EVERYONE.filter((who): who is SignedIn => who !== 'anon')

describe('global search', () => {
  test('a two-character Chinese substring finds the Chinese initiatives the user may see, and only those', async () => {
    for (const who of SIGNED_IN) {
      const found = titles(await search(who, '推薦'), 'initiative')
      expect(found.includes('每日推薦者試行'), `${who} and A`).toBe(SEES_A.includes(who))
      expect(found.includes('推薦引擎第二期'), `${who} and B`).toBe(SEES_B.includes(who))
    }
  })

  test('an English word finds a KPI, case-insensitively, in the scope of the user', async () => {
    for (const who of SIGNED_IN) {
      const found = titles(await search(who, 'CONTACTED'), 'kpi')
      expect(found.includes('New customers contacted'), `${who} and KPI A`).toBe(SEES_A.includes(who))
      expect(found.includes('Dormant customers contacted'), `${who} and KPI B`).toBe(SEES_B.includes(who))
    }
  })

  test('feedback, backlog, reps, people and programs follow the same rights', async () => {
    const kinds = async (who: SignedIn) => {
      const results = await search(who, 'searchword')
      return Object.fromEntries(
        results.groups.map((group) => [group.kind, group.hits.map((hit) => hit.title).sort()]),
      )
    }
    expect(await kinds('lead')).toEqual({
      feedback: ['Searchword feedback A'],
      backlog: ['Searchword backlog A'],
      seller: ['Searchword Rep'],
    })
    expect(await kinds('eet_other')).toEqual({
      feedback: ['Searchword feedback B'],
      backlog: ['Searchword backlog B'],
    })
    expect((await kinds('viewer')).seller).toBeUndefined()
    expect(titles(await search('admin', 'Searchperson'), 'user')).toHaveLength(8) // the fixture's eight signed-in people, the manager included
    expect(titles(await search('lead', 'Searchperson'), 'user')).toEqual([])
    expect(titles(await search('eet_member', '銷售數位'), 'program')).toEqual(['Searchprogram 銷售數位化'])
  })

  test('every hit opens for the user who got it', async () => {
    for (const who of SIGNED_IN) {
      for (const q of ['推薦', 'contacted', 'searchword', 'searchperson', 'searchprogram']) {
        for (const group of (await search(who, q)).groups) {
          for (const hit of group.hits) {
            const { loader, params } = routeOf(hit.href)
            const status = statusOf(
              await run(loader, buildRequest(hit.href, { cookie: cookies[who] }), params),
            )
            expect(status, `${who} opening ${hit.href}`).toBeLessThan(400)
          }
        }
      }
    }
  })

  test('LIKE characters are text; an empty query searches nothing; signing in is required', async () => {
    expect((await search('admin', '%')).groups).toEqual([])
    // `_` is a character: it finds the emails with an underscore (eet_member-…, lead_other-…), not every row.
    const underscored = (await search('admin', '_')).groups.flatMap((group) => group.hits)
    expect(underscored.length).toBeGreaterThan(0)
    expect(underscored.every((hit) => `${hit.title} ${hit.context}`.includes('_'))).toBe(true)
    expect((await search('admin', '   ')).groups).toEqual([])
    const anon = await run(searchLoader, buildRequest('/search?q=x'))
    expect(statusOf(anon)).toBe(302)
  })
})
