import { Form, Link } from '@remix-run/react'
import { useLocale, useT } from '~/i18n/react'
import { LOCALES } from '~/i18n/locales'
import { Icon } from './icons'
import type { ShellPreferences, ShellUser } from './types'

const THEMES = ['system', 'light', 'dark'] as const

function initialsOf(name: string) {
  const words = name.trim().split(/\s+/)
  return words.length > 1 ? `${words[0]![0]}${words.at(-1)![0]}` : name.slice(0, 2)
}

/** Language and theme switches (also on the sign-in page, where there is no user). */
export function DisplaySettings({ here, theme }: { here: string; theme: ShellPreferences['theme'] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <Form method="post" action="/language" className="segmented" aria-label={t('shell.language')}>
        <input type="hidden" name="redirectTo" value={here} />
        {LOCALES.map((code) => (
          <button
            key={code}
            type="submit"
            name="locale"
            value={code}
            aria-pressed={code === locale}
            lang={code}
          >
            {t(`language.${code}`)}
          </button>
        ))}
      </Form>
      <Form method="post" action="/preferences" className="segmented" aria-label={t('shell.theme')}>
        <input type="hidden" name="redirectTo" value={here} />
        {THEMES.map((choice) => (
          <button key={choice} type="submit" name="theme" value={choice} aria-pressed={choice === theme}>
            {t(`shell.theme.${choice}`)}
          </button>
        ))}
      </Form>
    </>
  )
}

/** The one account control: who you are, language, theme, password, sign-in security, sessions, sign out. A <details>, so no script is needed. */
export function UserMenu({
  user,
  here,
  preferences,
}: {
  user: ShellUser
  here: string
  preferences: ShellPreferences
}) {
  const t = useT()
  return (
    <details className="user-menu" data-menu>
      <summary aria-label={t('shell.userMenu', { name: user.name })}>
        <span className="avatar" aria-hidden="true">
          {initialsOf(user.name)}
        </span>
        <span className="user-menu-name">{user.name}</span>
        <Icon name="chevron" size={16} />
      </summary>
      <div className="menu-panel menu-panel-end">
        <p className="user-menu-who">
          <strong>{user.name}</strong>
          <span>{user.email}</span>
          <span>{t(`role.${user.role}`)}</span>
        </p>
        <DisplaySettings here={here} theme={preferences.theme} />
        <Link to="/account/password" className="menu-item">
          {t('shell.changePassword')}
        </Link>
        <Link to="/account/security" className="menu-item">
          {t('shell.security')}
        </Link>
        <Link to="/account/sessions" className="menu-item">
          {t('shell.sessions')}
        </Link>
        <Form method="post" action="/logout">
          <button type="submit" className="button-secondary menu-signout">
            {t('shell.signOut')}
          </button>
        </Form>
      </div>
    </details>
  )
}
