import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react'
import { capabilitiesOf } from './auth/permissions'
import { getUser } from './auth/session.server'
import { GeneralErrorBoundary } from './components/error-boundary'
import { navFor } from './components/nav'
import { Toaster } from './components/toaster'
import { loadCatalogue } from './i18n/catalogue'
import { getLocale } from './i18n/locale.server'
import { LOCALES } from './i18n/locales'
import { useT } from './i18n/react'
import stylesheet from './styles/app.css?url'
import { NeedsYouLink } from './components/attention/needs-you-link'
import { needsYou } from './models/attention/needs-you.server'
import { countUnreadNotifications } from './models/attention/notification.server'
import { db } from './utils/db.server'
import { popToast } from './utils/toast.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const locale = await getLocale(request, user?.locale)
  const { toast, setCookie } = await popToast(request)
  const unread = user ? await countUnreadNotifications(db, user.id) : 0
  // The "needs you" count of the header (issue 19); the new shell takes this field over.
  const needsYouCount = user ? (await needsYou(db, user)).length : 0
  return data(
    {
      locale,
      toast,
      unread,
      needsYouCount,
      user: user
        ? {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            capabilities: capabilitiesOf(user.role),
          }
        : null,
    },
    { headers: setCookie ? { 'Set-Cookie': setCookie } : undefined },
  )
}

// The browser holds only the reader's catalogue; when the locale changes (the language switch, a
// sign-in with a saved language) the new one is fetched before the page renders in it.
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const rootData = await serverLoader<typeof loader>()
  await loadCatalogue(rootData.locale)
  return rootData
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root')
  return (
    <html lang={rootData?.locale ?? 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

function Shell({ children }: { children: React.ReactNode }) {
  const { user, locale, toast, unread, needsYouCount } = useLoaderData<typeof loader>()
  const t = useT()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <a className="brand" href="/">
          <span aria-hidden="true" className="brand-mark">
            10×
          </span>
          {t('app.name')}
        </a>
        {user ? (
          <nav aria-label={t('nav.main')} className="mainnav">
            <ul>
              {navFor(user.role).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} prefetch="intent">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <span className="mainnav" />
        )}
        <div className="topbar-tools">
          <Form method="post" action="/language" className="language-switch" aria-label={t('shell.language')}>
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
          {user ? (
            <div className="user-menu">
              <span className="user-name">
                {user.name}
                <span className="user-role">{t(`role.${user.role}`)}</span>
              </span>
              <NeedsYouLink count={needsYouCount} />
              <NavLink
                to="/notifications"
                className="notifications-link"
                aria-label={`${t('common.notifications')}: ${unread}`}
              >
                {t('common.notifications')}
                {unread > 0 ? <span className="count-badge">{unread}</span> : null}
              </NavLink>
              <a href="/account/password" className="subtle-link">
                {t('shell.changePassword')}
              </a>
              <Form method="post" action="/logout">
                <button type="submit" className="button-secondary">
                  {t('shell.signOut')}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Toaster toast={toast} />
    </>
  )
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary() {
  return (
    <main id="main" className="error-shell">
      <GeneralErrorBoundary />
    </main>
  )
}
