import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale } from '~/auth/session.server'
import { FormActions, FormError, NewPasswordFields } from '~/components/forms'
import { useT } from '~/i18n/react'
import { SetPasswordSchema } from '~/auth/password-policy'
import { findValidPasswordToken, setPasswordWithToken } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { assertSameOrigin } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findValidPasswordToken(db, params.token ?? '')
  return { account: found ? { name: found.name, email: found.email } : null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const locale = await getUserLocale(request)
  const form = parseForm(SetPasswordSchema, await request.formData(), locale)
  if (!form.ok) return refuse(locale, form)
  const done = await setPasswordWithToken(db, params.token ?? '', form.data.password)
  if (!done) return refuse(locale, new DomainError('password.linkInvalid', { status: 410 }))
  return redirectWithToast('/login', { kind: 'success', message: 'password.set' })
}

export default function SetPasswordPage() {
  const { account } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="auth-card" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{t('password.setTitle')}</h1>
      {account ? (
        <Form method="post">
          <p>{t('password.setIntro', { name: account.name, email: account.email })}</p>
          <FormError message={actionData?.formError} />
          <NewPasswordFields
            labels={{
              password: t('password.new'),
              confirm: t('password.confirm'),
              rules: t('password.rules'),
            }}
            errors={actionData?.fieldErrors}
          />
          <FormActions>
            <button type="submit">{t('password.submit')}</button>
          </FormActions>
        </Form>
      ) : (
        <p role="alert">{t('password.linkInvalid')}</p>
      )}
    </section>
  )
}
