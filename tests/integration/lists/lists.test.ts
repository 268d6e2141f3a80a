import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { loader as auditLoader } from '~/routes/admin.audit'
import { loader as usersLoader } from '~/routes/admin.users._index'
import { loader as initiativesLoader } from '~/routes/initiatives._index'
import { loader as rosterLoader } from '~/routes/roster._index'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'

// Lists keep sort, filters and page in the URL; the same URL with format=csv answers the rows shown.
// Expected orders are written out by hand from the names created here.

type Loader = Parameters<typeof run>[0]

async function page<T>(loader: Loader, path: string, cookie: string) {
  return (await run(loader, buildRequest(path, { cookie }))) as T
}

async function csv(loader: Loader, path: string, cookie: string) {
  const answer = (await run(loader, buildRequest(`${path}&format=csv`, { cookie }))) as Response
  expect(answer.headers.get('Content-Type')).toContain('text/csv')
  const text = (await answer.text()).replace(/^\uFEFF/, '')
  return parse(text) as string[][]
}

describe('lists sort, filter and export from their URL', () => {
  test('initiatives: sort by name both ways, a text filter, the CSV equals the rows shown', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const program = await createProgram()
    for (const name of ['Bravo route', 'alpha route', 'Charlie route', '50%_off'])
      await createInitiative({
        programId: program.id,
        name,
        stage: name === 'alpha route' ? 'pilot' : 'frame',
      })
    type Page = { list: { rows: { name: string }[] } }
    const base = `/initiatives?program=${program.id}`
    const names = async (path: string) =>
      (await page<Page>(initiativesLoader, path, cookie)).list.rows.map((r) => r.name)
    expect(await names(`${base}&sort=name&dir=asc`)).toEqual([
      '50%_off',
      'alpha route',
      'Bravo route',
      'Charlie route',
    ])
    expect(await names(`${base}&sort=name&dir=desc`)).toEqual([
      'Charlie route',
      'Bravo route',
      'alpha route',
      '50%_off',
    ])
    expect(await names(`${base}&sort=name&q=RAV`)).toEqual(['Bravo route'])
    expect(await names(`${base}&stage=pilot`)).toEqual(['alpha route'])
    // An empty field (a GET form sends every field) is no filter; a bad sort falls back to the default.
    expect(await names(`${base}&sort=nonsense&q=&stage=`)).toHaveLength(4)
    const rows = await csv(initiativesLoader, `${base}&sort=name&dir=desc`, cookie)
    expect(rows[0]).toEqual([
      'Name',
      'Program',
      'Stage',
      'Status',
      'Boundary spanner',
      'Executive sponsor',
      'Target date',
    ])
    expect(rows.slice(1).map((row) => row[0])).toEqual(await names(`${base}&sort=name&dir=desc`))
    expect(rows[1]?.[2]).toBe('Frame')
  })

  test('users: filter by role and text, sort by email; the CSV has the same rows', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    await createUser({ role: 'lead', name: 'Zed Listtest', email: 'a-listtest@example.test' })
    await createUser({ role: 'lead', name: 'Amy Listtest', email: 'z-listtest@example.test' })
    await createUser({ role: 'viewer', name: 'Bob Listtest', email: 'm-listtest@example.test' })
    type Page = { list: { rows: { email: string }[]; total: number } }
    const emails = async (path: string) =>
      (await page<Page>(usersLoader, path, cookie)).list.rows.map((r) => r.email)
    expect(await emails('/admin/users?q=listtest&sort=email')).toEqual([
      'a-listtest@example.test',
      'm-listtest@example.test',
      'z-listtest@example.test',
    ])
    expect(await emails('/admin/users?q=listtest&sort=name')).toEqual([
      'z-listtest@example.test',
      'm-listtest@example.test',
      'a-listtest@example.test',
    ])
    expect(await emails('/admin/users?q=listtest&role=lead&sort=email&dir=desc')).toEqual([
      'z-listtest@example.test',
      'a-listtest@example.test',
    ])
    const rows = await csv(usersLoader, '/admin/users?q=listtest&role=lead&sort=email&dir=desc', cookie)
    expect(rows.slice(1).map((row) => row[1])).toEqual(['z-listtest@example.test', 'a-listtest@example.test'])
    expect(rows.slice(1).map((row) => row[2])).toEqual(['Boundary-spanner lead', 'Boundary-spanner lead'])
  })

  test('audit log: record type, actor and date range filters, sort by actor, paging and CSV in SQL', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const rows = [
      { actor: 'carol@audit.test', type: 'program', at: '2026-03-01T10:00:00Z', after: { name: '新方案' } },
      { actor: 'alice@audit.test', type: 'program', at: '2026-03-02T23:30:00Z', after: { name: 'B' } },
      { actor: 'bob@audit.test', type: 'kpi', at: '2026-03-02T08:00:00Z', after: { name: 'C' } },
      { actor: 'dave@audit.test', type: 'program', at: '2026-03-04T08:00:00Z', after: { name: 'D' } },
    ]
    for (const row of rows)
      await db
        .insertInto('audit_log')
        .values({
          actor_id: null,
          actor_label: row.actor,
          action: `${row.type}.update`,
          entity_type: row.type,
          entity_id: null,
          before: JSON.stringify({ name: 'old' }),
          after: JSON.stringify(row.after),
          at: new Date(row.at),
        })
        .execute()
    type Page = { entries: { actor_label: string; href: string | null }[]; total: number; pages: number }
    const actors = async (path: string) =>
      (await page<Page>(auditLoader, path, cookie)).entries.map((entry) => entry.actor_label)
    const base = '/admin/audit?actor=%40audit.test'
    // Newest first by default.
    expect(await actors(base)).toEqual([
      'dave@audit.test',
      'alice@audit.test',
      'bob@audit.test',
      'carol@audit.test',
    ])
    expect(await actors(`${base}&type=program&sort=actor&dir=asc`)).toEqual([
      'alice@audit.test',
      'carol@audit.test',
      'dave@audit.test',
    ])
    // 1 to 2 March, both days whole: alice's 23:30 on the 2nd is in, dave's 4th is out.
    expect(await actors(`${base}&from=2026-03-01&to=2026-03-02&sort=actor`)).toEqual([
      'alice@audit.test',
      'bob@audit.test',
      'carol@audit.test',
    ])
    // The actor filter's % and _ are text, not patterns.
    expect(await actors('/admin/audit?actor=%25')).toEqual([])
    const exported = await csv(auditLoader, `${base}&type=program&sort=actor&dir=asc`, cookie)
    expect(exported.slice(1).map((row) => row[1])).toEqual([
      'alice@audit.test',
      'carol@audit.test',
      'dave@audit.test',
    ])
    const program = await createProgram()
    await db
      .insertInto('audit_log')
      .values({
        actor_label: 'erin@audit.test',
        action: 'program.create',
        entity_type: 'program',
        entity_id: program.id,
      })
      .execute()
    const linked = await page<Page>(auditLoader, '/admin/audit?actor=erin%40audit.test', cookie)
    expect(linked.entries[0]?.href).toBe(`/programs/${program.id}`)
  })

  test('roster: sort by region descending and by name, the CSV has every filtered row', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const reps = [
      { seller_id: 'LT-1', name: 'Lin Listrep', region: 'North' },
      { seller_id: 'LT-2', name: 'Chen Listrep', region: 'South' },
      { seller_id: 'LT-3', name: 'Wang Listrep', region: 'East' },
    ]
    await db
      .insertInto('sellers')
      .values(reps.map((rep) => ({ ...rep, segment: 'SMB', team: 'T1', role: 'AE', email: null })))
      .execute()
    type Page = { sellers: { seller_id: string }[]; total: number }
    const ids = async (path: string) =>
      (await page<Page>(rosterLoader, path, cookie)).sellers.map((s) => s.seller_id)
    expect(await ids('/roster?q=Listrep&sort=region&dir=desc')).toEqual(['LT-2', 'LT-1', 'LT-3'])
    expect(await ids('/roster?q=Listrep&sort=name')).toEqual(['LT-2', 'LT-1', 'LT-3'])
    expect(await ids('/roster?q=Listrep&region=North')).toEqual(['LT-1'])
    const exported = await csv(rosterLoader, '/roster?q=Listrep&sort=region&dir=desc', cookie)
    expect(exported.slice(1).map((row) => row[1])).toEqual(['LT-2', 'LT-1', 'LT-3'])
  })
})

describe('pilot feedback list', () => {
  test('sorts, filters by text and kind, pages and exports in SQL', async () => {
    const { loader } = await import('~/routes/initiatives.$initiativeId.feedback._index')
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const initiative = await createInitiative()
    const items = [
      { title: 'Slow map', kind: 'bug', usefulness: 2 },
      { title: 'Add 推薦 reasons', kind: 'idea', usefulness: 5 },
      { title: 'Confusing filter', kind: 'usability', usefulness: 3 },
    ] as const
    for (const item of items)
      await db
        .insertInto('pilot_feedback')
        .values({ initiative_id: initiative.id, release: 'r1', ease: 3, recommend: 7, ...item })
        .execute()
    const base = `/initiatives/${initiative.id}/feedback`
    type Page = { items: { title: string }[]; list: { total: number; pages: number } }
    const titles = async (query: string) => {
      const answer = (await run(loader, buildRequest(`${base}?${query}`, { cookie }), {
        initiativeId: initiative.id,
      })) as Page
      return answer.items.map((item) => item.title)
    }
    expect(await titles('sort=usefulness&dir=desc')).toEqual([
      'Add 推薦 reasons',
      'Confusing filter',
      'Slow map',
    ])
    expect(await titles('sort=title&dir=asc')).toEqual(['Add 推薦 reasons', 'Confusing filter', 'Slow map'])
    expect(await titles('q=推薦')).toEqual(['Add 推薦 reasons'])
    expect(await titles('kind=bug')).toEqual(['Slow map'])
    const answer = (await run(
      loader,
      buildRequest(`${base}?sort=usefulness&dir=asc&format=csv`, { cookie }),
      {
        initiativeId: initiative.id,
      },
    )) as Response
    const rows = parse((await answer.text()).replace(/^\uFEFF/, '')) as string[][]
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Slow map', 'Confusing filter', 'Add 推薦 reasons'])
    expect(rows[1]?.[2]).toBe('Bug')
  })
})

describe('API keys list', () => {
  test('filters by text, sorts by name, exports the rows shown', async () => {
    const { loader } = await import('~/routes/admin.api-keys')
    const { createApiKey } = await import('~/models/foundation/api-key.server')
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const actor = { id: admin.id, label: admin.email }
    for (const name of ['Keylist CRM', 'keylist BI', 'Other tool'])
      await createApiKey(db, actor, { name, scopes: ['metrics:read'] })
    type Page = { keys: { name: string }[] }
    const names = async (query: string) =>
      ((await run(loader, buildRequest(`/admin/api-keys?${query}`, { cookie }))) as Page).keys.map(
        (k) => k.name,
      )
    expect(await names('q=keylist&sort=name')).toEqual(['keylist BI', 'Keylist CRM'])
    expect(await names('q=keylist&sort=name&dir=desc')).toEqual(['Keylist CRM', 'keylist BI'])
    const rows = await csv(loader, '/admin/api-keys?q=keylist&sort=name', cookie)
    expect(rows.slice(1).map((row) => row[0])).toEqual(['keylist BI', 'Keylist CRM'])
  })
})
