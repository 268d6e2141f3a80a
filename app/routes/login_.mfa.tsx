import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { getMfaStatus, enrolmentCodeFor } from '~/auth/mfa.server'
import { SecondFactorSchema } from '~/auth/mfa.schema'
import { completeSignIn } from '~/auth/second-factor.server'
import { getPendingSignIn, getUser, getUserLocale } from '~/auth/session.server'
import { MfaEnrolmentKey, RecoveryCodes } from '~/components/foundation/mfa'
import { FormActions, FormError, TextField, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { parseSubmission } from '~/utils/forms'
import { keepRetryAfter } from '~/utils/headers'
import { assertSameOrigin, safeRedirectPath } from '~/utils/http.server'
import { refuseSubmission, refuseThrottled } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// The second step of a password sign-in: a code from the authenticator app (or a recovery code), or,
// when the user's role requires MFA and they have none, its enrolment. The session made by the
// password signs no one in until this step is done.

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export const headers = keepRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingSignIn(request)
  if (!pending) {
    // Right after the step was done (the page rendered after the post, also without JavaScript).
    if (await getUser(request)) return { step: 'done' as const, enrolment: null }
    throw redirect('/login')
  }
  if (pending.step === 'mfa') return { step: 'mfa' as const, enrolment: null }
  const { pendingSecret } = await getMfaStatus(db, pending.user.id)
  if (!pendingSecret) throw redirect('/login')
  return { step: 'mfa-enrol' as const, enrolment: await enrolmentCodeFor(pendingSecret, pending.user.email) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  if (!(await getPendingSignIn(request))) throw redirect('/login')
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), SecondFactorSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const result = await completeSignIn(request, context, submission.value.code)
  const next = safeRedirectPath(submission.value.redirectTo)
  if (result.ok) {
    // Recovery codes are shown once, in this answer; otherwise straight on.
    if (result.recoveryCodes)
      return data({
        result: submission.reply({ resetForm: true }),
        fieldErrors: null,
        formError: null,
        recoveryCodes: result.recoveryCodes,
        next,
      })
    return redirect(next)
  }
  if (result.reason === 'expired')
    return redirectWithToast('/login', { kind: 'error', message: 'mfa.expired' })
  if (result.reason === 'throttled') return refuseThrottled(locale, submission, result.retryAfter)
  return refuseSubmission(locale, submission, new DomainError('mfa.codeWrong', { field: 'code' }))
}

export default function SecondFactorPage() {
  const { step, enrolment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [searchParams] = useSearchParams()
  const { formProps, field, formError, formErrorId } = useSchemaForm(SecondFactorSchema, {
    id: 'second-factor',
    lastResult: actionData?.result,
  })
  const done = actionData as { recoveryCodes?: string[]; next?: string } | undefined
  const recoveryCodes = done?.recoveryCodes ?? null
  const next = done?.next ?? '/'
  return (
    <section className="auth-card" aria-labelledby="mfa-title">
      <h1 id="mfa-title">{t('mfa.challengeTitle')}</h1>
      {step === 'done' ? (
        <>
          {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} /> : <p>{t('mfa.signedIn')}</p>}
          <p>
            <Link to={next} className="button">
              {t('mfa.continue')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted">{step === 'mfa-enrol' ? t('mfa.enrolIntro') : t('mfa.challengeIntro')}</p>
          {enrolment ? <MfaEnrolmentKey qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} /> : null}
          <Form method="post" {...formProps}>
            <FormError message={formError} id={formErrorId} />
            <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
            <TextField
              label={t('mfa.code')}
              hint={step === 'mfa' ? t('mfa.codeHint') : undefined}
              autoComplete="one-time-code"
              inputMode={step === 'mfa-enrol' ? 'numeric' : 'text'}
              {...field('code')}
            />
            <FormActions>
              <button type="submit">{step === 'mfa-enrol' ? t('mfa.confirm') : t('mfa.verify')}</button>
            </FormActions>
          </Form>
        </>
      )}
    </section>
  )
}
