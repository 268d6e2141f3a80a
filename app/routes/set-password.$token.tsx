import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale } from '~/auth/session.server'
import { passwordSignInEnabled } from '~/auth/oidc.server'
import { FormActions, FormError, NewPasswordFields, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import { SetPasswordSchema, withoutPasswords } from '~/auth/password-policy'
import { SetPasswordServerSchema } from '~/auth/password-policy.server'
import { findValidPasswordToken, setPasswordWithToken } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { assertSameOrigin, clientIp } from '~/utils/http.server'
import { releaseAttempt, reserveAttempt } from '~/auth/throttle.server'
import { securityEvent } from '~/utils/security-log.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission, refuseThrottled } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'
import { keepRetryAfter } from '~/utils/headers'

export const headers = keepRetryAfter

export async function loader({ params }: LoaderFunctionArgs) {
  // PASSWORD_SIGNIN=false: a password nobody may sign in with is not set either.
  if (!passwordSignInEnabled()) return { account: null, passwordOff: true }
  const found = await findValidPasswordToken(db, params.token ?? '')
  return { account: found ? { name: found.name, email: found.email } : null, passwordOff: false }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const locale = await getUserLocale(request)
  const submission = withoutPasswords(
    parseSubmission(await request.formData(), SetPasswordServerSchema, locale),
  )
  if (!passwordSignInEnabled())
    return refuseSubmission(locale, submission, new DomainError('login.passwordOff', { status: 403 }))
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const ip = clientIp(context) ?? 'unknown'
  const throttleKey = { kind: 'password-link', value: ip } as const
  const reservation = await reserveAttempt(db, [throttleKey])
  if (!reservation.ok) {
    securityEvent('password.throttled', { ip })
    return refuseThrottled(locale, submission, reservation.retryAfter)
  }
  const done = await setPasswordWithToken(db, params.token ?? '', submission.value.password)
  if (done) await releaseAttempt(db, throttleKey)
  else securityEvent('password-link.invalid', { ip })
  if (!done)
    return refuseSubmission(locale, submission, new DomainError('password.linkInvalid', { status: 410 }))
  return redirectWithToast('/login', { kind: 'success', message: 'password.set' })
}

export default function SetPasswordPage() {
  const { account, passwordOff } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const { formProps, errors, formError, formErrorId } = useSchemaForm(SetPasswordSchema, {
    id: 'set-password',
    lastResult: actionData?.result,
  })
  return (
    <section className="auth-card" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{t('password.setTitle')}</h1>
      {account ? (
        <Form method="post" {...formProps}>
          <p>{t('password.setIntro', { name: account.name, email: account.email })}</p>
          <FormError message={formError} id={formErrorId} />
          <NewPasswordFields
            labels={{
              password: t('password.new'),
              confirm: t('password.confirm'),
              rules: t('password.rules'),
            }}
            errors={errors}
          />
          <FormActions>
            <button type="submit">{t('password.submit')}</button>
          </FormActions>
        </Form>
      ) : (
        <p role="alert">{t(passwordOff ? 'login.passwordOff' : 'password.linkInvalid')}</p>
      )}
    </section>
  )
}
