import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { blankSsoCookie, passwordSignInEnabled, ssoProvider } from '~/auth/oidc.server'
import { LoginSchema } from '~/auth/login.schema'
import { signIn } from '~/auth/login.server'
import { withoutPasswords } from '~/auth/password-policy'
import { getUserLocale, requireAnonymous } from '~/auth/session.server'
import { FormActions, FormError, TextField, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import { assertSameOrigin, safeRedirectPath } from '~/utils/http.server'
import { parseSubmission } from '~/utils/forms'
import { refuseSubmission, refuseThrottled } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'
import { keepRetryAfter } from '~/utils/headers'

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export const headers = keepRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return { sso: ssoProvider(), passwordSignIn: passwordSignInEnabled() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signing in while signed in is allowed: the old session ends and a new one starts.
  assertSameOrigin(request)
  const locale = await getUserLocale(request)
  const submission = withoutPasswords(parseSubmission(await request.formData(), LoginSchema, locale))
  // PASSWORD_SIGNIN=false: no password is checked at all, right or wrong.
  if (!passwordSignInEnabled())
    return refuseSubmission(locale, submission, new DomainError('login.passwordOff', { status: 403 }))
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const result = await signIn(request, context, submission.value)
  if (result.ok) {
    const next = safeRedirectPath(submission.value.redirectTo)
    // With MFA the password only opens the second step; the destination travels with it.
    const to = result.mfa
      ? `/login/mfa${next === '/' ? '' : `?${new URLSearchParams({ redirectTo: next })}`}`
      : next
    const headers = new Headers({ 'Set-Cookie': result.cookie })
    // A password session is not a single sign-on one: signing out must not send it to the provider.
    if (ssoProvider()) headers.append('Set-Cookie', blankSsoCookie(request))
    return redirect(to, { headers })
  }
  if (result.reason === 'throttled') return refuseThrottled(locale, submission, result.retryAfter)
  return refuseSubmission(locale, submission, new DomainError('login.invalid'))
}

export default function LoginPage() {
  const t = useT()
  const { sso, passwordSignIn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { formProps, field, formError, formErrorId } = useSchemaForm(LoginSchema, {
    id: 'login',
    lastResult: actionData?.result,
  })
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      {sso ? (
        // A document submission (no fetch): the answer is a redirect to the provider's own site.
        <Form method="post" action="/auth/oidc/start" reloadDocument>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <FormActions>
            <button type="submit">{t('login.sso.button', { provider: sso.name })}</button>
          </FormActions>
        </Form>
      ) : null}
      {passwordSignIn ? (
        <>
          {sso ? <p className="muted">{t('login.sso.or')}</p> : null}
          <Form method="post" {...formProps}>
            <FormError message={formError} id={formErrorId} />
            <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
            <TextField label={t('login.email')} type="email" autoComplete="username" {...field('email')} />
            <TextField
              label={t('login.password')}
              type="password"
              autoComplete="current-password"
              {...field('password')}
            />
            <FormActions>
              <button type="submit" disabled={navigation.state === 'submitting'}>
                {t('login.submit')}
              </button>
            </FormActions>
          </Form>
          <p className="field-hint">{t('login.demoHint')}</p>
        </>
      ) : (
        <p className="field-hint">{t('login.passwordOff')}</p>
      )}
    </section>
  )
}
