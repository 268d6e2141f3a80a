import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { ssoProvider, startSsoSignIn } from '~/auth/oidc.server'
import { assertSameOrigin, notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'

// The login page's "Sign in with …" button posts here; the answer sends the browser to the provider.

export async function loader() {
  return redirect('/login')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  if (!ssoProvider()) notFound()
  const form = await request.formData()
  const redirectTo = form.get('redirectTo')
  const started = await startSsoSignIn(request, typeof redirectTo === 'string' ? redirectTo : null)
  if (!started.ok) return redirectWithToast('/login', { kind: 'error', message: 'login.sso.unavailable' })
  return redirect(started.location, { headers: { 'Set-Cookie': started.cookie } })
}
