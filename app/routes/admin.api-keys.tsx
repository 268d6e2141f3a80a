import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, TextField, useSchemaForm } from '~/components/forms'
import { OneTimeSecret } from '~/components/foundation/one-time-link'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { Badge, EmptyState, PageHeader } from '~/components/page'
import { SortableTh } from '~/components/sortable-th'
import { useFormat, useT } from '~/i18n/react'
import { API_SCOPES, CreateApiKeySchema } from '~/models/foundation/api-key.schema'
import { createApiKey, listApiKeys, revokeApiKey } from '~/models/foundation/api-key.server'
import { actorOf } from '~/models/foundation/audit.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { parseSubmission } from '~/utils/forms'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { applyListQuery, readListQuery } from '~/utils/list-query'
import { notFound } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

const RevokeSchema = z.object({ intent: z.literal('revoke'), id: z.uuid() })

const LIST = { sorts: ['name', 'lastUsed', 'state'], defaultSort: 'state' } as const
type Row = Awaited<ReturnType<typeof listApiKeys>>[number]
const CSV: CsvColumn<Row>[] = [
  { header: 'apiKeys.name', value: (row) => row.name },
  { header: 'apiKeys.prefix', value: (row) => `tf_${row.prefix}_` },
  { header: 'apiKeys.scopes', value: (row) => row.scopes.join(' ') },
  { header: 'apiKeys.createdBy', value: (row) => row.created_by_name },
  { header: 'apiKeys.lastUsed', value: (row) => row.last_used_at },
  { header: 'apiKeys.revoked', value: (row) => row.revoked_at },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'apikey:manage')
  const query = readListQuery(request, LIST)
  // A handful of keys: sorted and filtered in memory; the default keeps live keys first, newest first.
  const list = applyListQuery(await listApiKeys(db), query, {
    text: (row) => [row.name, row.prefix, row.created_by_name, ...row.scopes],
    by: {
      name: (row) => row.name,
      lastUsed: (row) => row.last_used_at,
      state: (row) => `${row.revoked_at ? 1 : 0}${String(9e15 - new Date(row.created_at).getTime())}`,
    },
  })
  if (query.csv) return listCsvResponse(request, 'api-keys.csv', CSV, list.rows)
  return { keys: list.rows, list: { page: list.page, pages: list.pages, total: list.total }, query }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'apikey:manage')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  if (formData.get('intent') === 'revoke') {
    const submission = parseSubmission(formData, RevokeSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'revoke', secret: null })
    if (!isConfirmed(formData)) return askConfirmation(formData)
    if (!(await revokeApiKey(db, actorOf(admin), submission.value.id))) notFound()
    return redirectWithToast('/admin/api-keys', { kind: 'success', message: 'apiKeys.revokedToast' })
  }
  const submission = parseSubmission(formData, CreateApiKeySchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { intent: 'create', secret: null })
  const key = await createApiKey(db, actorOf(admin), submission.value)
  // The form starts empty again under the key, which is shown this once.
  return {
    intent: 'create',
    result: submission.reply({ resetForm: true }),
    fieldErrors: null,
    formError: null,
    secret: key.secret,
  }
}

export default function ApiKeysPage() {
  const { keys, list, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(CreateApiKeySchema, {
    id: 'api-key-new',
    lastResult: actionData?.intent === 'create' ? actionData.result : undefined,
  })
  return (
    <>
      <PageHeader title={t('apiKeys.title')} subtitle={t('apiKeys.subtitle')} />
      <div className="two-column">
        <Form method="post" className="card form-grid" {...formProps}>
          <FormError message={formError} id={formErrorId} />
          {actionData && 'secret' in actionData && actionData.secret ? (
            <OneTimeSecret intro="apiKeys.created" value={actionData.secret} />
          ) : null}
          <TextField label={t('apiKeys.name')} {...field('name')} />
          <fieldset className="field" aria-describedby={errors?.scopes ? 'scopes-error' : undefined}>
            <legend>{t('apiKeys.scopes')}</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" name="scopes" value={scope} /> {t(`apiKeys.scope.${scope}`)}{' '}
                <code>{scope}</code>
              </label>
            ))}
            {errors?.scopes ? (
              <p className="field-error" id="scopes-error">
                {errors.scopes.join(' ')}
              </p>
            ) : null}
          </fieldset>
          <FormActions>
            <button type="submit" name="intent" value="create">
              {t('apiKeys.create')}
            </button>
          </FormActions>
        </Form>
        <div>
          <ListFilters state={query}>
            <ListSearch value={query.q} />
          </ListFilters>
          {keys.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <SortableTh sortKey="name" sort={query}>
                      {t('apiKeys.name')}
                    </SortableTh>
                    <th scope="col">{t('apiKeys.scopes')}</th>
                    <SortableTh sortKey="lastUsed" sort={query}>
                      {t('apiKeys.lastUsed')}
                    </SortableTh>
                    <SortableTh sortKey="state" sort={query}>
                      {t('apiKeys.state')}
                    </SortableTh>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.id}>
                      <th scope="row">
                        {key.name}
                        <br />
                        <code>tf_{key.prefix}_…</code>
                        <span className="muted"> · {key.created_by_name ?? '—'}</span>
                      </th>
                      <td>{key.scopes.join(', ')}</td>
                      <td>{format.dateTime(key.last_used_at)}</td>
                      <td>
                        {key.revoked_at ? (
                          <Badge tone="bad">{t('apiKeys.revoked')}</Badge>
                        ) : (
                          <ConfirmButton
                            fields={{ intent: 'revoke', id: key.id }}
                            label={t('apiKeys.revoke')}
                            title={t('apiKeys.revokeConfirm', { name: key.name })}
                            message={t('apiKeys.revokeConfirmBody')}
                            confirmLabel={t('confirm.revoke')}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState>{t('apiKeys.none')}</EmptyState>
          )}
          <ListFooter page={list.page} pages={list.pages} total={list.total} />
        </div>
      </div>
    </>
  )
}
