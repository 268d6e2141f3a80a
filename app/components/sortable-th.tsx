import type { ReactNode } from 'react'
import { SortHeader, type SortState } from './list-controls'

/** A column header that sorts its list when the table is given the list's sort, else a plain header. */
export function SortableTh({
  sortKey,
  sort,
  numeric,
  children,
}: {
  sortKey: string
  sort?: SortState
  numeric?: boolean
  children: ReactNode
}) {
  if (!sort)
    return (
      <th scope="col" className={numeric ? 'num' : undefined}>
        {children}
      </th>
    )
  return (
    <SortHeader sortKey={sortKey} state={sort} numeric={numeric}>
      {children}
    </SortHeader>
  )
}
