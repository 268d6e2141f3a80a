import { describe, expect, test } from 'vitest'
import { recordMeasurements, refreshLatest, writerForUser } from '~/models/kpi/measurement.server'
import { ensureKpiStates, resolveLatest } from '~/models/kpi/state.server'
import { currentStatus } from '~/models/kpi/status'
import { todayUtc, addDays } from '~/utils/calendar'
import { getKpiTree, listProgramKpis, listTargets } from '~/models/kpi/kpi.server'
import { db } from '~/utils/db.server'
import { insertKpi, kpiWorld } from './helpers'

// The stored KPI state (migration 1820) is a cache: after any write — through the app or straight
// into the tables — the statuses read must equal a recomputation from scratch.

type World = Awaited<ReturnType<typeof kpiWorld>>

/** Every visible status and newest value, recomputed from the raw rows without the stored state. */
async function fromScratch(world: World) {
  const kpis = await db
    .selectFrom('kpis')
    .selectAll()
    .where('program_id', '=', world.program.id)
    .where('archived_at', 'is', null)
    .execute()
  const targets = await listTargets(
    db,
    kpis.map((kpi) => kpi.id),
  )
  // The measured series straight from the table, independently of measuredUnderRollups.
  const rows = await db
    .selectFrom('kpi_measurements')
    .select(['kpi_id', 'period_end', 'value'])
    .where(
      'kpi_id',
      'in',
      kpis.map((kpi) => kpi.id),
    )
    .execute()
  const measured = new Map<string, { period_end: string; value: number }[]>()
  for (const row of rows) measured.set(row.kpi_id, [...(measured.get(row.kpi_id) ?? []), row])
  const latest = resolveLatest(kpis, measured)
  const today = todayUtc()
  return Object.fromEntries(
    kpis.map((kpi) => {
      const value = latest.get(kpi.id) ?? null
      return [kpi.key, { status: currentStatus(kpi, value, targets.get(kpi.id) ?? [], today), latest: value }]
    }),
  )
}

async function stored(world: World) {
  const kpis = await listProgramKpis(db, world.admin, world.program.id)
  return Object.fromEntries(kpis.map((kpi) => [kpi.key, { status: kpi.status, latest: kpi.latest }]))
}

function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
}

describe('stored KPI state', () => {
  test('equals a recomputation after every kind of write, in any order', async () => {
    const world = await kpiWorld()
    const today = todayUtc()
    const scope = { programId: world.program.id, initiativeId: world.initiative.id }
    const root = await insertKpi({ ...scope, key: 'root', rollup: 'sum', cadence: 'daily' })
    const branchA = await insertKpi({
      ...scope,
      key: 'a',
      rollup: 'average',
      parentId: root.id,
      cadence: 'daily',
    })
    const branchB = await insertKpi({
      ...scope,
      key: 'b',
      rollup: 'max',
      parentId: root.id,
      cadence: 'daily',
    })
    const leaves: Awaited<ReturnType<typeof insertKpi>>[] = []
    for (let i = 0; i < 6; i++)
      leaves.push(
        await insertKpi({
          ...scope,
          key: `leaf-${i}`,
          cadence: 'daily',
          parentId: i % 2 ? branchA.id : branchB.id,
          direction: i % 3 ? 'higher' : 'lower',
          targets: [{ period_end: addDays(today, -10), value: 40 + i }],
        }),
      )
    const programLevel = await insertKpi({
      programId: world.program.id,
      key: 'program-kpi',
      cadence: 'daily',
    })
    const measured = [...leaves, programLevel]
    const writer = writerForUser(world.admin, 'form')
    const next = random(7)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const operations: [string, () => Promise<unknown>][] = [
      [
        'measure',
        () =>
          recordMeasurements(db, writer, [
            {
              kpi: pick(measured),
              period_end: addDays(today, -Math.floor(next() * 8)),
              value: Math.round(next() * 90),
            },
          ]),
      ],
      [
        'retarget',
        async () => {
          const kpi = pick([...measured, root, branchA])
          await db.deleteFrom('kpi_targets').where('kpi_id', '=', kpi.id).execute()
          await db
            .insertInto('kpi_targets')
            .values({ kpi_id: kpi.id, period_end: addDays(today, -5), value: Math.round(next() * 90) })
            .execute()
        },
      ],
      [
        'reparent',
        () =>
          db
            .updateTable('kpis')
            .set({ parent_id: pick([branchA.id, branchB.id, null]) })
            .where('id', '=', pick(leaves).id)
            .execute(),
      ],
      [
        'archive or restore',
        () =>
          db
            .updateTable('kpis')
            .set({ archived_at: next() < 0.5 ? new Date() : null })
            .where('id', '=', pick(leaves).id)
            .execute(),
      ],
      [
        'change tolerance, rollup or cadence',
        () =>
          db
            .updateTable('kpis')
            .set({
              tolerance_pct: Math.round(next() * 30),
              rollup: pick(['sum', 'average', 'min', 'max', 'weighted_average'] as const),
              rollup_weight: 1 + Math.floor(next() * 3),
            })
            .where('id', 'in', [root.id, branchA.id, branchB.id])
            .where((eb) =>
              eb.or([eb('id', '=', pick([root.id, branchA.id, branchB.id])), eb.val(next() < 0.2)]),
            )
            .execute(),
      ],
      [
        'stale measurement',
        () =>
          recordMeasurements(db, writer, [
            { kpi: pick(measured), period_end: addDays(today, -30), value: 10 },
          ]),
      ],
      [
        'delete a measurement',
        async () => {
          const kpi = pick(measured)
          const newest = await db
            .selectFrom('kpi_measurements')
            .select('period_end')
            .where('kpi_id', '=', kpi.id)
            .orderBy('period_end', 'desc')
            .limit(1)
            .executeTakeFirst()
          if (!newest) return
          await db
            .deleteFrom('kpi_measurements')
            .where('kpi_id', '=', kpi.id)
            .where('period_end', '=', newest.period_end)
            .execute()
          // The app keeps the newest-value cache in the same write; a deletion by hand must too.
          await refreshLatest(db, [kpi.id])
        },
      ],
    ]
    const seen = new Set<string>()
    for (let step = 0; step < 60; step++) {
      const [name, operation] = pick(operations)
      await operation()
      seen.add(name)
      if (step % 3 === 0)
        expect(await stored(world), `after step ${step} (${name})`).toEqual(await fromScratch(world))
    }
    expect(await stored(world)).toEqual(await fromScratch(world))
    expect(seen.size).toBe(operations.length)
    const statuses = new Set(Object.values(await stored(world)).map((kpi) => kpi.status))
    expect(statuses.size).toBeGreaterThan(2)
  })

  test('a rolled-up parent takes its state from its children, and reads of one tree leave others alone', async () => {
    const world = await kpiWorld()
    const scope = { programId: world.program.id, initiativeId: world.initiative.id }
    const today = todayUtc()
    const parent = await insertKpi({
      ...scope,
      key: 'parent',
      rollup: 'sum',
      cadence: 'daily',
      targets: [{ period_end: addDays(today, -3), value: 100 }],
    })
    const children = [
      await insertKpi({ ...scope, key: 'north', parentId: parent.id, cadence: 'daily' }),
      await insertKpi({ ...scope, key: 'south', parentId: parent.id, cadence: 'daily' }),
    ]
    const elsewhere = await insertKpi({
      programId: world.program.id,
      initiativeId: world.other.id,
      key: 'elsewhere',
    })
    const writer = writerForUser(world.admin, 'form')
    await recordMeasurements(db, writer, [
      { kpi: children[0]!, period_end: addDays(today, -2), value: 58 },
      { kpi: children[0]!, period_end: addDays(today, -1), value: 60 },
      { kpi: children[1]!, period_end: addDays(today, -2), value: 30 },
    ])
    const [tree] = await getKpiTree(db, world.admin, scope)
    // The newest day both children reported: 58 + 30 (not north's newer 60 + south's older 30 = 90).
    expect(tree).toMatchObject({
      key: 'parent',
      status: 'off_track', // 88 misses 100 by 12 %, beyond the 10 % tolerance
      latest: { period_end: addDays(today, -2), value: 88 },
    })
    const missing = await db
      .selectFrom('kpis')
      .select('key')
      .where('program_id', '=', world.program.id)
      .where('state_status', 'is', null)
      .execute()
    expect(missing.map((kpi) => kpi.key)).toEqual([elsewhere.key])

    await recordMeasurements(db, writer, [{ kpi: children[1]!, period_end: addDays(today, -1), value: 45 }])
    const after = await db
      .selectFrom('kpis')
      .select(['key', 'state_status'])
      .where('id', 'in', [parent.id, children[0]!.id, children[1]!.id])
      .orderBy('key')
      .execute()
    // The measured child and its parent were invalidated; the untouched sibling kept its state.
    expect(after).toEqual([
      { key: 'north', state_status: 'no_target' },
      { key: 'parent', state_status: null },
      { key: 'south', state_status: null },
    ])
    await ensureKpiStates(db, { programId: world.program.id })
    const [again] = await getKpiTree(db, world.admin, scope)
    expect(again).toMatchObject({
      status: 'on_track',
      latest: { period_end: addDays(today, -1), value: 105 },
    })
  })
})
