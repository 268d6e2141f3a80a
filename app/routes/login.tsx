import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
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
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Signing in while signed in is allowed: the old session ends and a new one starts.
  assertSameOrigin(request)
  const locale = await getUserLocale(request)
  const submission = withoutPasswords(parseSubmission(await request.formData(), LoginSchema, locale))
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const result = await signIn(request, context, submission.value)
  if (result.ok) {
    const next = safeRedirectPath(submission.value.redirectTo)
    // With MFA the password only opens the second step; the destination travels with it.
    const to = result.mfa
      ? `/login/mfa${next === '/' ? '' : `?${new URLSearchParams({ redirectTo: next })}`}`
      : next
    return redirect(to, { headers: { 'Set-Cookie': result.cookie } })
  }
  if (result.reason === 'throttled') return refuseThrottled(locale, submission, result.retryAfter)
  return refuseSubmission(locale, submission, new DomainError('login.invalid'))
}

export default function LoginPage() {
  const t = useT()
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
    </section>
  )
}
