import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, TextField } from '~/components/forms'
import { PageHeader, TextWithCodes } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { importRoster, planRosterImport, type ImportPlan } from '~/models/eet/roster-import.server'
import { IMPORT_MODES } from '~/models/eet/roster.schema'
import { db } from '~/utils/db.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { parseSubmission } from '~/utils/forms'

export const meta: MetaFunction = () => [{ title: 'Import the sales force · Tenfold' }]

const MAX_BYTES = 20 * 1024 * 1024
const SHOWN_ISSUES = 200

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'roster:manage')
  return null
}

const ImportSchema = z.object({
  intent: z.enum(['preview', 'import']).default('preview'),
  mode: z.enum(IMPORT_MODES).catch('all_or_nothing'),
  // conform reads an empty file input as no value
  file: z
    .instanceof(File, { message: 'eet.import.noFile' })
    .refine((file) => file.size > 0, 'eet.import.noFile')
    .refine((file) => file.size <= MAX_BYTES, 'eet.import.tooLarge'),
})

/** What the page shows: the figures and the first issues (a 20,000-row file may have many). */
function shown(plan: ImportPlan) {
  return {
    ...plan,
    issues: plan.issues.slice(0, SHOWN_ISSUES),
    hiddenIssues: Math.max(0, plan.issues.length - SHOWN_ISSUES),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'roster:manage')
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), ImportSchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { plan: null, refused: false })
  const { intent, mode, file } = submission.value
  const text = await file.text()
  if (intent === 'preview') {
    const plan = await planRosterImport(db, text, locale)
    return data(
      { formError: plan.fileError, fieldErrors: null, plan: shown(plan), refused: false },
      { status: plan.fileError ? 400 : 200 },
    )
  }
  const result = await importRoster(db, admin, text, { mode, locale })
  if (!result.applied)
    return data(
      {
        formError: result.plan.fileError ?? translate(locale, 'eet.import.refused'),
        fieldErrors: null,
        plan: shown(result.plan),
        refused: true,
      },
      { status: 400 },
    )
  return redirectWithToast('/roster', {
    kind: 'success',
    message: 'eet.import.done',
    vars: {
      create: result.plan.create,
      update: result.plan.update,
      unchanged: result.plan.unchanged,
      left: result.plan.markLeft,
    },
  })
}

export default function RosterImportPage() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const t = useT()
  const format = useFormat()
  const plan = actionData?.plan
  return (
    <>
      <PageHeader title={t('eet.import.title')} subtitle={<TextWithCodes text={t('eet.import.help')} />} />
      <Form method="post" encType="multipart/form-data" className="card form-grid">
        <FormError message={actionData?.formError} />
        <TextField
          label={t('eet.import.file')}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          errors={actionData?.fieldErrors}
        />
        <fieldset className="field">
          <legend>{t('eet.import.mode')}</legend>
          {IMPORT_MODES.map((mode) => (
            <label key={mode} className="checkbox">
              <input type="radio" name="mode" value={mode} defaultChecked={mode === 'all_or_nothing'} />
              {t(`eet.import.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <FormActions>
          <button type="submit" name="intent" value="preview" className="button-secondary">
            {t('eet.import.preview')}
          </button>
          <button type="submit" name="intent" value="import" disabled={navigation.state !== 'idle'}>
            {t('eet.import.apply')}
          </button>
        </FormActions>
      </Form>
      {plan && !plan.fileError ? (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t('eet.import.previewTitle')}</h2>
          <div className="stat-grid">
            {(
              [
                ['eet.import.rows', plan.rows],
                ['eet.import.create', plan.create],
                ['eet.import.update', plan.update],
                ['eet.import.unchanged', plan.unchanged],
                ['eet.import.markLeft', plan.markLeft],
                ['eet.import.invalid', plan.invalidLines],
              ] as const
            ).map(([label, value]) => (
              <div className="stat" key={label}>
                <span className="stat-value">{format.number(value)}</span>
                <span className="stat-label">{t(label)}</span>
              </div>
            ))}
          </div>
          {plan.issues.length ? (
            <div className="table-wrap">
              <table>
                <caption className="muted">{t('eet.import.invalid')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('eet.import.line')}
                    </th>
                    <th scope="col">{t('eet.import.field')}</th>
                    <th scope="col">{t('eet.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.issues.map((issue, index) => (
                    <tr key={`${issue.line}-${issue.field}-${index}`}>
                      <td className="num">{issue.line}</td>
                      <td>
                        <code>{issue.field}</code>
                      </td>
                      <td>{issue.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.hiddenIssues ? (
                <p className="muted">{t('eet.import.moreIssues', { count: plan.hiddenIssues })}</p>
              ) : null}
            </div>
          ) : null}
          {plan.sample.length ? (
            <div className="table-wrap">
              <table>
                <caption className="muted">{t('eet.import.sample')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('eet.field.seller_id')}</th>
                    <th scope="col">{t('eet.field.name')}</th>
                    <th scope="col">{t('eet.field.region')}</th>
                    <th scope="col">{t('eet.field.segment')}</th>
                    <th scope="col">{t('eet.field.team')}</th>
                    <th scope="col">{t('eet.field.tech_affinity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.sample.map((seller) => (
                    <tr key={seller.seller_id}>
                      <td>{seller.seller_id}</td>
                      <td>{seller.name}</td>
                      <td>{seller.region}</td>
                      <td>{seller.segment}</td>
                      <td>{seller.team}</td>
                      <td>{t(`eet.affinity.${seller.tech_affinity}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
