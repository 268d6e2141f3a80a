import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ROLES } from '~/auth/permissions'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, SelectField, TextField } from '~/components/forms'
import { OneTimeSecret } from '~/components/foundation/one-time-link'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { actorOf } from '~/models/foundation/audit.server'
import { hasFinanceAccess, setFinanceAccess } from '~/models/accountability/business-case.server'
import {
  getUserById,
  issuePasswordTokenFor,
  listUserSessions,
  revokeSessions,
  setUserDisabled,
  updateUser,
} from '~/models/foundation/user.server'
import { UpdateUserSchema } from '~/models/foundation/user.schema'
import { db } from '~/utils/db.server'
import { constraintsOf, parseForm } from '~/utils/forms'
import { invariantResponse, notFound, publicOrigin } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'

const constraints = constraintsOf(UpdateUserSchema)

async function findUser(id: string | undefined) {
  const user = z.uuid().safeParse(id).success ? await getUserById(db, id!) : undefined
  if (!user) notFound()
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const user = await findUser(params.userId)
  return {
    user,
    sessions: await listUserSessions(db, user.id),
    isSelf: admin.id === user.id,
    financeAccess: await hasFinanceAccess(db, user.id),
  }
}

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('update') }),
  z.object({ intent: z.literal('disable') }),
  z.object({ intent: z.literal('enable') }),
  z.object({ intent: z.literal('revoke'), session: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal('revoke-all') }),
  z.object({ intent: z.literal('reset-link') }),
  z.object({ intent: z.literal('finance-access'), granted: z.enum(['true', 'false']) }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const user = await findUser(params.userId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(intent.success, 'Unknown intent')
  const actor = actorOf(admin)
  const here = `/admin/users/${user.id}`
  const selfChange = admin.id === user.id
  switch (intent.data.intent) {
    case 'update': {
      const form = parseForm(UpdateUserSchema, formData, locale)
      if (!form.ok) return refuse(locale, form, { link: null })
      if (selfChange && form.data.role !== user.role)
        return refuse(locale, new DomainError('users.cannotSelf'), { link: null })
      await updateUser(db, actor, user.id, form.data)
      return redirectWithToast(here, { kind: 'success', message: 'users.updated' })
    }
    case 'disable':
    case 'enable': {
      if (selfChange) return refuse(locale, new DomainError('users.cannotSelf'), { link: null })
      const disable = intent.data.intent === 'disable'
      await setUserDisabled(db, actor, user.id, disable)
      return redirectWithToast(here, {
        kind: 'success',
        message: disable ? 'users.disabledToast' : 'users.enabledToast',
      })
    }
    case 'revoke':
      await revokeSessions(db, actor, user.id, intent.data.session)
      return redirectWithToast(here, { kind: 'success', message: 'sessions.revoked' })
    case 'revoke-all':
      await revokeSessions(db, actor, user.id)
      return redirectWithToast(here, { kind: 'success', message: 'sessions.revoked' })
    case 'finance-access': {
      await setFinanceAccess(db, admin, user.id, intent.data.granted === 'true')
      return redirectWithToast(here, { kind: 'success', message: 'users.updated' })
    }
    case 'reset-link': {
      const token = await issuePasswordTokenFor(db, actor, user.id)
      return { fieldErrors: null, formError: null, link: `${publicOrigin(request)}/set-password/${token}` }
    }
  }
}

export default function UserPage() {
  const { user, sessions, isSelf, financeAccess } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader
        title={user.name}
        subtitle={
          <>
            {user.email} · {t(`role.${user.role}`)}{' '}
            {user.disabled_at ? (
              <Badge tone="bad">{t('users.disabled')}</Badge>
            ) : (
              <Badge tone="good">{t('users.active')}</Badge>
            )}
          </>
        }
      />
      <div className="two-column">
        <Form method="post" className="card form-grid">
          <FormError message={actionData?.formError} />
          <TextField
            label={t('users.name')}
            name="name"
            defaultValue={user.name}
            constraints={constraints.name}
            errors={actionData?.fieldErrors}
          />
          <SelectField
            label={t('users.role')}
            name="role"
            defaultValue={user.role}
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            constraints={constraints.role}
            errors={actionData?.fieldErrors}
          />
          <FormActions>
            <button type="submit" name="intent" value="update">
              {t('action.save')}
            </button>
            {!isSelf ? (
              <button
                type="submit"
                name="intent"
                value={user.disabled_at ? 'enable' : 'disable'}
                className="button-danger"
                formNoValidate
              >
                {user.disabled_at ? t('users.enable') : t('users.disable')}
              </button>
            ) : null}
            <button
              type="submit"
              name="intent"
              value="reset-link"
              className="button-secondary"
              formNoValidate
            >
              {t('users.newLink')}
            </button>
          </FormActions>
          {actionData?.link ? <OneTimeSecret intro="users.linkIssued" value={actionData.link} /> : null}
        </Form>
        {user.role === 'viewer' ? (
          <Form method="post" className="card">
            <h2>{t('users.financeAccess')}</h2>
            <p className="muted">{t('users.financeAccessHint')}</p>
            <p>{financeAccess ? t('users.financeAccessOn') : t('users.financeAccessOff')}</p>
            <input type="hidden" name="granted" value={financeAccess ? 'false' : 'true'} />
            <button type="submit" name="intent" value="finance-access" className="button-secondary">
              {financeAccess ? t('users.financeAccessRevoke') : t('users.financeAccessGrant')}
            </button>
          </Form>
        ) : null}
        <section className="card" aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('sessions.title')}</h2>
          {sessions.length ? (
            <>
              <ul className="plain-list">
                {sessions.map((session) => (
                  <li key={session.handle}>
                    <span>
                      {t('sessions.started')}: {format.dateTime(session.created_at)} · {t('sessions.expires')}
                      : {format.dateTime(session.expires_at)}
                      <br />
                      <span className="muted">
                        {session.ip ?? '—'} · {session.user_agent ?? '—'}
                      </span>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="session" value={session.handle} />
                      <button type="submit" name="intent" value="revoke" className="button-secondary">
                        {t('sessions.revoke')}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
              <Form method="post">
                <button type="submit" name="intent" value="revoke-all" className="button-danger">
                  {t('sessions.revokeAll')}
                </button>
              </Form>
            </>
          ) : (
            <EmptyState>{t('sessions.none')}</EmptyState>
          )}
        </section>
      </div>
    </>
  )
}
