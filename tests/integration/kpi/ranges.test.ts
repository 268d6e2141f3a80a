import { describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { action as measurementsAction } from '~/routes/api.v1.kpis.$key.measurements'
import { action as kpiAction } from '~/routes/kpis.$kpiId._index'
import { action as importAction } from '~/routes/kpis.import'
import { action as newAction } from '~/routes/kpis.new'
import { db } from '~/utils/db.server'
import { buildRequest, run, statusOf } from '#tests/support/requests'
import { insertKpi, kpiWorld, measurementsOf } from './helpers'

// The incident: a check-in of −50 for a percentage KPI silently replaced the real 38.86 %, and a
// 400-digit number was stored as Infinity as a KPI baseline. Values are now checked against the KPI's
// range (a percentage defaults to 0–100), non-finite numbers are refused on every channel, and
// replacing a period's value asks first, showing old → new.

type Refused = {
  data: { fieldErrors: Record<string, string[]> | null; replace?: { old: number; new: number } }
}

const HUGE = '9'.repeat(400)

const KPI_FORM = {
  key: 'adoption-rate',
  name_en: 'Weekly active reps',
  name_zh_tw: '每週活躍代表比例',
  kind: 'leading',
  category: 'adoption',
  unit: '%',
  direction: 'higher',
  cadence: 'monthly',
  rollup: 'none',
  rollup_weight: '1',
  tolerance_pct: '10',
  grace_days: '5',
}

describe('values checked against the KPI', () => {
  test('check-in: −50 for a percentage KPI is refused next to the value, in en and zh-TW; 38.86 is kept', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'pct',
      unit: '%',
    })
    const post = (form: Record<string, string>) =>
      run(
        kpiAction,
        buildRequest(`/kpis/${kpi.id}`, { form: { intent: 'checkin', ...form }, cookie: world.cookies.lead }),
        {
          kpiId: kpi.id,
        },
      )
    expect(statusOf(await post({ period_end: '2026-10-31', value: '38.86' }))).toBe(302)
    const negative = (await post({ period_end: '2026-10-31', value: '-50' })) as Refused
    expect(statusOf(negative)).toBe(400)
    expect(negative.data.fieldErrors).toEqual({
      value: ['value -50 is outside this KPI’s valid range (0 to 100).'],
    })
    for (const value of [HUGE, '1e999', 'NaN', 'Infinity']) {
      const refused = (await post({ period_end: '2026-10-31', value })) as Refused
      expect(statusOf(refused)).toBe(400)
      expect(refused.data.fieldErrors).toEqual({ value: ['Enter a number.'] })
    }
    await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', world.lead.id).execute()
    const zh = (await post({ period_end: '2026-10-31', value: '140' })) as Refused
    expect(zh.data.fieldErrors).toEqual({ value: ['value 140 超出此 KPI 的有效範圍(0 至 100)。'] })
    expect(await measurementsOf(kpi.id)).toMatchObject([{ period_end: '2026-10-31', value: 38.86 }])
  })

  test('check-in: replacing a period’s value shows old → new and needs the confirmation box', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'pct',
      unit: '%',
    })
    const post = (form: Record<string, string>) =>
      run(
        kpiAction,
        buildRequest(`/kpis/${kpi.id}`, { form: { intent: 'checkin', ...form }, cookie: world.cookies.lead }),
        {
          kpiId: kpi.id,
        },
      )
    await post({ period_end: '2026-10-31', value: '38.86' })
    const asked = (await post({ period_end: '2026-10-31', value: '41' })) as Refused
    expect(statusOf(asked)).toBe(409)
    expect(asked.data.replace).toEqual({ old: 38.86, new: 41 })
    expect(asked.data.fieldErrors).toEqual({
      value: [
        '2026-10-31 already has the value 38.86. Saving replaces it with 41: tick the box below to confirm.',
      ],
    })
    expect(await measurementsOf(kpi.id)).toMatchObject([{ value: 38.86 }])
    // The same value again is no replacement: nothing to ask.
    expect(statusOf(await post({ period_end: '2026-10-31', value: '38.86' }))).toBe(302)
    expect(statusOf(await post({ period_end: '2026-10-31', value: '41', confirm_replace: 'yes' }))).toBe(302)
    expect(await measurementsOf(kpi.id)).toMatchObject([{ value: 41 }])
  })

  test('the KPI form: a declared range, refused when inverted; the Infinity baseline and out-of-range targets are refused', async () => {
    const world = await kpiWorld()
    const url = `/kpis/new?initiative=${world.initiative.id}`
    const create = (form: Record<string, string>) =>
      run(
        newAction,
        buildRequest(url, { form: { ...KPI_FORM, ...form }, cookie: world.cookies.lead }),
      ) as Promise<Refused>
    const infinite = await create({ baseline_value: HUGE, baseline_date: '2025-12-31' })
    expect(statusOf(infinite)).toBe(400)
    expect(infinite.data.fieldErrors?.baseline_value).toEqual(['Enter a number.'])
    const outside = await create({
      baseline_value: '-5',
      baseline_date: '2025-12-31',
      targets: '2026-12-31, 120',
    })
    expect(outside.data.fieldErrors).toMatchObject({
      baseline_value: ['Outside this KPI’s valid range (0 to 100).'],
      'targets.0.value': ['Outside this KPI’s valid range (0 to 100).'],
    })
    const inverted = await create({ min_value: '10', max_value: '5' })
    expect(inverted.data.fieldErrors).toEqual({ max_value: ['The maximum must not be below the minimum.'] })
    const none = await db.selectFrom('kpis').select('id').where('key', '=', 'adoption-rate').execute()
    expect(none).toEqual([])
    // A growth KPI in % declares its own range: 150 is then a valid target.
    expect(statusOf(await create({ min_value: '-100', max_value: '500', targets: '2026-12-31, 150' }))).toBe(
      302,
    )
    const saved = await db
      .selectFrom('kpis')
      .select(['min_value', 'max_value'])
      .where('key', '=', 'adoption-rate')
      .executeTakeFirstOrThrow()
    expect(saved).toEqual({ min_value: -100, max_value: 500 })
  })

  test('the CSV import refuses an out-of-range row by line; the API answers 422 with outOfRange and refuses 1e999', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'score',
      range: { min: 1, max: 5 },
    })
    const body = new FormData()
    body.set('intent', 'preview')
    body.set('program_id', world.program.id)
    body.set('mode', 'all_or_nothing')
    const csv = [
      'kpi_key,period_end,value',
      'score,2026-09-30,4',
      'score,2026-10-31,7',
      `score,2026-08-31,${HUGE}`,
    ].join('\n')
    body.set('file', new File([csv], 'values.csv', { type: 'text/csv' }))
    const preview = (await run(
      importAction,
      buildRequest('/kpis/import', { body, cookie: world.cookies.lead }),
    )) as {
      data: { report: { rows: { line: number; ok: boolean; reason?: string }[] } }
    }
    expect(preview.data.report.rows.map((row) => [row.line, row.ok, row.reason])).toEqual([
      [2, true, undefined],
      [3, false, 'value 7 is outside this KPI’s valid range (1 to 5).'],
      [4, false, `value "${HUGE}" is not a decimal number (use a point, e.g. 12.5).`],
    ])

    const { secret } = await createApiKey(
      db,
      { id: world.admin.id, label: 'admin' },
      { name: 'ETL', scopes: ['measurements:write'] },
    )
    const api = async (raw: string) => {
      const response = (await run(
        measurementsAction,
        buildRequest('/api/v1/kpis/score/measurements', {
          method: 'POST',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          body: raw,
        }),
        { key: 'score' },
      )) as Response
      return { status: response.status, json: (await response.json()) as { results: unknown[] } }
    }
    const low = await api('[{"period_end":"2026-09-30","value":0}]')
    expect(low.status).toBe(422)
    expect(low.json.results).toEqual([
      {
        index: 0,
        status: 'error',
        error: { code: 'outOfRange', message: 'value 0 is outside this KPI’s valid range (1 to 5).' },
      },
    ])
    for (const value of ['1e999', HUGE]) {
      const infinite = await api(`[{"period_end":"2026-09-30","value":${value}}]`)
      expect(infinite.status).toBe(422)
      expect(infinite.json.results).toMatchObject([{ index: 0, status: 'error', error: { code: 'badItem' } }])
    }
    expect(await measurementsOf(kpi.id)).toEqual([])
  })
})
