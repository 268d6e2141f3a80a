import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { createBacklogItem } from '~/models/delivery/backlog.server'
import { loader as sprintsLoader } from '~/routes/initiatives.$initiativeId.sprints._index'
import { loader as kpisLoader } from '~/routes/kpis._index'
import { loader as portfolioLoader } from '~/routes/portfolio._index'
import { loader as approvalsLoader } from '~/routes/portfolio.approvals'
import { db } from '~/utils/db.server'
import { createInitiative, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'
import { insertKpi, kpiWorld } from '../kpi/helpers'
import { addCase, addGate, portfolioSetup } from '../sponsor/helpers'

// The KPI, backlog, portfolio and approvals lists keep sort, filters and page in the URL, and the same
// URL with format=csv answers the rows shown. Expected orders are written out by hand from the names
// created here (the team and rejections lists are tested beside their figures).

type Loader = Parameters<typeof run>[0]

async function csv(loader: Loader, path: string, cookie: string, params = {}) {
  const answer = (await run(loader, buildRequest(path, { cookie }), params)) as Response
  expect(answer.headers.get('Content-Type')).toContain('text/csv')
  return parse((await answer.text()).replace(/^\uFEFF/, '')) as string[][]
}

const SLOW = { timeout: 90_000 }

describe('more lists sort, filter and export from their URL', () => {
  test(
    'program KPIs: sort by key-name both ways, text filter on either name, CSV in the same order',
    SLOW,
    async () => {
      const world = await kpiWorld()
      // name_en is "KPI <key>", name_zh_tw "指標 <key>" (tests/integration/kpi/helpers.ts).
      for (const key of ['bravo', 'alpha', 'charlie'])
        await insertKpi({ programId: world.program.id, initiativeId: world.initiative.id, key })
      await insertKpi({ programId: world.program.id, initiativeId: null, key: 'delta' })
      const base = `/kpis?program=${world.program.id}`
      const keys = async (query: string) =>
        (
          (await run(kpisLoader, buildRequest(`${base}${query}`, { cookie: world.cookies.admin }))) as {
            kpis: { key: string }[]
          }
        ).kpis.map((kpi) => kpi.key)
      expect(await keys('&sort=name&dir=asc')).toEqual(['alpha', 'bravo', 'charlie', 'delta'])
      expect(await keys('&sort=name&dir=desc')).toEqual(['delta', 'charlie', 'bravo', 'alpha'])
      // The default order: program-level KPIs first, then by initiative, then by key.
      expect(await keys('')).toEqual(['delta', 'alpha', 'bravo', 'charlie'])
      expect(await keys('&q=RAV')).toEqual(['bravo'])
      expect(await keys('&q=指標 ch')).toEqual(['charlie'])
      expect(await keys('&initiative=program&q=')).toEqual(['delta'])
      // The % of a search is text, not a pattern.
      expect(await keys('&q=%25')).toEqual([])
      const rows = await csv(kpisLoader, `${base}&sort=name&dir=desc&format=csv`, world.cookies.admin)
      expect(rows[0]).toEqual([
        'Name',
        'Key',
        'Initiative',
        'Kind',
        'Category',
        'Latest',
        'Unit',
        'Period ending',
        'Status',
      ])
      expect(rows.slice(1).map((row) => row[1])).toEqual(['delta', 'charlie', 'bravo', 'alpha'])
      expect(rows[1]?.[2]).toBe('Program level')
      expect(rows[1]?.[3]).toBe('Lagging')
    },
  )

  test('backlog: sort by points, filter by type and text, CSV of the filtered rows', SLOW, async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const initiative = await createInitiative()
    const items = [
      { title: 'Map loads slowly', type: 'bug', estimate: 3 },
      { title: 'Explain each recommendation', type: 'story', estimate: 8 },
      { title: 'Try a shorter list', type: 'experiment', estimate: 1 },
    ] as const
    for (const item of items) await createBacklogItem(db, admin, initiative.id, { ...item, feedback_id: [] })
    const path = `/initiatives/${initiative.id}/sprints`
    const params = { initiativeId: initiative.id }
    const titles = async (query: string) =>
      (
        (await run(sprintsLoader, buildRequest(`${path}?${query}`, { cookie }), params)) as {
          backlog: { rows: { title: string }[]; total: number }
        }
      ).backlog.rows.map((item) => item.title)
    expect(await titles('sort=points&dir=desc')).toEqual([
      'Explain each recommendation',
      'Map loads slowly',
      'Try a shorter list',
    ])
    expect(await titles('sort=title')).toEqual([
      'Explain each recommendation',
      'Map loads slowly',
      'Try a shorter list',
    ])
    expect(await titles('type=bug')).toEqual(['Map loads slowly'])
    expect(await titles('q=SHORTER')).toEqual(['Try a shorter list'])
    const rows = await csv(sprintsLoader, `${path}?sort=points&dir=asc&format=csv`, cookie, params)
    expect(rows[0]).toEqual(['Title', 'Type', 'Points', 'Status', 'Sprint', 'Pilot feedback'])
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'Try a shorter list',
      'Map loads slowly',
      'Explain each recommendation',
    ])
    expect(rows[1]?.slice(1, 4)).toEqual(['Experiment', '1', 'To do'])
  })

  test('portfolio: sort by name both ways, text filter on the lead, the export follows', SLOW, async () => {
    const { program, admin, initiative, lead } = await portfolioSetup()
    await db.updateTable('initiatives').set({ name: 'Mango route' }).where('id', '=', initiative.id).execute()
    await createInitiative({ programId: program.id, name: 'apple route', leadId: lead.id })
    await createInitiative({ programId: program.id, name: 'Zucchini route' })
    const cookie = await sessionCookieFor(admin.id)
    const names = async (query: string) =>
      (
        (await run(
          portfolioLoader,
          buildRequest(`/portfolio?program=${program.id}${query}`, { cookie }),
        )) as {
          rows: { name: string }[]
        }
      ).rows.map((row) => row.name)
    expect(await names('&sort=name&dir=asc')).toEqual(['apple route', 'Mango route', 'Zucchini route'])
    expect(await names('&sort=name&dir=desc')).toEqual(['Zucchini route', 'Mango route', 'apple route'])
    expect(await names('&q=ZUCC')).toEqual(['Zucchini route'])
    const leadName = (
      await db.selectFrom('users').select('name').where('id', '=', lead.id).executeTakeFirstOrThrow()
    ).name
    expect(await names(`&sort=name&q=${encodeURIComponent(leadName)}`)).toEqual([
      'apple route',
      'Mango route',
    ])
    const { loader: exportLoader } = await import('~/routes/portfolio.export.$table')
    const exported = (await run(
      exportLoader,
      buildRequest(`/portfolio/export/portfolio?program=${program.id}&sort=name&dir=desc&q=route`, {
        cookie,
      }),
      { table: 'portfolio' },
    )) as Response
    const rows = parse((await exported.text()).replace(/^\uFEFF/, '')) as string[][]
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Zucchini route', 'Mango route', 'apple route'])
  })

  test('approvals: cases and gates filter by kind and text, sort by initiative, one CSV', SLOW, async () => {
    const { program, sponsor, lead, initiative } = await portfolioSetup()
    await db.updateTable('initiatives').set({ name: 'Beta inbox' }).where('id', '=', initiative.id).execute()
    const other = await createInitiative({
      programId: program.id,
      name: 'Alpha inbox',
      leadId: lead.id,
      sponsorId: sponsor.id,
      stage: 'frame',
    })
    await addCase(initiative.id, 'submitted', lead.id)
    await addGate(other.id, 'pending', null)
    await addCase(other.id, 'submitted', lead.id)
    const cookie = await sessionCookieFor(sponsor.id)
    type Inbox = {
      cases: { initiative_name: string }[]
      gates: { initiative_name: string }[]
      list: { total: number }
    }
    const inbox = async (query: string) =>
      (await run(approvalsLoader, buildRequest(`/portfolio/approvals?${query}`, { cookie }))) as Inbox
    const byName = await inbox('sort=initiative&dir=desc')
    expect(byName.cases.map((row) => row.initiative_name)).toEqual(['Beta inbox', 'Alpha inbox'])
    expect(byName.gates.map((row) => row.initiative_name)).toEqual(['Alpha inbox'])
    const gatesOnly = await inbox('kind=gate')
    expect([gatesOnly.cases.length, gatesOnly.gates.length, gatesOnly.list.total]).toEqual([0, 1, 1])
    const beta = await inbox('q=beta')
    expect([beta.cases.length, beta.gates.length]).toEqual([1, 0])
    const rows = await csv(approvalsLoader, '/portfolio/approvals?sort=initiative&format=csv', cookie)
    expect(rows[0]?.slice(0, 3)).toEqual(['Initiative', 'Kind', 'What is asked'])
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['Alpha inbox', 'Business cases'],
      ['Alpha inbox', 'Stage gates'],
      ['Beta inbox', 'Business cases'],
    ])
  })
})
