import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, SelectField, useSchemaForm } from '~/components/forms'
import { Badge, PageHeader, TextWithCodes } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { importMeasurementsCsv } from '~/models/kpi/import.server'
import { CsvImportSchema } from '~/models/kpi/kpi.schema'
import { listPrograms } from '~/models/foundation/program.server'
import styles from '~/styles/kpi.css?url'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'

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

/** The CSV text: the uploaded file on preview, the previewed text (hidden field) on commit. */
async function csvText({ file, csv }: { file?: File; csv?: string }) {
  return file ? new TextDecoder('utf-8').decode(await file.arrayBuffer()) : (csv ?? '')
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'kpi:measure')
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), CsvImportSchema, locale)
  const nothing = { report: null, csv: null, mode: null }
  if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, nothing)
  const { intent, program_id: programId, mode } = submission.value
  const commit = intent === 'commit'
  const text = await csvText(submission.value)
  try {
    const report = await importMeasurementsCsv(db, user, { programId, text, mode, commit, locale })
    const blocked = commit && !report.committed && report.counts.error > 0
    // Nothing for the form itself to show (`result`, conform's answer): the report below is the answer.
    return data(
      { result: null, report, csv: commit ? null : text, mode, programId },
      { status: blocked ? 400 : 200 },
    )
  } catch (error) {
    return refuseSubmission(locale, submission, error, nothing)
  }
}

export default function KpiImportPage() {
  const { programs, programId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const t = useT()
  const format = useFormat()
  const report = actionData?.report
  const busy = navigation.state !== 'idle'
  // The commit button's form has no fields of its own: a refused commit (the previewed file no longer
  // reads) is answered here, next to the file to choose again.
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(CsvImportSchema, {
    id: 'kpi-import-form',
    lastResult: actionData?.result,
  })
  return (
    <>
      <PageHeader title={t('kpi.import.title')} subtitle={<TextWithCodes text={t('kpi.import.intro')} />} />
      <Form method="post" encType="multipart/form-data" className="card form-grid" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <SelectField
          label={t('kpi.program')}
          options={programs.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={programId ?? undefined}
          {...field('program_id')}
        />
        <div className="field">
          <label htmlFor="kpi-csv-file">{t('kpi.import.file')}</label>
          <input
            id="kpi-csv-file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={errors?.file ? true : undefined}
            aria-describedby={errors?.file ? 'kpi-csv-file-error' : undefined}
          />
          {errors?.file ? (
            <p className="field-error" id="kpi-csv-file-error">
              {errors.file.join(' ')}
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
      {report ? (
        <section className="card" aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title">{t('kpi.import.previewTitle')}</h2>
          <p role="status">
            {actionData?.csv === null
              ? report.committed
                ? t('kpi.import.done', report.counts)
                : report.counts.error
                  ? t('kpi.import.blocked')
                  : t('kpi.import.nothingToDo')
              : t('kpi.import.summary', report.counts)}
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
                {report.rows.map((row) => (
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
