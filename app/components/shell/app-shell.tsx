import { Link, useFetcher, useFetchers, useLocation } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { NeedsYouLink } from '~/components/attention/needs-you-link'
import { useT } from '~/i18n/react'
import { Breadcrumbs } from './breadcrumbs'
import { Icon } from './icons'
import { ProgramSwitcher } from './program-switcher'
import { SideNav } from './side-nav'
import type { ShellPreferences, ShellProgram, ShellUser } from './types'
import { DisplaySettings, UserMenu } from './user-menu'

export type AppShellProps = {
  user: ShellUser | null
  programs: readonly ShellProgram[]
  preferences: ShellPreferences
  unread: number
  /** How many items of the "needs you" list wait for the reader (app/models/attention). */
  needsYouCount?: number
  /** The header's search field (the global search, issue 15 item 6, renders here once it exists). */
  search?: ReactNode
  children: ReactNode
}

// Menus are <details> (they open without JavaScript); with it, they close on navigation, on a click
// elsewhere and on Escape, as a menu should.
function useClosingMenus() {
  const location = useLocation()
  useEffect(() => {
    for (const menu of document.querySelectorAll<HTMLDetailsElement>('details[data-menu][open]'))
      menu.open = false
  }, [location.key])
  useEffect(() => {
    const close = (event: Event) => {
      for (const menu of document.querySelectorAll<HTMLDetailsElement>('details[data-menu][open]')) {
        if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.contains(event.target as Node))
          menu.open = false
      }
    }
    document.addEventListener('click', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('click', close)
      document.removeEventListener('keydown', close)
    }
  }, [])
}

// A frame that scrolls must be reachable by keyboard (WCAG 2.1.1). Table frames are written in many
// pages; the shell makes the ones that do overflow focusable regions named by their table's caption.
function useFocusableScrollFrames() {
  const location = useLocation()
  useEffect(() => {
    const mark = () => {
      for (const frame of document.querySelectorAll<HTMLElement>('.table-wrap:not([tabindex])')) {
        if (frame.scrollWidth <= frame.clientWidth && frame.scrollHeight <= frame.clientHeight) continue
        frame.tabIndex = 0
        if (!frame.getAttribute('role')) frame.setAttribute('role', 'region')
        const name =
          frame.querySelector('caption')?.textContent ??
          frame.closest('section')?.querySelector('h2, h3')?.textContent ??
          document.querySelector('h1')?.textContent
        if (name && !frame.hasAttribute('aria-label')) frame.setAttribute('aria-label', name)
      }
    }
    mark()
    window.addEventListener('resize', mark)
    return () => window.removeEventListener('resize', mark)
  }, [location.key])
}

function Brand() {
  const t = useT()
  return (
    <Link className="brand" to="/">
      <span aria-hidden="true" className="brand-mark">
        10×
      </span>
      <span className="brand-name">{t('app.name')}</span>
    </Link>
  )
}

function CollapseToggle({ collapsed, here }: { collapsed: boolean; here: string }) {
  const t = useT()
  const fetcher = useFetcher()
  const label = collapsed ? t('shell.sidebar.expand') : t('shell.sidebar.collapse')
  return (
    <fetcher.Form method="post" action="/preferences" className="sidebar-toggle">
      <input type="hidden" name="redirectTo" value={here} />
      <button
        type="submit"
        name="sidebar"
        value={collapsed ? 'expanded' : 'collapsed'}
        className="button-ghost"
        aria-label={label}
        title={label}
      >
        <Icon name={collapsed ? 'expand' : 'collapse'} />
        <span className="sidenav-label">{label}</span>
      </button>
    </fetcher.Form>
  )
}

export function AppShell({
  user,
  programs,
  preferences,
  unread,
  needsYouCount = 0,
  search,
  children,
}: AppShellProps) {
  const t = useT()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  useClosingMenus()
  useFocusableScrollFrames()
  // While the collapse toggle's request runs, show its outcome already.
  const pending = useFetchers()
    .find((fetcher) => fetcher.formData?.has('sidebar'))
    ?.formData?.get('sidebar')
  const sidebar = pending === 'collapsed' || pending === 'expanded' ? pending : preferences.sidebar
  const collapsed = sidebar === 'collapsed'
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="app" data-signed-in={user ? 'true' : 'false'} data-sidebar={sidebar}>
        {user ? (
          <div className="sidebar">
            <Brand />
            <ProgramSwitcher programs={programs} />
            <SideNav role={user.role} id="sidenav" />
            <CollapseToggle collapsed={collapsed} here={here} />
          </div>
        ) : null}
        <div className="app-main">
          <header className="topbar">
            {user ? (
              <details className="nav-drawer" data-menu>
                <summary aria-label={t('shell.menu')} title={t('shell.menu')}>
                  <Icon name="menu" size={22} />
                </summary>
                <div className="drawer-panel">
                  <ProgramSwitcher programs={programs} />
                  <SideNav role={user.role} id="drawer-nav" />
                </div>
              </details>
            ) : null}
            <div className="topbar-brand">
              <Brand />
            </div>
            <div className="topbar-search">{search}</div>
            {user ? (
              <div className="topbar-tools">
                <NeedsYouLink count={needsYouCount} />
                <Link
                  to="/notifications"
                  className="notifications-link"
                  aria-label={`${t('common.notifications')}: ${unread}`}
                  title={t('common.notifications')}
                >
                  <Icon name="bell" />
                  {unread > 0 ? <span className="count-badge">{unread > 99 ? '99+' : unread}</span> : null}
                </Link>
                <UserMenu user={user} here={here} preferences={preferences} />
              </div>
            ) : (
              <div className="topbar-tools">
                {/* Inline on a wide screen; on a phone the two controls fold into one menu (they were
                    wider than the top bar, which cut off the theme's buttons). */}
                <div className="display-inline">
                  <DisplaySettings here={here} theme={preferences.theme} />
                </div>
                <details className="user-menu display-menu" data-menu>
                  <summary aria-label={t('shell.displaySettings')} title={t('shell.displaySettings')}>
                    <Icon name="gear" size={22} />
                  </summary>
                  <div className="menu-panel menu-panel-end">
                    <DisplaySettings here={here} theme={preferences.theme} />
                  </div>
                </details>
              </div>
            )}
          </header>
          <main id="main" tabIndex={-1}>
            {user ? <Breadcrumbs programs={programs} /> : null}
            {children}
          </main>
        </div>
      </div>
    </>
  )
}
