import { describe, expect, test } from 'vitest'
import { kpiValuesAsOf, kpiValuesIn } from '~/models/kpi/history.server'
import { recordMeasurements, type Writer } from '~/models/kpi/measurement.server'
import { action as kpiAction, loader as kpiLoader } from '~/routes/kpis.$kpiId._index'
import { db } from '~/utils/db.server'
import { buildRequest, run, statusOf } from '#tests/support/requests'
import { insertKpi, kpiWorld, measurementsOf, revisionsOf } from './helpers'

describe('measurements', () => {
  test('a second value for a period replaces the first and keeps the revision; the same value changes nothing', async () => {
    const world = await kpiWorld()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'wins',
    })
    const writer: Writer = {
      actor: { id: world.lead.id, label: world.lead.email },
      userId: world.lead.id,
      apiKeyId: null,
      source: 'form',
    }
    const item = (period_end: string, value: number) => ({ kpi, period_end, value })
    expect(await recordMeasurements(db, writer, [item('2026-01-31', 10), item('2026-02-28', 12)])).toEqual([
      'created',
      'created',
    ])
    expect(await recordMeasurements(db, writer, [item('2026-01-31', 11), item('2026-02-28', 12)])).toEqual([
      'updated',
      'unchanged',
    ])
    expect(await measurementsOf(kpi.id)).toMatchObject([
      { period_end: '2026-01-31', value: 11 },
      { period_end: '2026-02-28', value: 12 },
    ])
    expect(await revisionsOf(kpi.id)).toMatchObject([
      { period_end: '2026-01-31', old_value: null, new_value: 10, changed_by_label: world.lead.email },
      { period_end: '2026-02-28', old_value: null, new_value: 12 },
      { period_end: '2026-01-31', old_value: 10, new_value: 11 },
    ])
    // A back-dated value does not move the newest-value cache.
    await recordMeasurements(db, writer, [item('2025-12-31', 9)])
    const cached = await db
      .selectFrom('kpis')
      .select(['last_period_end', 'last_value'])
      .where('id', '=', kpi.id)
      .executeTakeFirstOrThrow()
    expect(cached).toEqual({ last_period_end: '2026-02-28', last_value: 12 })
    expect((await kpiValuesAsOf(db, [{ kpiId: kpi.id, day: '2026-12-31' }])).get(kpi.id)).toMatchObject({
      period_end: '2026-02-28',
      value: 12,
    })
    expect(
      (await kpiValuesIn(db, [{ kpiId: kpi.id, from: '2026-01-01', to: '2026-12-31' }])).get(kpi.id),
    ).toEqual([
      { period_end: '2026-01-31', value: 11 },
      { period_end: '2026-02-28', value: 12 },
    ])
    const audits = await db.selectFrom('audit_log').select('action').where('entity_id', '=', kpi.id).execute()
    expect(audits.map((row) => row.action)).toEqual([
      'kpi.measurements.form',
      'kpi.measurements.form',
      'kpi.measurements.form',
    ])
  })

  test('the check-in form records a value; bad input is refused per field in the user’s language', async () => {
    const world = await kpiWorld()
    await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', world.lead.id).execute()
    const kpi = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'contacts',
      cadence: 'weekly',
    })
    const post = (form: Record<string, string>, cookie = world.cookies.lead) =>
      run(kpiAction, buildRequest(`/kpis/${kpi.id}`, { form, cookie }), { kpiId: kpi.id })

    const notSunday = await post({ intent: 'checkin', period_end: '2026-11-20', value: '5' })
    expect(statusOf(notSunday)).toBe(400)
    expect(
      (notSunday as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.period_end![0],
    ).toContain('2026-11-22')
    expect(
      (notSunday as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.period_end![0],
    ).toContain('每週')

    const badValue = await post({ intent: 'checkin', period_end: '2026-11-22', value: '5,5' })
    expect(statusOf(badValue)).toBe(400)
    expect((badValue as { data: { fieldErrors: Record<string, string[]> } }).data.fieldErrors.value).toEqual([
      '請輸入數字。',
    ])
    expect(await measurementsOf(kpi.id)).toEqual([])

    const ok = await post({
      intent: 'checkin',
      period_end: '2026-11-22',
      value: '5.5',
      confidence: '4',
      note: '試行第二波',
    })
    expect(statusOf(ok)).toBe(302)
    expect(await measurementsOf(kpi.id)).toMatchObject([
      { period_end: '2026-11-22', value: 5.5, note: '試行第二波', source: 'form' },
    ])

    // A viewer sees the KPI but may not measure it; the other initiative's lead does not see it at all.
    expect(
      statusOf(await post({ intent: 'checkin', period_end: '2026-11-22', value: '6' }, world.cookies.viewer)),
    ).toBe(403)
    expect(
      statusOf(
        await post({ intent: 'checkin', period_end: '2026-11-22', value: '6' }, world.cookies.otherLead),
      ),
    ).toBe(404)
    expect(await measurementsOf(kpi.id)).toMatchObject([{ value: 5.5 }])

    const page = (await run(kpiLoader, buildRequest(`/kpis/${kpi.id}`, { cookie: world.cookies.viewer }), {
      kpiId: kpi.id,
    })) as {
      revisions: unknown[]
      canMeasure: boolean
      chart: { labels: string[] }
    }
    expect(page.revisions).toHaveLength(1)
    expect(page.canMeasure).toBe(false)
    expect(page.chart.labels).toEqual(['2026-11-22'])
  })

  test('a rolled-up parent takes no values of its own', async () => {
    const world = await kpiWorld()
    const parent = await insertKpi({
      programId: world.program.id,
      initiativeId: world.initiative.id,
      key: 'total',
      rollup: 'sum',
    })
    const result = await run(
      kpiAction,
      buildRequest(`/kpis/${parent.id}`, {
        form: { intent: 'checkin', period_end: '2026-10-31', value: '1' },
        cookie: world.cookies.lead,
      }),
      { kpiId: parent.id },
    )
    expect(statusOf(result)).toBe(400)
    expect(await measurementsOf(parent.id)).toEqual([])
  })
})
