import { describe, expect, test } from 'vitest'
import { recordMeasurements, type Writer } from '~/models/kpi/measurement.server'
import { action as kpiAction } from '~/routes/kpis.$kpiId._index'
import { action as editAction } from '~/routes/kpis.$kpiId.edit'
import { loader as programLoader } from '~/routes/kpis._index'
import { loader as linkLoader } from '~/routes/kpis.links.$linkId'
import { action as newAction } from '~/routes/kpis.new'
import { loader as treeLoader } from '~/routes/initiatives.$initiativeId.kpis'
import { db } from '~/utils/db.server'
import { buildRequest, run, statusOf } from '#tests/support/requests'
import { insertKpi, kpiWorld } from './helpers'

const KPI_FORM = {
  key: 'new-customers-won',
  name_en: 'New customers won',
  name_zh_tw: '爭取到的新顧客人數',
  kind: 'lagging',
  category: 'customer_value',
  unit: 'customers',
  direction: 'higher',
  cadence: 'monthly',
  rollup: 'none',
  rollup_weight: '1',
  tolerance_pct: '10',
  grace_days: '5',
  baseline_value: '20',
  baseline_date: '2025-12-31',
  targets: '2026-06-30, 50\n2026-12-31, 80',
}

function monthEnds(from: string, count: number) {
  const [year, month] = from.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(year, month - 1 + i + 1, 0)).toISOString().slice(0, 10),
  )
}

describe('KPI trees', () => {
  test('a lead creates a KPI with targets in their initiative; bad and duplicate keys are refused', async () => {
    const world = await kpiWorld()
    const url = `/kpis/new?initiative=${world.initiative.id}`
    const created = await run(newAction, buildRequest(url, { form: KPI_FORM, cookie: world.cookies.lead }))
    expect(statusOf(created)).toBe(302)
    const kpi = await db
      .selectFrom('kpis')
      .selectAll()
      .where('key', '=', 'new-customers-won')
      .executeTakeFirstOrThrow()
    expect(kpi).toMatchObject({
      initiative_id: world.initiative.id,
      program_id: world.program.id,
      name_zh_tw: '爭取到的新顧客人數',
      baseline_value: 20,
    })
    const targets = await db
      .selectFrom('kpi_targets')
      .select(['period_end', 'value'])
      .where('kpi_id', '=', kpi.id)
      .orderBy('period_end')
      .execute()
    expect(targets).toEqual([
      { period_end: '2026-06-30', value: 50 },
      { period_end: '2026-12-31', value: 80 },
    ])
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', kpi.id).execute()
    expect(audit.map((row) => row.action)).toEqual(['kpi.create'])

    const duplicate = await run(newAction, buildRequest(url, { form: KPI_FORM, cookie: world.cookies.lead }))
    expect(statusOf(duplicate)).toBe(400)
    expect((duplicate as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.key).toEqual([
      'This key is already used in the program.',
    ])
    const bad = await run(
      newAction,
      buildRequest(url, {
        form: { ...KPI_FORM, key: 'Bad Key', targets: '2026-13-45, x' },
        cookie: world.cookies.lead,
      }),
    )
    const errors = (bad as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors
    expect(Object.keys(errors).sort()).toEqual(['key', 'targets'])
    expect(errors.targets).toEqual(['Line 1: write a target as YYYY-MM-DD, value.'])
    // Leads do not create program-level KPIs, nor KPIs in an initiative they do not lead.
    expect(
      statusOf(
        await run(
          newAction,
          buildRequest(`/kpis/new?program=${world.program.id}`, {
            form: KPI_FORM,
            cookie: world.cookies.lead,
          }),
        ),
      ),
    ).toBe(403)
    expect(
      statusOf(await run(newAction, buildRequest(url, { form: KPI_FORM, cookie: world.cookies.otherLead }))),
    ).toBe(404)
  })

  test('parents roll up their children; statuses follow the trajectory; the program view filters', async () => {
    const world = await kpiWorld()
    const base = { programId: world.program.id, initiativeId: world.initiative.id }
    const today = new Date().toISOString().slice(0, 10)
    const recent = monthEnds(today.slice(0, 7) + '-01', 1)[0]! // this month's end: never stale
    const parent = await insertKpi({
      ...base,
      key: 'opportunities',
      rollup: 'sum',
      targets: [{ period_end: recent, value: 100 }],
    })
    const north = await insertKpi({
      ...base,
      key: 'opps-north',
      parentId: parent.id,
      targets: [{ period_end: recent, value: 50 }],
    })
    const south = await insertKpi({
      ...base,
      key: 'opps-south',
      parentId: parent.id,
      targets: [{ period_end: recent, value: 50 }],
    })
    const writer: Writer = {
      actor: { id: world.lead.id, label: world.lead.email },
      userId: world.lead.id,
      apiKeyId: null,
      source: 'form',
    }
    await recordMeasurements(db, writer, [
      { kpi: north, period_end: recent, value: 52 },
      { kpi: south, period_end: recent, value: 40 },
    ])
    const tree = (await run(
      treeLoader,
      buildRequest(`/initiatives/${world.initiative.id}/kpis`, { cookie: world.cookies.viewer }),
      {
        initiativeId: world.initiative.id,
      },
    )) as {
      tree: {
        key: string
        latest: { value: number } | null
        status: string
        children: { key: string; status: string; sparkline: number[] }[]
      }[]
    }
    expect(tree.tree).toHaveLength(1)
    const root = tree.tree[0]!
    // 52 + 40 = 92 against 100 with 10 % tolerance → at risk; north 52 ≥ 50 on track; south 40 < 45 off track.
    expect(root).toMatchObject({ key: 'opportunities', latest: { value: 92 }, status: 'at_risk' })
    expect(root.children.map((child) => [child.key, child.status])).toEqual([
      ['opps-north', 'on_track'],
      ['opps-south', 'off_track'],
    ])
    expect(root.children[0]!.sparkline).toEqual([52])

    const view = async (query: string, cookie = world.cookies.viewer) =>
      (
        (await run(programLoader, buildRequest(`/kpis?program=${world.program.id}${query}`, { cookie }))) as {
          kpis: { key: string }[]
        }
      ).kpis.map((kpi) => kpi.key)
    expect(await view('&status=off_track')).toEqual(['opps-south'])
    expect(await view('&status=at_risk')).toEqual(['opportunities'])
    expect(await view('&kind=leading')).toEqual([])
    expect((await view('')).sort()).toEqual(['opportunities', 'opps-north', 'opps-south'])
    // An EET member of the other initiative sees none of these.
    expect(await view('', world.cookies.eet)).toEqual([])
  })

  test('a KPI cannot be moved under its own descendant', async () => {
    const world = await kpiWorld()
    const base = { programId: world.program.id, initiativeId: world.initiative.id }
    const top = await insertKpi({ ...base, key: 'top' })
    const child = await insertKpi({ ...base, key: 'child', parentId: top.id })
    const result = await run(
      editAction,
      buildRequest(`/kpis/${top.id}/edit`, {
        form: { ...KPI_FORM, key: 'top', parent_id: child.id },
        cookie: world.cookies.lead,
      }),
      { kpiId: top.id },
    )
    expect(statusOf(result)).toBe(400)
    expect(
      (result as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.parent_id,
    ).toEqual(['A KPI cannot sit under its own descendant.'])
  })

  test('a driver link is analysed: a leading KPI that leads by two months is supported', async () => {
    const world = await kpiWorld()
    const base = { programId: world.program.id, initiativeId: world.initiative.id }
    const contacts = await insertKpi({ ...base, key: 'contacts', kind: 'leading' })
    const won = await insertKpi({ ...base, key: 'won', kind: 'lagging' })
    const linked = await run(
      kpiAction,
      buildRequest(`/kpis/${contacts.id}`, {
        form: { intent: 'link', lagging_kpi_id: won.id, expected_lag: '2' },
        cookie: world.cookies.lead,
      }),
      { kpiId: contacts.id },
    )
    expect(statusOf(linked)).toBe(302)
    const wrongWay = await run(
      kpiAction,
      buildRequest(`/kpis/${won.id}`, {
        form: { intent: 'link', lagging_kpi_id: contacts.id, expected_lag: '2' },
        cookie: world.cookies.lead,
      }),
      { kpiId: won.id },
    )
    expect(statusOf(wrongWay)).toBe(400)
    const link = await db
      .selectFrom('kpi_driver_links')
      .select('id')
      .where('leading_kpi_id', '=', contacts.id)
      .executeTakeFirstOrThrow()
    const open = async () =>
      (await run(linkLoader, buildRequest(`/kpis/links/${link.id}`, { cookie: world.cookies.viewer }), {
        linkId: link.id,
      })) as {
        analysis: { verdict: string; reason: string | null; best: { lag: number; n: number } | null }
      }
    expect((await open()).analysis).toMatchObject({ verdict: 'not_yet_supported', reason: 'too_little_data' })

    // The same data as tests/unit/kpi/driver.test.ts (SciPy: lag 2, r = 0.9874, n = 22), on month ends.
    const x = [5, 9, 3, 7, 8, 2, 6, 10, 4, 7, 3, 9, 5, 8, 2, 6, 9, 4, 7, 10, 3, 5, 8, 6]
    const e = [1, -2, 0, 2, -1, 1, 0, -2, 2, -1, 0, 1, -1, 2, 0, -2, 1, 0, -1, 2, 1, -1, 0, 1]
    const months = monthEnds('2024-01-01', 24)
    const writer: Writer = {
      actor: { id: null, label: 'test' },
      userId: null,
      apiKeyId: null,
      source: 'seed',
    }
    await recordMeasurements(db, writer, [
      ...months.map((period_end, t) => ({ kpi: contacts, period_end, value: x[t]! })),
      ...months.slice(2).map((period_end, i) => ({ kpi: won, period_end, value: 3 * x[i]! + e[i + 2]! })),
    ])
    const report = await open()
    // Changes, prewhitened by an AR(2): 19 pairs at lag 2 (NumPy, tests/unit/kpi/driver.test.ts).
    expect(report.analysis).toMatchObject({ verdict: 'supported', best: { lag: 2, n: 19 } })
  })
})
