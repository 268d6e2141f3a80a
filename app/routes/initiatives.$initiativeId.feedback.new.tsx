import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { FormKeyField } from '~/components/form-key'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import {
  FormActions,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from '~/components/forms'
import { SectionHeader } from '~/components/eet/feedback-bits'
import { useT } from '~/i18n/react'
import { FEEDBACK_KINDS, FeedbackSchema } from '~/models/eet/eet.schema'
import { listReleases } from '~/models/eet/eet.server'
import { submitFeedback } from '~/models/eet/feedback.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/eet.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { parseSubmission, type FieldErrors } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Give feedback · Tenfold' }]
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'feedback:submit')
  const initiative = await requireInitiative(user, params.initiativeId)
  return { initiativeId: initiative.id, releases: await listReleases(db, initiative.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'feedback:submit')
  const initiative = await requireInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  return saveOnce(db, { request, user, formData, form: 'feedback' }, async () => {
    const submission = parseSubmission(formData, FeedbackSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission)
    try {
      await submitFeedback(db, user, initiative.id, submission.value)
    } catch (error) {
      return refuseSubmission(locale, submission, error)
    }
    return redirectWithToast(`/initiatives/${initiative.id}/feedback?mine=1`, {
      kind: 'success',
      message: 'eet.feedback.sent',
    })
  })
}

function Scale({
  name,
  label,
  hint,
  min,
  max,
  errors,
}: {
  name: string
  label: string
  hint: string
  min: number
  max: number
  errors?: FieldErrors | null
}) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i)
  const fieldErrors = errors?.[name]
  return (
    <fieldset
      className="scale"
      aria-describedby={`${name}-hint`}
      aria-invalid={fieldErrors ? true : undefined}
    >
      <legend>{label}</legend>
      <p className="field-hint" id={`${name}-hint`}>
        {hint}
      </p>
      <div className="scale-options">
        {values.map((value) => (
          <label key={value}>
            <input type="radio" name={name} value={value} required />
            <span>{value}</span>
          </label>
        ))}
      </div>
      {fieldErrors ? <p className="field-error">{fieldErrors.join(' ')}</p> : null}
    </fieldset>
  )
}

export default function NewFeedbackPage() {
  const { initiativeId, releases } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(FeedbackSchema, {
    lastResult: actionData?.result,
  })
  return (
    <section className="feedback-form">
      <SectionHeader title={t('eet.feedback.newTitle')} />
      <Form method="post" className="card form-grid" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <FormKeyField />
        {releases.length ? (
          <SelectField
            label={t('eet.feedback.release')}
            defaultValue={releases[0]!.version}
            options={releases.map((release) => ({ value: release.version, label: release.version }))}
            {...field('release')}
          />
        ) : (
          <TextField
            label={t('eet.feedback.release')}
            hint={t('eet.feedback.noReleases')}
            {...field('release')}
          />
        )}
        <SelectField
          label={t('eet.feedback.kind')}
          placeholder=""
          options={FEEDBACK_KINDS.map((kind) => ({ value: kind, label: t(`eet.feedback.kind.${kind}`) }))}
          {...field('kind')}
        />
        <Scale
          name="usefulness"
          label={t('eet.feedback.usefulness')}
          hint={t('eet.feedback.scaleLow')}
          min={1}
          max={5}
          errors={errors}
        />
        <Scale
          name="ease"
          label={t('eet.feedback.ease')}
          hint={t('eet.feedback.scaleLow')}
          min={1}
          max={5}
          errors={errors}
        />
        <Scale
          name="recommend"
          label={t('eet.feedback.recommend')}
          hint={t('eet.feedback.recommendScale')}
          min={0}
          max={10}
          errors={errors}
        />
        <TextField label={t('eet.feedback.titleField')} {...field('title')} />
        <TextAreaField label={t('eet.feedback.body')} hint={t('eet.feedback.bodyHint')} {...field('body')} />
        <FormActions>
          <button type="submit">{t('eet.feedback.submit')}</button>
          <Link to={`/initiatives/${initiativeId}/feedback`}>{t('action.cancel')}</Link>
        </FormActions>
      </Form>
    </section>
  )
}
