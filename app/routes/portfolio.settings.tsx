import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormError, useSchemaForm } from '~/components/forms'
import { EmptyState, PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { FAILURE_MODES, INPUTS } from '~/models/sponsor/health-config'
import {
  formValuesOf,
  HealthSettingsSchema,
  overridesFromForm,
} from '~/models/sponsor/health-settings.schema'
import { healthConfigFor, saveHealthOverrides } from '~/models/sponsor/health-settings.server'
import { listOpenPrograms, portfolioProgram } from '~/models/sponsor/portfolio.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { notFound } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

// Admins tune a program's health weights, good/bad values and bands (defaults: app/models/sponsor/health-config.ts).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

const ProgramQuery = z.object({ program: z.uuid().optional().catch(undefined) })

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'program:manage')
  const query = ProgramQuery.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [program, programs, locale] = await Promise.all([
    portfolioProgram(db, query.program),
    listOpenPrograms(db),
    getUserLocale(request),
  ])
  const values = program ? formValuesOf(await healthConfigFor(db, program.id)) : null
  return { title: `${translate(locale, 'sponsor.settings.title')} · Tenfold`, program, programs, values }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'program:manage')
  const query = ProgramQuery.parse(Object.fromEntries(new URL(request.url).searchParams))
  const program = await portfolioProgram(db, query.program)
  if (!program) notFound()
  const formData = await request.formData()
  const back = `/portfolio/settings?program=${program.id}`
  if (formData.get('intent') === 'reset') {
    await saveHealthOverrides(db, user, program.id, null)
    return redirectWithToast(back, { kind: 'success', message: 'sponsor.settings.resetDone' })
  }
  const locale = await getUserLocale(request)
  const submission = parseSubmission(formData, HealthSettingsSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  await saveHealthOverrides(db, user, program.id, overridesFromForm(submission.value))
  return redirectWithToast(back, { kind: 'success', message: 'sponsor.settings.saved' })
}

export default function HealthSettingsPage() {
  const { program, programs, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const { formProps, errors, formError, formErrorId } = useSchemaForm(HealthSettingsSchema, {
    id: 'health-settings-form',
    lastResult: actionData?.result,
  })
  if (!program || !values) return <EmptyState>{t('sponsor.portfolio.noProgram')}</EmptyState>
  const numberInput = (name: string, label: string, step: string) => {
    const fieldErrors = errors?.[name]
    return (
      <>
        <input
          type="number"
          name={name}
          step={step}
          defaultValue={values[name]}
          required
          aria-label={label}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? `${name}-error` : undefined}
        />
        {fieldErrors ? (
          <p id={`${name}-error`} className="field-error">
            {fieldErrors.join(' ')}
          </p>
        ) : null}
      </>
    )
  }
  return (
    <>
      <PageHeader title={t('sponsor.settings.title')} subtitle={t('sponsor.settings.subtitle')} />
      {programs.length > 1 ? (
        <Form method="get" className="filters">
          <label>
            {t('sponsor.settings.program')}
            <select name="program" defaultValue={program.id}>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button-secondary">
            {t('action.filter')}
          </button>
        </Form>
      ) : null}
      <FormError message={formError} id={formErrorId} />
      {/* The steps are typing hints, not limits: the schema checks the numbers, without JavaScript too. */}
      <Form method="post" {...formProps} noValidate>
        <input type="hidden" name="intent" value="save" />
        {FAILURE_MODES.map((mode) => (
          <div className="table-wrap" key={mode}>
            <table>
              <caption>{t(`sponsor.mode.${mode}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.settings.input')}</th>
                  <th scope="col">{t('sponsor.settings.weight')}</th>
                  <th scope="col">{t('sponsor.settings.good')}</th>
                  <th scope="col">{t('sponsor.settings.bad')}</th>
                </tr>
              </thead>
              <tbody>
                {INPUTS[mode].map((key) => {
                  const name = t(`sponsor.input.${key}`)
                  return (
                    <tr key={key}>
                      <th scope="row">
                        {name}
                        <div className="muted">{t(`sponsor.why.${key}`)}</div>
                      </th>
                      <td>
                        {numberInput(`weight.${key}`, `${t('sponsor.settings.weight')}: ${name}`, '0.1')}
                      </td>
                      <td>{numberInput(`good.${key}`, `${t('sponsor.settings.good')}: ${name}`, 'any')}</td>
                      <td>{numberInput(`bad.${key}`, `${t('sponsor.settings.bad')}: ${name}`, 'any')}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        ))}
        <div className="form-grid">
          <label>
            {t('sponsor.settings.green')}
            {numberInput('green', t('sponsor.settings.green'), '1')}
          </label>
          <label>
            {t('sponsor.settings.amber')}
            {numberInput('amber', t('sponsor.settings.amber'), '1')}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit">{t('action.save')}</button>
        </div>
      </Form>
      <Form method="post">
        <button type="submit" name="intent" value="reset" className="button-secondary">
          {t('sponsor.settings.reset')}
        </button>
      </Form>
    </>
  )
}
