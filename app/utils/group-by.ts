// Map.groupBy arrives with Node 21; Tenfold runs on Node 20. Keys keep their first-seen order and each
// group keeps the input order, so a batched read grouped by initiative lists rows as a single read would.

export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}
