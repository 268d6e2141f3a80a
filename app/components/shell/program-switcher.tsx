import { Link, useLocation, useMatches } from '@remix-run/react'
import { useT } from '~/i18n/react'
import { Icon } from './icons'
import type { ShellProgram } from './types'

// Pages that read `?program=` switch in place; elsewhere a program is opened at its own page.
const PROGRAM_SCOPED = ['/portfolio', '/portfolio/report', '/kpis']

function currentProgramId(pathname: string, search: string, matches: ReturnType<typeof useMatches>) {
  const fromQuery = new URLSearchParams(search).get('program')
  if (fromQuery) return fromQuery
  const programPage = /^\/programs\/([^/]+)/.exec(pathname)
  if (programPage) return programPage[1]
  for (const match of matches) {
    const data = match.data as { initiative?: { program_id?: string } } | undefined
    if (data?.initiative?.program_id) return data.initiative.program_id
  }
  return undefined
}

export function ProgramSwitcher({ programs }: { programs: readonly ShellProgram[] }) {
  const t = useT()
  const location = useLocation()
  const matches = useMatches()
  if (programs.length === 0) return null
  const currentId = currentProgramId(location.pathname, location.search, matches)
  const current = programs.find((program) => program.id === currentId)
  if (programs.length === 1)
    return (
      <p className="program-switcher program-single" title={programs[0]!.name}>
        <Icon name="layers" />
        <span className="sidenav-label">{programs[0]!.name}</span>
      </p>
    )
  const scoped = PROGRAM_SCOPED.includes(location.pathname)
  return (
    <details className="program-switcher" data-menu>
      <summary title={t('shell.program.switch')}>
        <Icon name="layers" />
        <span className="sidenav-label">{current?.name ?? t('shell.program.all')}</span>
        <Icon name="chevron" size={16} />
      </summary>
      <ul className="menu-panel" aria-label={t('shell.program.switch')}>
        {programs.map((program) => (
          <li key={program.id}>
            <Link
              to={scoped ? `${location.pathname}?program=${program.id}` : `/programs/${program.id}`}
              aria-current={program.id === current?.id ? 'true' : undefined}
            >
              {program.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  )
}
