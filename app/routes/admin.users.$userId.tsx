import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ROLES } from '~/auth/permissions'
import { getMfaStatus, resetMfa } from '~/auth/mfa.server'
import { getUserLocale, requirePermission, requireRecentAuth } from '~/auth/session.server'
import { ConfirmButton, ConfirmSubmit } from '~/components/confirm-dialog'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
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
import { mailInvitation } from '~/models/attention/invitation.server'
import { ConfirmAdminField } from '~/components/foundation/confirm-admin-field'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { notFound, publicOrigin } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'

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
    mfaEnrolled: (await getMfaStatus(db, user.id)).enrolled,
  }
}

// Every form of the page posts here; the account card's own fields are UpdateUserSchema's.
const UserActionSchema = z.discriminatedUnion('intent', [
  UpdateUserSchema,
  z.object({ intent: z.literal('disable') }),
  z.object({ intent: z.literal('enable') }),
  z.object({ intent: z.literal('revoke'), session: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal('revoke-all') }),
  z.object({ intent: z.literal('reset-link') }),
  z.object({ intent: z.literal('invite') }),
  z.object({ intent: z.literal('finance-access'), granted: z.enum(['true', 'false']) }),
  z.object({ intent: z.literal('mfa-reset') }),
])
/** What the account card's buttons ask: their answers (errors, the new link) show in that card. */
const ACCOUNT_INTENTS: readonly (string | null)[] = ['update', 'disable', 'enable', 'reset-link', 'invite']
/** The form that Disable, Enable and the new link submit (not the card's, whose fields they do not need). */
const ACCOUNT_ACTIONS_FORM = 'user-account-actions'

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'user:manage')
  const user = await findUser(params.userId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, UserActionSchema, locale)
  const { intent } = submission.payload
  const extra = { intent: typeof intent === 'string' ? intent : null, link: null }
  if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
  const actor = actorOf(admin)
  const here = `/admin/users/${user.id}`
  const selfChange = admin.id === user.id
  switch (submission.value.intent) {
    case 'update': {
      const { name, role, confirm_admin } = submission.value
      if (selfChange && role !== user.role)
        return refuseSubmission(locale, submission, new DomainError('users.cannotSelf'), extra)
      // A new role is a security-sensitive change: the admin signed in or confirmed it is them lately.
      if (role !== user.role) await requireRecentAuth(request)
      try {
        await updateUser(db, actor, user.id, { name, role, confirmAdmin: confirm_admin })
      } catch (error) {
        return refuseSubmission(locale, submission, error, extra)
      }
      return redirectWithToast(here, { kind: 'success', message: 'users.updated' })
    }
    case 'disable':
    case 'enable': {
      if (selfChange) return refuseSubmission(locale, submission, new DomainError('users.cannotSelf'), extra)
      const disable = submission.value.intent === 'disable'
      // Disabling ends the user's sessions: it runs once confirmed, and the toast can enable them again.
      if (disable && !isConfirmed(formData)) return askConfirmation(formData, submission, extra)
      await setUserDisabled(db, actor, user.id, disable)
      return redirectWithToast(here, {
        kind: 'success',
        message: disable ? 'users.disabledToast' : 'users.enabledToast',
        ...(disable ? { undo: { action: here, fields: { intent: 'enable' } } } : {}),
      })
    }
    case 'revoke':
      await revokeSessions(db, actor, user.id, submission.value.session)
      return redirectWithToast(here, { kind: 'success', message: 'sessions.revoked' })
    case 'revoke-all':
      await revokeSessions(db, actor, user.id)
      return redirectWithToast(here, { kind: 'success', message: 'sessions.revoked' })
    case 'mfa-reset': {
      if (!isConfirmed(formData)) return askConfirmation(formData)
      await requireRecentAuth(request)
      try {
        await resetMfa(db, actor, user.id)
      } catch (error) {
        return refuseSubmission(locale, submission, error, extra)
      }
      return redirectWithToast(here, { kind: 'success', message: 'mfa.resetDone' })
    }
    case 'finance-access': {
      await setFinanceAccess(db, admin, user.id, submission.value.granted === 'true')
      return redirectWithToast(here, { kind: 'success', message: 'users.updated' })
    }
    case 'reset-link':
    case 'invite': {
      const token = await issuePasswordTokenFor(db, actor, user.id)
      // The resend mails the new link; the link is shown either way (installs without mail).
      if (submission.value.intent === 'invite')
        await mailInvitation(db, admin, user, `${publicOrigin(request)}/set-password/${token}`, locale)
      return {
        ...extra,
        result: submission.reply(),
        fieldErrors: null,
        formError: null,
        link: `${publicOrigin(request)}/set-password/${token}`,
      }
    }
  }
}

export default function UserPage() {
  const { user, sessions, isSelf, financeAccess, mfaEnrolled } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    UpdateUserSchema,
    {
      id: 'user-account',
      lastResult: ACCOUNT_INTENTS.includes(actionData?.intent ?? null) ? actionData?.result : undefined,
    },
  )
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
        <Form method="post" id={ACCOUNT_ACTIONS_FORM} hidden />
        <Form method="post" className="card form-grid" {...formProps}>
          <FormError message={formError} id={formErrorId} />
          <FormFields
            initial={initial}
            constraints={constraints}
            errors={errors}
            fields={[
              { name: 'name', label: t('users.name'), defaultValue: user.name },
              {
                control: 'select',
                name: 'role',
                label: t('users.role'),
                defaultValue: user.role,
                options: ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })),
              },
              ...(user.role === 'admin' ? [] : [<ConfirmAdminField key="confirm_admin" errors={errors} />]),
            ]}
          />
          <FormActions>
            <button type="submit" name="intent" value="update">
              {t('action.save')}
            </button>
            {!isSelf && user.disabled_at ? (
              <button
                type="submit"
                form={ACCOUNT_ACTIONS_FORM}
                name="intent"
                value="enable"
                className="button-secondary"
              >
                {t('users.enable')}
              </button>
            ) : null}
            {!isSelf && !user.disabled_at ? (
              <ConfirmSubmit
                form={ACCOUNT_ACTIONS_FORM}
                name="intent"
                value="disable"
                className="button-danger"
                label={t('users.disable')}
                title={t('users.disableConfirm', { name: user.name })}
                message={t('users.disableConfirmBody')}
                confirmLabel={t('confirm.disable')}
                match={{ intent: 'disable' }}
              />
            ) : null}
            <button
              type="submit"
              form={ACCOUNT_ACTIONS_FORM}
              name="intent"
              value="reset-link"
              className="button-secondary"
            >
              {t('users.newLink')}
            </button>
            <button
              type="submit"
              form={ACCOUNT_ACTIONS_FORM}
              name="intent"
              value="invite"
              className="button-secondary"
            >
              {t('attention.invite.resend')}
            </button>
          </FormActions>
          {actionData && 'link' in actionData && actionData.link ? (
            <OneTimeSecret intro="users.linkIssued" value={actionData.link} />
          ) : null}
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
        <section className="card" aria-labelledby="mfa-title">
          <h2 id="mfa-title">{mfaEnrolled ? t('mfa.adminStatusOn') : t('mfa.adminStatusOff')}</h2>
          {mfaEnrolled ? (
            <ConfirmButton
              fields={{ intent: 'mfa-reset' }}
              label={t('mfa.reset')}
              title={t('mfa.resetTitle')}
              message={t('mfa.resetMessage')}
            />
          ) : null}
        </section>
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
                        {session.ip ?? '—'} · <code>{session.user_agent ?? '—'}</code>
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
