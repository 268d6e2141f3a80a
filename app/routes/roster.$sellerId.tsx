import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, SelectField, TextField, useSchemaForm } from '~/components/forms'
import { Badge, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { SellerEditSchema, TECH_AFFINITIES } from '~/models/eet/roster.schema'
import { getSeller, listLinkableUsers, updateSeller } from '~/models/eet/roster.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Edit rep · Tenfold' }]

async function requireSeller(id: string | undefined) {
  const seller = z.uuid().safeParse(id).success ? await getSeller(db, id!) : undefined
  if (!seller) notFound()
  return seller
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'roster:manage')
  const seller = await requireSeller(params.sellerId)
  return { seller, users: await listLinkableUsers(db) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'roster:manage')
  const seller = await requireSeller(params.sellerId)
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), SellerEditSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  try {
    await updateSeller(db, admin, seller.id, submission.value)
  } catch (error) {
    return refuseSubmission(locale, submission, error)
  }
  return redirectWithToast('/roster', { kind: 'success', message: 'toast.saved' })
}

export default function EditSellerPage() {
  const { seller, users } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const { formProps, field, constraints, errors, formError, formErrorId } = useSchemaForm(SellerEditSchema, {
    lastResult: actionData?.result,
  })
  return (
    <section className="narrow">
      <PageHeader
        title={t('eet.roster.editTitle', { id: seller.seller_id })}
        subtitle={
          seller.left_at ? (
            <Badge tone="bad">{t('eet.roster.leftOn', { date: format.date(seller.left_at) })}</Badge>
          ) : undefined
        }
      />
      <Form method="post" className="card form-grid" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        {(['name', 'email', 'region', 'segment', 'team', 'manager_id', 'role'] as const).map((field) => (
          <TextField
            key={field}
            label={t(`eet.field.${field}`)}
            name={field}
            type={field === 'email' ? 'email' : 'text'}
            defaultValue={seller[field] ?? ''}
            constraints={constraints[field]}
            errors={errors}
          />
        ))}
        <TextField
          label={t('eet.field.hire_date')}
          type="date"
          defaultValue={seller.hire_date ?? ''}
          {...field('hire_date')}
        />
        <SelectField
          label={t('eet.field.tech_affinity')}
          defaultValue={seller.tech_affinity}
          options={TECH_AFFINITIES.map((value) => ({ value, label: t(`eet.affinity.${value}`) }))}
          {...field('tech_affinity')}
        />
        <label className="checkbox">
          <input type="checkbox" name="eligible" defaultChecked={seller.eligible} />
          {t('eet.field.eligible')}
        </label>
        <SelectField
          label={t('eet.roster.linkedUser')}
          name="user_id"
          hint={t('eet.roster.linkedUserHint')}
          defaultValue={seller.user_id ?? ''}
          placeholder={t('common.none')}
          options={users.map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }))}
          errors={errors}
        />
        <FormActions>
          <button type="submit">{t('action.save')}</button>
          <Link to="/roster">{t('action.cancel')}</Link>
        </FormActions>
      </Form>
    </section>
  )
}
