import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { ROLES } from '~/auth/permissions'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, SelectField, TextField } from '~/components/forms'
import { OneTimeSecret } from '~/components/foundation/one-time-link'
import { PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { actorOf } from '~/models/foundation/audit.server'
import { CreateUserSchema } from '~/models/foundation/user.schema'
import { createUser } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { constraintsOf, parseForm } from '~/utils/forms'
import { publicOrigin } from '~/utils/http.server'
import { refuse } from '~/utils/refuse.server'

const constraints = constraintsOf(CreateUserSchema)

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'user:manage')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const locale = await getUserLocale(request)
  const form = parseForm(CreateUserSchema, await request.formData(), locale)
  if (!form.ok) return refuse(locale, form, { created: null })
  try {
    const { user, token } = await createUser(db, actorOf(admin), form.data)
    return {
      fieldErrors: null,
      formError: null,
      created: { id: user.id, link: `${publicOrigin(request)}/set-password/${token}` },
    }
  } catch (error) {
    return refuse(locale, error, { created: null })
  }
}

export default function NewUserPage() {
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <PageHeader title={t('users.new')} />
      {actionData?.created ? (
        <div className="card">
          <OneTimeSecret intro="users.created" value={actionData.created.link} />
          <p>
            <Link to={`/admin/users/${actionData.created.id}`}>{t('users.title')} →</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" className="card form-grid">
        <FormError message={actionData?.formError} />
        <TextField
          label={t('users.name')}
          name="name"
          constraints={constraints.name}
          errors={actionData?.fieldErrors}
        />
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          constraints={constraints.email}
          errors={actionData?.fieldErrors}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          constraints={constraints.role}
          errors={actionData?.fieldErrors}
        />
        <FormActions>
          <button type="submit">{t('action.create')}</button>
        </FormActions>
      </Form>
    </section>
  )
}
