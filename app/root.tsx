import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import { capabilitiesOf } from './auth/permissions'
import { getUser } from './auth/session.server'
import { GeneralErrorBoundary } from './components/error-boundary'
import { AppShell } from './components/shell/app-shell'
import { Toaster } from './components/toaster'
import { loadCatalogue } from './i18n/catalogue'
import { getLocale } from './i18n/locale.server'
import stylesheet from './styles/app.css?url'
import { SearchPalette } from './components/search-palette'
import { countNeedsYou } from './models/attention/needs-you.server'
import { countUnreadNotifications } from './models/attention/notification.server'
import { listPrograms } from './models/foundation/program.server'
import { newFormKey } from './models/foundation/form-submission.server'
import { db } from './utils/db.server'
import { getPreferences } from './utils/preferences.server'
import { popToast } from './utils/toast.server'
import { useNonce } from './utils/nonce-provider'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const locale = await getLocale(request, user?.locale)
  const { toast, setCookie } = await popToast(request)
  const [unread, programs, preferences, needing] = await Promise.all([
    user ? countUnreadNotifications(db, user.id) : 0,
    user ? listPrograms(db) : [],
    getPreferences(request),
    user ? countNeedsYou(db, user) : 0,
  ])
  return data(
    {
      locale,
      toast,
      unread,
      preferences,
      programs: programs.map((program) => ({ id: program.id, name: program.name })),
      // A fresh idempotency key for the create forms after every save (see form-submission.server.ts);
      // a refused post (4xx) does not reload loaders, so the corrected form keeps its key.
      formKey: newFormKey(),
      needsYouCount: needing,
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
  const nonce = useNonce()
  return (
    <html
      lang={rootData?.locale ?? 'en'}
      data-theme={rootData?.preferences.theme === 'system' ? undefined : rootData?.preferences.theme}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Shell({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root')
  return (
    <>
      <AppShell
        user={rootData?.user ?? null}
        programs={rootData?.programs ?? []}
        preferences={rootData?.preferences ?? { theme: 'system', sidebar: 'expanded' }}
        unread={rootData?.unread ?? 0}
        needsYouCount={rootData?.needsYouCount ?? 0}
        search={rootData?.user ? <SearchPalette /> : null}
      >
        {children}
      </AppShell>
      <Toaster toast={rootData?.toast ?? null} />
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

// A route's 403, 404 or crash keeps the shell: the root loader's data is there unless the root itself failed.
export function ErrorBoundary() {
  return (
    <Shell>
      <GeneralErrorBoundary />
    </Shell>
  )
}
