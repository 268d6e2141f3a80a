import { sql, type Updateable } from 'kysely'
import type { Executor } from '~/utils/db.server'
import { SELLER_ROSTER_COLUMNS } from './seller-columns'
import type { SellersTable } from './tables'

// The sales-force roster is the foundation's (every area reads it); the EET area maintains it (the
// roster page and the roster import) through these writes, auditing them itself.

export type RosterRow = { seller_id: string } & {
  [Column in (typeof SELLER_ROSTER_COLUMNS)[number]]: unknown
}

/**
 * Inserts new reps and updates those whose roster columns differ or who had left (a rep in the file is
 * current again); a rep already so is not written at all, so re-importing the same file is a no-op.
 */
export async function upsertRoster(trx: Executor, rows: readonly RosterRow[]) {
  // One jsonb parameter per batch rather than 11 per row: binding thousands of parameters is what
  // makes a large import slow, not the insert itself.
  await sql`
    insert into sellers (seller_id, ${sql.join(SELLER_ROSTER_COLUMNS.map((key) => sql.ref(key)))})
    select seller_id, ${sql.join(SELLER_ROSTER_COLUMNS.map((key) => sql.ref(`r.${key}`)))}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(seller_id text, name text, email text, region text, segment text, team text, manager_id text,
           hire_date date, role text, tech_affinity text, eligible boolean)
    on conflict (seller_id) do update set
      ${sql.join(SELLER_ROSTER_COLUMNS.map((key) => sql`${sql.ref(key)} = excluded.${sql.ref(key)}`))},
      left_at = null,
      updated_at = now()
    where (${sql.join(SELLER_ROSTER_COLUMNS.map((key) => sql.ref(`sellers.${key}`)))}, sellers.left_at is null)
      is distinct from (${sql.join(SELLER_ROSTER_COLUMNS.map((key) => sql.ref(`excluded.${key}`)))}, true)
  `.execute(trx)
}

/** Marks these reps as having left the company now. */
export async function markSellersLeft(trx: Executor, ids: readonly string[]) {
  if (!ids.length) return
  await trx
    .updateTable('sellers')
    .set({ left_at: new Date(), updated_at: new Date() })
    .where('id', 'in', ids)
    .execute()
}

/** Updates one rep's roster row. */
export async function writeSellerRow(trx: Executor, id: string, values: Updateable<SellersTable>) {
  await trx
    .updateTable('sellers')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

/**
 * Whole roster rows as jsonb (timestamps keep their microseconds): the before-image a roster import
 * keeps so that undoing it restores every column exactly.
 */
export async function sellerImages(trx: Executor, ids: readonly string[]) {
  if (!ids.length) return []
  const result = await sql<{ id: string; image: Record<string, unknown> }>`
    select s.id, to_jsonb(s) as image from sellers s
    where s.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
  `.execute(trx)
  return result.rows
}

/** Puts roster rows back as their images were, every column (the undo of a roster import). */
export async function restoreSellerImages(trx: Executor, images: readonly Record<string, unknown>[]) {
  if (!images.length) return
  await sql`
    update sellers set
      ${sql.join(
        [...SELLER_ROSTER_COLUMNS, 'seller_id', 'user_id', 'left_at', 'created_at', 'updated_at'].map(
          (key) => sql`${sql.ref(key)} = r.${sql.ref(key)}`,
        ),
      )}
    from jsonb_array_elements(${JSON.stringify(images)}::jsonb) as e
      cross join lateral jsonb_populate_record(null::sellers, e.value) as r
    where sellers.id = r.id
  `.execute(trx)
}

/** Removes reps a roster import created (its undo); the caller checks nothing refers to them. */
export async function deleteSellers(trx: Executor, ids: readonly string[]) {
  if (!ids.length) return
  await sql`
    delete from sellers
    where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
  `.execute(trx)
}
