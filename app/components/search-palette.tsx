import { Form, useFetcher, useNavigate } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '~/i18n/react'
import type { SearchHit, SearchResults } from '~/utils/search-hit'

// The header's search. Without JavaScript it is a GET form to /search. With it, the field, ⌘K or
// Ctrl-K open a command palette (a modal dialog) that searches as you type through the same loader,
// grouped by kind; ↑/↓ move, Enter opens, Esc closes.

const TYPING_DELAY_MS = 150

export function SearchPalette() {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [term, setTerm] = useState('')
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  return (
    <>
      <Form
        method="get"
        action="/search"
        role="search"
        aria-label={t('search.title')}
        className="header-search"
      >
        <label>
          <span className="visually-hidden">{t('search.label')}</span>
          <input
            type="search"
            name="q"
            placeholder={`${t('search.open')} (${t('search.shortcut')})`}
            aria-keyshortcuts="Control+K Meta+K"
            value={term}
            onChange={(event) => {
              setTerm(event.target.value)
              setOpen(true)
            }}
            // Not on focus: closing the dialog gives the focus back to this field.
            onClick={() => setOpen(true)}
          />
        </label>
        <noscript>
          <button type="submit" className="button-secondary">
            {t('search.submit')}
          </button>
        </noscript>
      </Form>
      <dialog
        ref={dialog}
        className="search-palette"
        aria-label={t('search.title')}
        onClose={() => setOpen(false)}
        onClick={(event) => {
          // A click on the backdrop (outside the panel) closes the palette.
          if (event.target === dialog.current) setOpen(false)
        }}
      >
        {open ? <PalettePanel term={term} onTerm={setTerm} onDone={() => setOpen(false)} /> : null}
      </dialog>
    </>
  )
}

function PalettePanel({
  term,
  onTerm,
  onDone,
}: {
  term: string
  onTerm: (value: string) => void
  onDone: () => void
}) {
  const t = useT()
  const navigate = useNavigate()
  const fetcher = useFetcher<SearchResults>()
  const [active, setActive] = useState(0)
  const listId = useId()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const { load } = fetcher

  useEffect(() => {
    clearTimeout(timer.current)
    const q = term.trim()
    if (!q) return
    timer.current = setTimeout(() => load(`/search?q=${encodeURIComponent(q)}`), TYPING_DELAY_MS)
    return () => clearTimeout(timer.current)
  }, [term, load])

  const groups = term.trim() && fetcher.data ? fetcher.data.groups : []
  const hits: SearchHit[] = groups.flatMap((group) => group.hits)
  const optionId = (index: number) => `${listId}-${index}`
  const openHit = (hit: SearchHit | undefined) => {
    if (!hit) return
    onDone()
    navigate(hit.href)
  }

  return (
    <div className="search-palette-panel">
      <input
        // Not type=search: there Chromium's Escape clears the field instead of closing the dialog.
        type="text"
        role="combobox"
        autoFocus
        aria-label={t('search.label')}
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length ? optionId(Math.min(active, hits.length - 1)) : undefined}
        aria-autocomplete="list"
        placeholder={t('search.label')}
        value={term}
        onChange={(event) => {
          onTerm(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onDone()
          } else if (event.key === 'ArrowDown') {
            event.preventDefault()
            setActive((index) => (hits.length ? (index + 1) % hits.length : 0))
          } else if (event.key === 'ArrowUp') {
            event.preventDefault()
            setActive((index) => (hits.length ? (index - 1 + hits.length) % hits.length : 0))
          } else if (event.key === 'Enter') {
            event.preventDefault()
            if (hits.length) openHit(hits[Math.min(active, hits.length - 1)])
            else if (term.trim()) {
              onDone()
              navigate(`/search?q=${encodeURIComponent(term.trim())}`)
            }
          }
        }}
      />
      <div id={listId} role="listbox" aria-label={t('search.title')} className="search-palette-results">
        {groups.map((group) => (
          <div role="group" key={group.kind} aria-label={t(`search.kind.${group.kind}`)}>
            <div className="search-palette-kind" aria-hidden="true">
              {t(`search.kind.${group.kind}`)}
            </div>
            {group.hits.map((hit) => {
              const index = hits.indexOf(hit)
              return (
                <div
                  key={hit.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="search-palette-option"
                  onMouseEnter={() => setActive(index)}
                  onClick={() => openHit(hit)}
                >
                  {hit.title}
                  {hit.context ? <span className="muted"> · {hit.context}</span> : null}
                </div>
              )
            })}
          </div>
        ))}
      </div>
      {term.trim() && fetcher.state === 'idle' && fetcher.data && !hits.length ? (
        <p className="muted">{t('search.none', { q: term.trim() })}</p>
      ) : null}
      {term.trim() ? (
        <a href={`/search?q=${encodeURIComponent(term.trim())}`} onClick={onDone}>
          {t('search.all', { q: term.trim() })}
        </a>
      ) : null}
      <p className="muted search-palette-hint">{t('search.hint')}</p>
    </div>
  )
}
