import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { ROLES } from '~/auth/permissions'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { OneTimeSecret } from '~/components/foundation/one-time-link'
import { ConfirmAdminField } from '~/components/foundation/confirm-admin-field'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { actorOf } from '~/models/foundation/audit.server'
import { CreateUserSchema } from '~/models/foundation/user.schema'
import { createUser } from '~/models/foundation/user.server'
import { mailInvitation } from '~/models/attention/invitation.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { publicOrigin } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'user:manage')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), CreateUserSchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { created: null })
  try {
    const { user, token } = await createUser(db, actorOf(admin), submission.value)
    const link = `${publicOrigin(request)}/set-password/${token}`
    await mailInvitation(db, admin, user, link, locale)
    return {
      result: submission.reply(),
      fieldErrors: null,
      formError: null,
      created: { id: user.id, email: user.email, link },
    }
  } catch (error) {
    return refuseSubmission(locale, submission, error, { created: null })
  }
}

export default function NewUserPage() {
  const actionData = useActionData<typeof action>()
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    CreateUserSchema,
    {
      id: 'user-new',
      lastResult: actionData?.result,
    },
  )
  return (
    <section className="narrow">
      <PageHeader title={t('users.new')} />
      {actionData?.created ? (
        <div className="card">
          <p role="status">{t('attention.invite.mailed', { email: actionData.created.email })}</p>
          <OneTimeSecret intro="users.created" value={actionData.created.link} />
          <p>
            <Link to={`/admin/users/${actionData.created.id}`}>{t('users.title')} →</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" className="card form-grid" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <FormFields
          initial={initial}
          constraints={constraints}
          errors={errors}
          fields={[
            { name: 'name', label: t('users.name') },
            { name: 'email', label: t('users.email'), type: 'email' },
            {
              control: 'select',
              name: 'role',
              label: t('users.role'),
              defaultValue: 'viewer',
              options: ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })),
            },
            <ConfirmAdminField key="confirm_admin" errors={errors} />,
          ]}
        />
        <FormActions>
          <button type="submit">{t('action.create')}</button>
        </FormActions>
      </Form>
    </section>
  )
}
