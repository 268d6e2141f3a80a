import { Form, Link, useLocation, useSearchParams, useSubmit } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useT } from '~/i18n/react'

// The controls of a list whose state is in the URL (app/utils/list-query.ts): a filter form that
// applies as you type or choose (and is a plain GET form without JavaScript), sortable headers,
// page links and the CSV export of the same rows.

export type SortState = { sort: string; dir: 'asc' | 'desc' }

/** The URL of this list with some parameters changed (null removes one); the page resets unless set. */
export function useListHref() {
  const [params] = useSearchParams()
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    if (!('page' in changes)) next.delete('page')
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key)
      else next.set(key, value)
    }
    const text = next.toString()
    return text ? `?${text}` : '?'
  }
}

/** A column header that sorts the list by `sortKey`: a link, with `aria-sort` on its cell. */
export function SortHeader({
  sortKey,
  state,
  numeric,
  children,
}: {
  sortKey: string
  state: SortState
  numeric?: boolean
  children: ReactNode
}) {
  const href = useListHref()
  const active = state.sort === sortKey
  const next = active && state.dir === 'asc' ? 'desc' : 'asc'
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Link to={href({ sort: sortKey, dir: next })} preventScrollReset className="sort-link">
        {children}
        <span aria-hidden="true">{active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </Link>
    </th>
  )
}

const TYPING_DELAY_MS = 300

/**
 * A GET form over a list. With JavaScript it submits itself (replacing the history entry) when a
 * field changes, text fields after a pause; without, its Filter button submits it. The sort stays.
 */
export function ListFilters({
  state,
  ownSort,
  keep,
  children,
}: {
  state: SortState
  /** The form has its own sort and direction fields (lists shown as cards, without column headers). */
  ownSort?: boolean
  /** Parameters another form on the page sets (a date range), kept when this one submits. */
  keep?: Record<string, string | null | undefined>
  children: ReactNode
}) {
  const submit = useSubmit()
  const t = useT()
  const form = useRef<HTMLFormElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const send = () => {
    if (form.current) submit(form.current, { replace: true, preventScrollReset: true })
  }
  return (
    <Form
      method="get"
      className="filters"
      ref={form}
      role="search"
      aria-label={t('action.filter')}
      onChange={(event) => {
        const target = event.target as HTMLInputElement
        clearTimeout(timer.current)
        if (target.type === 'search' || target.type === 'text')
          timer.current = setTimeout(send, TYPING_DELAY_MS)
        else send()
      }}
    >
      {ownSort ? null : (
        <>
          <input type="hidden" name="sort" value={state.sort} />
          <input type="hidden" name="dir" value={state.dir} />
        </>
      )}
      {Object.entries(keep ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {children}
      <noscript>
        <button type="submit" className="button-secondary">
          {t('action.filter')}
        </button>
      </noscript>
    </Form>
  )
}

/** The free-text field of a list's filters. */
export function ListSearch({ value, label }: { value: string; label?: string }) {
  const t = useT()
  return (
    <label>
      {label ?? t('list.search')}
      <input type="search" name="q" defaultValue={value} />
    </label>
  )
}

/** "Page 2 of 5 · 230" with previous/next links, and the CSV export of every filtered row. */
export function ListFooter({
  page,
  pages,
  total,
  csv = true,
}: {
  page: number
  pages: number
  total: number
  /** False where the page has its own export of the same rows (the portfolio's). */
  csv?: boolean
}) {
  const t = useT()
  const href = useListHref()
  return (
    <nav className="filters list-footer" aria-label={t('list.pages')}>
      <span>
        {pages > 1 ? `${t('list.page', { page, pages })} · ` : ''}
        {t('list.count', { count: total })}
      </span>
      {page > 1 ? <Link to={href({ page: String(page - 1) })}>← {t('list.prev')}</Link> : null}
      {page < pages ? <Link to={href({ page: String(page + 1) })}>{t('list.next')} →</Link> : null}
      {csv ? <CsvLink /> : null}
    </nav>
  )
}

/** Downloads the list as CSV: its export route (the page's path + .csv) with the same filters and sort. */
export function CsvLink() {
  const t = useT()
  const { pathname } = useLocation()
  const href = useListHref()
  return (
    <Link
      to={`${pathname.replace(/\/+$/, '')}.csv${href({ page: null })}`}
      reloadDocument
      className="button-secondary"
    >
      {t('list.exportCsv')}
    </Link>
  )
}
