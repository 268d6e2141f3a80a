import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { signOut } from '~/auth/login.server'
import { blankSsoCookie, providerSignOutUrl } from '~/auth/oidc.server'
import { getUser } from '~/auth/session.server'
import { assertSameOrigin } from '~/utils/http.server'
import { toastHeader } from '~/utils/toast.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const user = await getUser(request)
  const headers = new Headers()
  // Asked before the cookies are cleared: a single sign-on session also offers the provider's sign-out.
  const providerSignOut = await providerSignOutUrl(request)
  headers.append('Set-Cookie', await signOut(request, user))
  headers.append('Set-Cookie', blankSsoCookie(request))
  headers.append('Set-Cookie', await toastHeader({ kind: 'info', message: 'login.signedOut' }))
  return redirect(providerSignOut ?? '/login', { headers })
}
