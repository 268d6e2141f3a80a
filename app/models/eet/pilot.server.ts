import { sql, type RawBuilder } from 'kysely'

// Who was in a pilot when: the EET's stints (eet_members: joined_on … left_on, both included), read by
// the recommendation evidence to split pilot from rest. A stint belongs to a roster entry, not to a
// portal login, so an EET rep without an account counts; a stint that ends in the future is running.

/** Whether the seller (the events' seller_id) was on an EET on this reporting-zone day. */
export function pilotOnDaySql(sellerId: RawBuilder<unknown>, day: RawBuilder<unknown>) {
  return sql<boolean>`exists (select 1 from eet_members pm join sellers ps on ps.id = pm.seller_id
    where ps.seller_id = ${sellerId} and pm.joined_on <= ${day}
      and (pm.left_on is null or pm.left_on >= ${day}))`
}

/** Whether the seller was on an EET on any day of [from, to) (`to` exclusive). */
export function pilotDuringSql(sellerId: RawBuilder<unknown>, range: { from: string; to: string }) {
  return sql<boolean>`exists (select 1 from eet_members pm join sellers ps on ps.id = pm.seller_id
    where ps.seller_id = ${sellerId} and pm.joined_on < ${range.to}::date
      and (pm.left_on is null or pm.left_on >= ${range.from}::date))`
}
