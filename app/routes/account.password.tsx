import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { currentSessionHash, markReauthenticated, readSessionId } from '~/auth/lucia.server'
import { verifyPassword } from '~/auth/password.server'
import { releaseAttempt, reserveAttempt } from '~/auth/throttle.server'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { FormActions, FormError, NewPasswordFields, TextField, useSchemaForm } from '~/components/forms'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { ChangePasswordSchema, withoutPasswords } from '~/auth/password-policy'
import { ChangePasswordServerSchema } from '~/auth/password-policy.server'
import { changePassword, findUserByEmail } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { clientIp } from '~/utils/http.server'
import { toastHeader } from '~/utils/toast.server'
import { refuseSubmission, refuseThrottled } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'
import { securityEvent } from '~/utils/security-log.server'
import { keepRetryAfter } from '~/utils/headers'

export const headers = keepRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const locale = await getUserLocale(request)
  const submission = withoutPasswords(
    parseSubmission(await request.formData(), ChangePasswordServerSchema, locale),
  )
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const { current, password } = submission.value
  // Counted before the check, like sign-in: a stolen session cannot guess the password at leisure.
  const throttleKey = { kind: 'password-form', value: user.id } as const
  const reservation = await reserveAttempt(db, [throttleKey])
  if (!reservation.ok) {
    securityEvent('password.throttled', { userId: user.id, ip: clientIp(context) })
    return refuseThrottled(locale, submission, reservation.retryAfter)
  }
  const account = await findUserByEmail(db, user.email)
  if (!account?.password_hash || !(await verifyPassword(account.password_hash, current))) {
    securityEvent('password.current-wrong', { userId: user.id, ip: clientIp(context) })
    return refuseSubmission(
      locale,
      submission,
      new DomainError('password.currentWrong', { field: 'current' }),
    )
  }
  await releaseAttempt(db, throttleKey)
  // Every other session ends; this one stays (its cookie is the one the page rendered after this answer
  // carries, also without JavaScript), and typing the current password counts as re-authentication.
  await changePassword(db, user.id, password, { keepSession: currentSessionHash(request) })
  const sessionId = readSessionId(request)
  if (sessionId) await markReauthenticated(sessionId)
  const headers = new Headers()
  headers.append('Set-Cookie', await toastHeader({ kind: 'success', message: 'password.changed' }))
  // The form starts empty again.
  return data(
    { result: submission.reply({ resetForm: true }), fieldErrors: null, formError: null },
    { headers },
  )
}

export default function ChangePasswordPage() {
  const actionData = useActionData<typeof action>()
  const t = useT()
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(ChangePasswordSchema, {
    id: 'change-password',
    lastResult: actionData?.result,
  })
  return (
    <section className="narrow">
      <PageHeader title={t('password.changeTitle')} subtitle={t('password.changeIntro')} />
      <Form method="post" className="card" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <TextField
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          {...field('current')}
        />
        <NewPasswordFields
          labels={{ password: t('password.new'), confirm: t('password.confirm'), rules: t('password.rules') }}
          errors={errors}
        />
        <FormActions>
          <button type="submit">{t('action.save')}</button>
        </FormActions>
      </Form>
    </section>
  )
}
