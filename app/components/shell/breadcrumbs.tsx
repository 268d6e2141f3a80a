import { Link, useLocation, useMatches } from '@remix-run/react'
import { useT } from '~/i18n/react'
import { sectionOf } from '../nav'
import type { ShellProgram } from './types'

type Crumb = { to: string; label: string }
type InitiativeData = {
  initiative?: { id: string; name: string; program_id: string | null; program_name: string | null }
}

/** Where the page sits: its section, its program and its initiative; the page's own title is its h1. */
export function Breadcrumbs({ programs }: { programs: readonly ShellProgram[] }) {
  const t = useT()
  const { pathname } = useLocation()
  const matches = useMatches()
  const crumbs: Crumb[] = []
  const initiative = matches
    .map((match) => (match.data as InitiativeData | undefined)?.initiative)
    .find((found) => found?.id && pathname.startsWith(`/initiatives/${found.id}`))
  if (initiative) {
    crumbs.push({ to: '/initiatives', label: t('nav.initiatives') })
    if (initiative.program_id && initiative.program_name)
      crumbs.push({ to: `/programs/${initiative.program_id}`, label: initiative.program_name })
    if (pathname !== `/initiatives/${initiative.id}`)
      crumbs.push({ to: `/initiatives/${initiative.id}`, label: initiative.name })
  } else {
    const section = sectionOf(pathname)
    if (section && section.to !== '/' && section.to !== pathname)
      crumbs.push({ to: section.to, label: t(section.label) })
    const program = /^\/programs\/([^/]+)\/./.exec(pathname)
    const named = program ? programs.find((candidate) => candidate.id === program[1]) : undefined
    if (named) crumbs.push({ to: `/programs/${named.id}`, label: named.name })
  }
  if (crumbs.length === 0) return null
  return (
    <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
      <ol>
        {crumbs.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}
