import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  confirmEnrolment,
  disableOwnMfa,
  enrolmentCodeFor,
  getMfaStatus,
  mfaRequiredFor,
  regenerateRecoveryCodes,
  startEnrolment,
} from '~/auth/mfa.server'
import { EnrolCodeSchema } from '~/auth/mfa.schema'
import { getUserLocale, requireRecentAuth, requireUser } from '~/auth/session.server'
import { releaseAttempt, reserveAttempt } from '~/auth/throttle.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { MfaEnrolmentKey, RecoveryCodes } from '~/components/foundation/mfa'
import { FormActions, FormError, TextField, useSchemaForm } from '~/components/forms'
import { Badge, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { parseSubmission } from '~/utils/forms'
import { keepRetryAfter } from '~/utils/headers'
import { clientIp } from '~/utils/http.server'
import { refuseSubmission, refuseThrottled } from '~/utils/refuse.server'
import { securityEvent } from '~/utils/security-log.server'
import { redirectWithToast } from '~/utils/toast.server'

// Two-step verification for the signed-in user: set it up (QR code and key, confirmed by a code),
// new recovery codes, turn it off (unless the role requires it). Each change needs a recent sign-in
// or re-authentication (requireRecentAuth).

export const headers = keepRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const status = await getMfaStatus(db, user.id)
  return {
    enrolled: status.enrolled,
    enrolledAt: status.enrolledAt,
    recoveryCodesLeft: status.recoveryCodesLeft,
    required: mfaRequiredFor(user.role),
    enrolment: status.pendingSecret ? await enrolmentCodeFor(status.pendingSecret, user.email) : null,
  }
}

const SecurityActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('start') }),
  EnrolCodeSchema.extend({ intent: z.literal('confirm') }),
  z.object({ intent: z.literal('regenerate') }),
  z.object({ intent: z.literal('disable') }),
])

const here = '/account/security'

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, SecurityActionSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const { intent } = submission.value
  if (intent !== 'confirm') await requireRecentAuth(request)
  try {
    switch (intent) {
      case 'start':
        await startEnrolment(db, user)
        return redirect(here)
      case 'confirm': {
        const key = { kind: 'mfa', value: user.id } as const
        const reservation = await reserveAttempt(db, [key])
        if (!reservation.ok) {
          securityEvent('mfa.throttled', { userId: user.id, ip: clientIp(context) })
          return refuseThrottled(locale, submission, reservation.retryAfter)
        }
        try {
          const codes = await confirmEnrolment(db, user, submission.value.code)
          await releaseAttempt(db, key)
          return data({
            result: submission.reply({ resetForm: true }),
            fieldErrors: null,
            formError: null,
            recoveryCodes: codes,
          })
        } catch (error) {
          if (error instanceof DomainError && error.field === 'code')
            securityEvent('mfa.failed', { userId: user.id, ip: clientIp(context), reason: 'enrol' })
          throw error
        }
      }
      case 'regenerate': {
        if (!isConfirmed(formData)) return askConfirmation(formData)
        const codes = await regenerateRecoveryCodes(db, user)
        return data({ result: submission.reply(), fieldErrors: null, formError: null, recoveryCodes: codes })
      }
      case 'disable':
        if (!isConfirmed(formData)) return askConfirmation(formData)
        await disableOwnMfa(db, user)
        return redirectWithToast(here, { kind: 'success', message: 'mfa.disabled' })
    }
  } catch (error) {
    return refuseSubmission(locale, submission, error)
  }
}

export default function SecurityPage() {
  const { enrolled, enrolledAt, recoveryCodesLeft, required, enrolment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const { formProps, field, formError, formErrorId } = useSchemaForm(EnrolCodeSchema, {
    id: 'mfa-confirm',
    lastResult: actionData && 'result' in actionData ? (actionData.result as never) : undefined,
  })
  const recoveryCodes = (actionData as { recoveryCodes?: string[] } | undefined)?.recoveryCodes ?? null
  return (
    <section className="narrow">
      <PageHeader title={t('security.title')} subtitle={t('security.intro')} />
      <div className="card" aria-labelledby="mfa-title">
        <h2 id="mfa-title">{t('mfa.title')}</h2>
        <p>
          {enrolled && enrolledAt ? (
            <Badge tone="good">{t('mfa.on', { date: format.date(enrolledAt) })}</Badge>
          ) : (
            <Badge tone="neutral">{t('mfa.off')}</Badge>
          )}
        </p>
        {required ? <p className="muted">{t('mfa.requiredHint')}</p> : null}
        {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} /> : null}
        {enrolled ? (
          <>
            <p>{t('mfa.recoveryLeft', { count: recoveryCodesLeft })}</p>
            <div className="form-actions">
              <ConfirmButton
                fields={{ intent: 'regenerate' }}
                label={t('mfa.regenerate')}
                title={t('mfa.regenerateTitle')}
                message={t('mfa.regenerateMessage')}
                className="button-secondary"
              />
              {required ? null : (
                <ConfirmButton
                  fields={{ intent: 'disable' }}
                  label={t('mfa.disable')}
                  title={t('mfa.disableTitle')}
                  message={t('mfa.disableMessage')}
                />
              )}
            </div>
          </>
        ) : enrolment ? (
          <>
            <MfaEnrolmentKey qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} />
            <Form method="post" {...formProps}>
              <FormError message={formError} id={formErrorId} />
              <TextField
                label={t('mfa.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                {...field('code')}
              />
              <FormActions>
                <button type="submit" name="intent" value="confirm">
                  {t('mfa.confirm')}
                </button>
              </FormActions>
            </Form>
          </>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="start">
              {t('mfa.start')}
            </button>
          </Form>
        )}
      </div>
      <p>
        <Link to="/account/sessions">{t('shell.sessions')}</Link> ·{' '}
        <Link to="/account/password">{t('shell.changePassword')}</Link>
      </p>
    </section>
  )
}
