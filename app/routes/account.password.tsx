import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { createSessionCookie } from '~/auth/lucia.server'
import { verifyPassword } from '~/auth/password.server'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { FormActions, FormError, NewPasswordFields, TextField } from '~/components/forms'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { SetPasswordSchema } from '~/auth/password-policy'
import { changePassword, findUserByEmail } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { clientIp } from '~/utils/http.server'
import { toastHeader } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'

const ChangePasswordSchema = SetPasswordSchema.and(
  z.object({ current: z.string('errors.required').min(1, 'errors.required') }),
)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const locale = await getUserLocale(request)
  const form = parseForm(ChangePasswordSchema, await request.formData(), locale)
  if (!form.ok) return refuse(locale, form)
  const account = await findUserByEmail(db, user.email)
  if (!account?.password_hash || !(await verifyPassword(account.password_hash, form.data.current))) {
    return refuse(locale, new DomainError('password.currentWrong', { field: 'current' }))
  }
  // Every session ends (this one too); the user continues in a brand-new one.
  await changePassword(db, user.id, form.data.password)
  const { cookie } = await createSessionCookie(request, user.id, {
    ip: clientIp(context),
    userAgent: request.headers.get('User-Agent'),
  })
  const headers = new Headers()
  headers.append('Set-Cookie', cookie)
  headers.append('Set-Cookie', await toastHeader({ kind: 'success', message: 'password.changed' }))
  return data({ fieldErrors: null, formError: null, changed: true }, { headers })
}

export default function ChangePasswordPage() {
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('password.changeTitle')} subtitle={t('password.changeIntro')} />
      <Form method="post" className="card" key={actionData && 'changed' in actionData ? 'done' : 'form'}>
        <FormError message={actionData?.formError} />
        <TextField
          label={t('password.current')}
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={actionData?.fieldErrors}
        />
        <NewPasswordFields
          labels={{ password: t('password.new'), confirm: t('password.confirm'), rules: t('password.rules') }}
          errors={actionData?.fieldErrors}
        />
        <FormActions>
          <button type="submit">{t('action.save')}</button>
        </FormActions>
      </Form>
    </section>
  )
}
