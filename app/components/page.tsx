import { Link, NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'

// The shared page pieces; their look is in app/styles/app.css (tokens at its top).

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string
  subtitle?: ReactNode
  actions?: ReactNode
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  )
}

export function Card({
  title,
  actions,
  wide,
  children,
  labelledBy,
}: {
  title?: ReactNode
  actions?: ReactNode
  /** Spans the whole row of a two-column grid (a wide table). */
  wide?: boolean
  children: ReactNode
  labelledBy?: string
}) {
  return (
    <section className={wide ? 'card card-wide' : 'card'} aria-labelledby={labelledBy}>
      {title || actions ? (
        <header className="card-header">
          {title ? <h2 id={labelledBy}>{title}</h2> : null}
          {actions ? <div className="page-actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  )
}

/** A pill that never wraps inside a word; a long label is cut with an ellipsis and its full text kept as title. */
export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info'
  children: ReactNode
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>
}

export function StatTile({
  value,
  label,
  to,
  hint,
}: {
  value: ReactNode
  label: ReactNode
  to?: string
  hint?: ReactNode
}) {
  const body = (
    <>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
      {hint ? <span className="stat-hint">{hint}</span> : null}
    </>
  )
  return to ? (
    <Link className="stat" to={to}>
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  )
}

/** Nothing to show yet, and (when there is one) the next step to take. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  if (!action) return <p className="empty-state">{children}</p>
  return (
    <div className="empty-state">
      <p>{children}</p>
      <div className="empty-state-action">{action}</div>
    </div>
  )
}

/** Sections of one page as links (each tab is a URL, so it works without JavaScript). */
export function Tabs({
  label,
  tabs,
}: {
  label: string
  tabs: readonly { to: string; label: string; end?: boolean }[]
}) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  )
}

/** A small set of exclusive choices as links (a filter, a period); the chosen one is the current page. */
export function SegmentedControl({
  label,
  options,
}: {
  label: string
  options: readonly { to: string; label: string; current: boolean }[]
}) {
  return (
    <nav className="segmented" aria-label={label}>
      {options.map((option) => (
        <Link key={option.to} to={option.to} aria-current={option.current ? 'page' : undefined}>
          {option.label}
        </Link>
      ))}
    </nav>
  )
}

/** Help text naming file columns: the column names (snake_case, comma lists) are shown as code, as typed. */
export function TextWithCodes({ text }: { text: string }) {
  const parts = text.split(
    /(\b[a-zA-Z0-9]+(?:_[a-zA-Z0-9]+)+(?:,[a-zA-Z0-9_]+)*\b|\b[a-z0-9_]+(?:,[a-z0-9_]+)+\b)/g,
  )
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
}
