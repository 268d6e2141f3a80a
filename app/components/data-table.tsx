import type { ReactNode } from 'react'
import { SortHeader, type SortState } from './list-controls'

export type Column<Row> = {
  header: ReactNode
  cell: (row: Row) => ReactNode
  /** Right-aligned figures (header and cells). */
  numeric?: boolean
  /** The list's sort key for this column: its header sorts the list (with the table's `sort`). */
  sortKey?: string
}

export type DataTableProps<Row> = {
  columns: Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string | number
  /** Names the table for screen readers and makes its scrolling wrapper a focusable region. */
  caption?: string
  /** The list's current sort (from its URL); columns with a sortKey get sorting headers. */
  sort?: SortState
}

/** A table whose first column heads each row. */
export function DataTable<Row>({ columns, rows, rowKey, caption, sort }: DataTableProps<Row>) {
  const region = caption ? { role: 'region', 'aria-label': caption, tabIndex: 0 } : {}
  const numClass = (column: Column<Row>) => (column.numeric ? 'num' : undefined)
  return (
    <div className="table-wrap" {...region}>
      <table>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column, index) =>
              sort && column.sortKey ? (
                <SortHeader key={index} sortKey={column.sortKey} state={sort} numeric={column.numeric}>
                  {column.header}
                </SortHeader>
              ) : (
                <th key={index} scope="col" className={numClass(column)}>
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className={numClass(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={numClass(column)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
