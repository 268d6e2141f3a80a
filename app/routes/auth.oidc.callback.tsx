import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { completeSsoSignIn, ssoProvider, type SsoFailure } from '~/auth/oidc.server'
import type { MessageKey } from '~/i18n/translate'
import { notFound } from '~/utils/http.server'
import { toastHeader } from '~/utils/toast.server'

// The provider sends the browser back here with a code (or an error). A failed sign-in goes back to
// the login page with a message; it never leaves a session behind.

const MESSAGES: Record<SsoFailure, MessageKey> = {
  state: 'login.sso.failed',
  provider: 'login.sso.failed',
  unavailable: 'login.sso.unavailable',
  email: 'login.sso.noEmail',
  disabled: 'login.sso.disabled',
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!ssoProvider()) notFound()
  const result = await completeSsoSignIn(request, context)
  const headers = new Headers()
  for (const cookie of result.cookies) headers.append('Set-Cookie', cookie)
  if (result.ok) return redirect(result.redirectTo, { headers })
  headers.append('Set-Cookie', await toastHeader({ kind: 'error', message: MESSAGES[result.reason] }))
  return redirect('/login', { headers })
}
