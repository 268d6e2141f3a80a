import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { FormActions, FormError, TextField } from '~/components/forms'
import { useFormat, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { recordCompletions } from '~/models/change/training.server'
import { actorOf } from '~/models/foundation/audit.server'
import { requireEditableInitiative } from '~/models/foundation/initiative-guard.server'
import { parseCsv } from '~/utils/csv.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'

// Training completions from a CSV file (module_key, seller_id, completed_on): valid rows are stored,
// each refused row is reported by its line with the reason, and a row already stored counts as a
// duplicate, so the same file can be imported again safely.

const MAX_BYTES = 5 * 1024 * 1024
const SHOWN_ISSUES = 200
const COLUMNS = ['module_key', 'seller_id', 'completed_on'] as const

const ImportSchema = z.object({
  file: z
    .instanceof(File, { message: 'change.training.import.noFile' })
    .refine((file) => file.size > 0, 'change.training.import.noFile')
    .refine((file) => file.size <= MAX_BYTES, 'change.training.import.tooLarge'),
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  return { initiativeId: initiative.id }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), ImportSchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { report: null })
  const csv = parseCsv((await submission.value.file.text()).replace(/^\uFEFF/, ''), COLUMNS)
  if (!csv.ok) {
    const message =
      csv.error === 'header'
        ? translate(locale, 'change.training.import.header', { missing: (csv.missing ?? []).join(', ') })
        : translate(locale, 'change.training.import.unreadable', { line: csv.line ?? 0 })
    return data({ report: null, fieldErrors: { file: [message] }, formError: null }, { status: 400 })
  }
  const lines = csv.records.map((record) => record.line)
  const report = await recordCompletions(
    db,
    actorOf(user),
    csv.records.map((record, index) => ({ index, raw: record.values })),
    'csv',
    initiative.id,
  )
  return data({
    fieldErrors: null,
    formError: null,
    report: {
      accepted: report.accepted,
      duplicates: report.duplicates,
      rejected: report.rejected.length,
      issues: report.rejected
        .slice(0, SHOWN_ISSUES)
        .map((row) => ({ line: lines[row.index] ?? 0, errors: row.errors })),
    },
  })
}

export default function TrainingImport() {
  const { initiativeId } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const report = answer?.report ?? null
  return (
    <section className="card" aria-labelledby="import-title">
      <p>
        <Link to={`/initiatives/${initiativeId}/training`}>{t('change.training.import.back')}</Link>
      </p>
      <h2 id="import-title">{t('change.training.import.heading')}</h2>
      <p className="field-hint">{t('change.training.import.explain')}</p>
      <Form method="post" encType="multipart/form-data">
        <FormError message={answer?.formError ?? undefined} id="import-error" />
        <TextField
          name="file"
          type="file"
          accept=".csv,text/csv"
          label={t('change.training.import.file')}
          errors={answer?.fieldErrors}
        />
        <FormActions>
          <button type="submit">{t('change.training.import.submit')}</button>
        </FormActions>
      </Form>
      {report ? (
        <div role="status">
          <p>
            {t('change.training.import.result', {
              accepted: report.accepted,
              duplicates: report.duplicates,
              rejected: report.rejected,
            })}
          </p>
          {report.issues.length ? (
            <div
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-label={t('change.training.import.issues')}
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('change.training.import.line')}</th>
                    <th scope="col">{t('change.training.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.issues.map((issue) => (
                    <tr key={issue.line}>
                      <td>{format.number(issue.line)}</td>
                      <td>{issue.errors.map((code) => t(`change.training.rowError.${code}`)).join(' · ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
