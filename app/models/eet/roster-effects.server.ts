import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { SELLER_ROSTER_COLUMNS } from '../foundation/seller-columns'
import type { SellerInput } from './roster.schema'

// What a roster import would do beyond the counts, for its preview: which reps are new, which change
// (field by field, old → new), which leave, and what that does to the EETs (stints that end, each
// pilot's team before → after) and to the frontline managers (a leaving manager's remaining reports,
// reps whose manager changes). Lists are capped for the page; the counts are whole.

export const SHOWN_EFFECTS = 50

type Known = {
  id: string
  seller_id: string
  name: string
  team: string
  manager_id: string | null
  left_at: Date | null
} & Record<(typeof SELLER_ROSTER_COLUMNS)[number], unknown>

export type FieldChange = { field: string; before: string; after: string }
export type ImportEffects = {
  created: { seller_id: string; name: string; team: string }[]
  changed: { seller_id: string; name: string; changes: FieldChange[] }[]
  leaving: { seller_id: string; name: string; team: string }[]
  stints: { initiative: string; seller_id: string; name: string }[]
  stintCount: number
  pilots: { initiativeId: string; name: string; before: number; after: number }[]
  managersLeaving: { seller_id: string; name: string; reports: number }[]
  managerChanges: number
}

const shown = (value: unknown) => (value === null || value === undefined ? '' : String(value))

export async function describeEffects(
  db: Executor,
  {
    existing,
    changed,
    leaving,
  }: { existing: Map<string, Known>; changed: readonly SellerInput[]; leaving: readonly Known[] },
): Promise<ImportEffects> {
  const created: ImportEffects['created'] = []
  const changedRows: ImportEffects['changed'] = []
  let managerChanges = 0
  for (const seller of changed) {
    const before = existing.get(seller.seller_id)
    if (!before) {
      if (created.length < SHOWN_EFFECTS)
        created.push({ seller_id: seller.seller_id, name: seller.name, team: seller.team })
      continue
    }
    if (before.manager_id !== seller.manager_id) managerChanges++
    if (changedRows.length >= SHOWN_EFFECTS) continue
    const changes: FieldChange[] = SELLER_ROSTER_COLUMNS.filter((key) => before[key] !== seller[key]).map(
      (key) => ({
        field: key,
        before: shown(before[key]),
        after: shown(seller[key]),
      }),
    )
    if (before.left_at)
      changes.unshift({
        field: 'left_at',
        before: shown(before.left_at.toISOString().slice(0, 10)),
        after: '',
      })
    changedRows.push({ seller_id: seller.seller_id, name: seller.name, changes })
  }
  const leavingIds = new Set(leaving.map((row) => row.seller_id))
  const reportsOf = new Map<string, number>()
  for (const rep of existing.values())
    if (!rep.left_at && !leavingIds.has(rep.seller_id) && rep.manager_id)
      reportsOf.set(rep.manager_id, (reportsOf.get(rep.manager_id) ?? 0) + 1)
  const managersLeaving = leaving
    .map((row) => ({ seller_id: row.seller_id, name: row.name, reports: reportsOf.get(row.seller_id) ?? 0 }))
    .filter((manager) => manager.reports > 0)
  const { stints, stintCount, pilots } = await eetEffects(
    db,
    leaving.map((row) => row.id),
  )
  return {
    created,
    changed: changedRows,
    leaving: leaving
      .slice(0, SHOWN_EFFECTS)
      .map((row) => ({ seller_id: row.seller_id, name: row.name, team: row.team })),
    stints,
    stintCount,
    pilots,
    managersLeaving: managersLeaving.slice(0, SHOWN_EFFECTS),
    managerChanges,
  }
}

async function eetEffects(db: Executor, leavingIds: readonly string[]) {
  if (!leavingIds.length) return { stints: [], stintCount: 0, pilots: [] }
  const ids = JSON.stringify(leavingIds)
  const ending = await sql<{ initiative_id: string; initiative: string; seller_id: string; name: string }>`
    select m.initiative_id, i.name as initiative, s.seller_id, s.name
    from eet_members m join sellers s on s.id = m.seller_id join initiatives i on i.id = m.initiative_id
    where m.left_on is null
      and m.seller_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
    order by i.name, s.name
  `.execute(db)
  const touched = [...new Set(ending.rows.map((row) => row.initiative_id))]
  if (!touched.length) return { stints: [], stintCount: 0, pilots: [] }
  const sizes = await db
    .selectFrom('eet_members')
    .innerJoin('sellers', 'sellers.id', 'eet_members.seller_id')
    .innerJoin('initiatives', 'initiatives.id', 'eet_members.initiative_id')
    .select(['eet_members.initiative_id', 'initiatives.name', (eb) => eb.fn.countAll<string>().as('members')])
    .where('eet_members.initiative_id', 'in', touched)
    .where('eet_members.left_on', 'is', null)
    .where('sellers.left_at', 'is', null)
    .groupBy(['eet_members.initiative_id', 'initiatives.name'])
    .orderBy('initiatives.name')
    .execute()
  const endingBy = new Map<string, number>()
  for (const row of ending.rows) endingBy.set(row.initiative_id, (endingBy.get(row.initiative_id) ?? 0) + 1)
  return {
    stints: ending.rows
      .slice(0, SHOWN_EFFECTS)
      .map((row) => ({ initiative: row.initiative, seller_id: row.seller_id, name: row.name })),
    stintCount: ending.rows.length,
    pilots: sizes.map((row) => ({
      initiativeId: row.initiative_id,
      name: row.name,
      before: Number(row.members),
      after: Number(row.members) - (endingBy.get(row.initiative_id) ?? 0),
    })),
  }
}

/** Keeps the open stints of these reps (whole rows) before the import ends them. */
export async function recordStints(trx: Executor, importId: string, sellerIds: readonly string[]) {
  if (!sellerIds.length) return
  await sql`
    insert into roster_import_stints (import_id, eet_member_id, before)
    select ${importId}::uuid, m.id, to_jsonb(m) from eet_members m
    where m.left_on is null
      and m.seller_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(sellerIds)}::jsonb))
  `.execute(trx)
}
