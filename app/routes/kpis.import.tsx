import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, SelectField } from '~/components/forms'
import { Badge, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { importMeasurementsCsv } from '~/models/kpi/import.server'
import { CSV_MAX_BYTES, CsvImportSchema } from '~/models/kpi/kpi.schema'
import { listPrograms } from '~/models/foundation/program.server'
import styles from '~/styles/kpi.css?url'
import { db } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { fieldFailure, refuse } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'kpi:measure')
  const programs = await listPrograms(db)
  const programId = new URL(request.url).searchParams.get('program')
  return {
    programs: programs.map((program) => ({ id: program.id, name: program.name })),
    programId: programs.some((program) => program.id === programId) ? programId : (programs[0]?.id ?? null),
  }
}

/** The CSV text: an uploaded file on preview, the previewed text (hidden field) on commit. */
async function csvText(
  formData: FormData,
): Promise<{ text: string } | { error: 'kpi.import.tooLarge' | 'kpi.import.noFile' }> {
  const file = formData.get('file')
  if (file instanceof File && file.size > 0) {
    if (file.size > CSV_MAX_BYTES) return { error: 'kpi.import.tooLarge' as const }
    return { text: new TextDecoder('utf-8').decode(await file.arrayBuffer()) }
  }
  const text = formData.get('csv')
  if (typeof text === 'string' && text.length) {
    if (text.length > CSV_MAX_BYTES) return { error: 'kpi.import.tooLarge' as const }
    return { text }
  }
  return { error: 'kpi.import.noFile' as const }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'kpi:measure')
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const form = parseForm(CsvImportSchema, formData, locale)
  const nothing = { result: null, csv: null, mode: null }
  if (!form.ok) return refuse(locale, form, nothing)
  const source = await csvText(formData)
  if ('error' in source) return refuse(locale, new DomainError(source.error, { field: 'file' }), nothing)
  const commit = form.data.intent === 'commit'
  const result = await importMeasurementsCsv(db, user, {
    programId: form.data.program_id,
    text: source.text,
    mode: form.data.mode,
    commit,
    locale,
  })
  if (!result.ok) return refuse(locale, fieldFailure(locale, 'file', result.fileError), nothing)
  const blocked = commit && !result.committed && result.counts.error > 0
  return data(
    {
      fieldErrors: null,
      formError: null,
      result,
      csv: commit ? null : source.text,
      mode: form.data.mode,
      programId: form.data.program_id,
    },
    { status: blocked ? 400 : 200 },
  )
}

export default function KpiImportPage() {
  const { programs, programId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const t = useT()
  const format = useFormat()
  const result = actionData?.result
  const busy = navigation.state !== 'idle'
  return (
    <>
      <PageHeader title={t('kpi.import.title')} subtitle={t('kpi.import.intro')} />
      <Form method="post" encType="multipart/form-data" className="card form-grid">
        <FormError message={actionData?.formError} />
        <SelectField
          label={t('kpi.program')}
          name="program_id"
          options={programs.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={programId ?? undefined}
          errors={actionData?.fieldErrors}
          required
        />
        <div className="field">
          <label htmlFor="kpi-csv-file">{t('kpi.import.file')}</label>
          <input
            id="kpi-csv-file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={actionData?.fieldErrors?.file ? true : undefined}
            aria-describedby={actionData?.fieldErrors?.file ? 'kpi-csv-file-error' : undefined}
          />
          {actionData?.fieldErrors?.file ? (
            <p className="field-error" id="kpi-csv-file-error">
              {actionData.fieldErrors.file.join(' ')}
            </p>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>{t('kpi.import.mode')}</legend>
          {(['all_or_nothing', 'valid_rows'] as const).map((mode) => (
            <label key={mode} className="checkbox">
              <input
                type="radio"
                name="mode"
                value={mode}
                defaultChecked={mode === (actionData?.mode ?? 'all_or_nothing')}
              />
              {t(`kpi.import.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <FormActions>
          <button type="submit" name="intent" value="preview" disabled={busy}>
            {t('kpi.import.preview')}
          </button>
        </FormActions>
      </Form>
      {result && result.ok ? (
        <section className="card" aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title">{t('kpi.import.previewTitle')}</h2>
          <p role="status">
            {actionData?.csv === null
              ? result.committed
                ? t('kpi.import.done', result.counts)
                : result.counts.error
                  ? t('kpi.import.blocked')
                  : t('kpi.import.nothingToDo')
              : t('kpi.import.summary', result.counts)}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.import.line')}</th>
                  <th scope="col">{t('kpi.key')}</th>
                  <th scope="col">{t('kpi.period')}</th>
                  <th scope="col">{t('kpi.value')}</th>
                  <th scope="col">{t('kpi.import.result')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>
                      <code>{row.key}</code>
                    </td>
                    <td>{row.ok ? format.date(row.period_end) : ''}</td>
                    <td>{row.ok ? format.number(row.value, { maximumFractionDigits: 6 }) : ''}</td>
                    <td>
                      {row.ok ? (
                        <Badge tone={row.outcome === 'unchanged' ? 'neutral' : 'info'}>
                          {t(`kpi.outcome.${row.outcome}`)}
                        </Badge>
                      ) : (
                        <>
                          <Badge tone="bad">{t('kpi.outcome.error')}</Badge> {row.reason}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {actionData?.csv ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="csv" value={actionData.csv} />
              <input type="hidden" name="program_id" value={actionData.programId} />
              <input type="hidden" name="mode" value={actionData.mode ?? 'all_or_nothing'} />
              <FormActions>
                <button type="submit" name="intent" value="commit" disabled={busy}>
                  {t('kpi.import.commit')}
                </button>
                <span>{t(`kpi.import.mode.${actionData.mode ?? 'all_or_nothing'}`)}</span>
              </FormActions>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
