import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { isMfaEnrolled } from '~/auth/mfa.server'
import { ReauthSchema } from '~/auth/mfa.schema'
import { withoutPasswords } from '~/auth/password-policy'
import { reauthenticate } from '~/auth/second-factor.server'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { FormActions, FormError, TextField, useSchemaForm } from '~/components/forms'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { parseSubmission } from '~/utils/forms'
import { keepRetryAfter } from '~/utils/headers'
import { safeRedirectPath } from '~/utils/http.server'
import { refuseSubmission, refuseThrottled } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// Re-authentication before a security-sensitive change (password, MFA, roles): the password, or a code
// from the authenticator app; then back to the page that asked.

export const headers = keepRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { mfa: await isMfaEnrolled(db, user.id) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const locale = await getUserLocale(request)
  const submission = withoutPasswords(parseSubmission(await request.formData(), ReauthSchema, locale))
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const { password, code, redirectTo } = submission.value
  const result = await reauthenticate(request, context, user, code ? { code } : { password: password ?? '' })
  if (result.ok) {
    const next = safeRedirectPath(redirectTo)
    return next === '/'
      ? redirect(next)
      : redirectWithToast(next, { kind: 'success', message: 'mfa.reauthDone' })
  }
  if (result.reason === 'throttled') return refuseThrottled(locale, submission, result.retryAfter)
  return refuseSubmission(locale, submission, new DomainError('mfa.reauthWrong'))
}

export default function ReauthPage() {
  const { mfa } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [searchParams] = useSearchParams()
  const { formProps, field, formError, formErrorId } = useSchemaForm(ReauthSchema, {
    id: 'reauth',
    lastResult: actionData?.result,
  })
  return (
    <section className="narrow">
      <PageHeader title={t('mfa.reauthTitle')} subtitle={t('mfa.reauthIntro')} />
      <Form method="post" className="card" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          {...field('password')}
        />
        {mfa ? (
          <>
            <p className="muted">{t('mfa.reauthOr')}</p>
            <TextField label={t('mfa.code')} autoComplete="one-time-code" {...field('code')} />
          </>
        ) : null}
        <FormActions>
          <button type="submit">{t('mfa.verify')}</button>
        </FormActions>
      </Form>
    </section>
  )
}
