import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { FormActions, FormError, TextField } from '~/components/forms'
import { PageHeader, TextWithCodes } from '~/components/page'
import { RosterImportHistory } from '~/components/eet/roster-import-history'
import { RosterImportPreview } from '~/components/eet/roster-import-preview'
import { useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { type ImportPlan } from '~/models/eet/roster-import.server'
import {
  confirmRosterImport,
  listRosterImports,
  pendingPlan,
  stageRosterImport,
  undoRosterImport,
} from '~/models/eet/roster-version.server'
import { IMPORT_MODES } from '~/models/eet/roster.schema'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { db } from '~/utils/db.server'
import { isDomainError } from '~/utils/domain-error'
import { fields, parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Import the sales force · Tenfold' }]

const MAX_BYTES = 20 * 1024 * 1024
const SHOWN_ISSUES = 200

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'roster:manage')
  return { imports: await listRosterImports(db) }
}

// Preview stores the file as a pending import; confirm names that pending import (nothing else can be
// written by it); undo names an applied one.
const ImportSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('preview'),
    mode: z.enum(IMPORT_MODES).catch('all_or_nothing'),
    full_roster: fields.checkbox(),
    // conform reads an empty file input as no value
    file: z
      .instanceof(File, { message: 'eet.import.noFile' })
      .refine((file) => file.size > 0, 'eet.import.noFile')
      .refine((file) => file.size <= MAX_BYTES, 'eet.import.tooLarge'),
  }),
  z.object({
    intent: z.literal('confirm'),
    import_id: z.uuid('eet.import.error.pendingGone'),
    confirm_leavers: fields.number({ min: 0, int: true }).optional(),
  }),
  z.object({ intent: z.literal('undo'), import_id: z.uuid('eet.import.undo.missing') }),
])

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
  const formData = await request.formData()
  const submission = parseSubmission(formData, ImportSchema, locale)
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { plan: null, importId: null })
  const input = submission.value
  try {
    if (input.intent === 'preview') {
      const staged = await stageRosterImport(db, admin, await input.file.text(), {
        mode: input.mode,
        fullRoster: input.full_roster,
        locale,
      })
      const { plan } = staged
      const refused = !staged.importId && !plan.fileError
      return data(
        {
          formError: plan.fileError ?? (refused ? translate(locale, 'eet.import.refused') : null),
          fieldErrors: null,
          plan: shown(plan),
          importId: staged.importId,
        },
        { status: plan.fileError || refused ? 400 : 200 },
      )
    }
    if (input.intent === 'confirm') {
      const applied = await confirmRosterImport(db, admin, {
        importId: input.import_id,
        confirmLeavers: input.confirm_leavers,
        locale,
      })
      return redirectWithToast('/roster/import', {
        kind: 'success',
        message: 'eet.import.done',
        vars: {
          create: applied.plan.create,
          update: applied.plan.update,
          unchanged: applied.plan.unchanged,
          left: applied.plan.markLeft,
        },
      })
    }
    if (!isConfirmed(formData)) return askConfirmation(formData)
    const undone = await undoRosterImport(db, admin, input.import_id)
    return redirectWithToast('/roster/import', {
      kind: 'success',
      message: 'eet.import.undo.done',
      vars: {
        restored: undone.restoredSellers,
        removed: undone.removedSellers,
        stints: undone.reopenedStints,
      },
    })
  } catch (error) {
    // A refused confirmation keeps its preview on the page (the leavers' count to type again).
    const importId = input.intent === 'confirm' ? input.import_id : null
    const pending =
      importId && isDomainError(error, 'eet.import.error.confirmLeavers')
        ? await pendingPlan(db, admin, importId, locale)
        : null
    return refuseSubmission(locale, submission, error, {
      plan: pending ? shown(pending) : null,
      importId: pending ? importId : null,
    })
  }
}

export default function RosterImportPage() {
  const actionData = useActionData<typeof action>()
  const { imports } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const t = useT()
  const answer = actionData && 'plan' in actionData ? actionData : undefined
  const formError = answer?.formError
  return (
    <>
      <PageHeader title={t('eet.import.title')} subtitle={<TextWithCodes text={t('eet.import.help')} />} />
      <Form method="post" encType="multipart/form-data" className="card form-grid">
        <FormError message={answer?.plan ? null : formError} />
        <TextField
          label={t('eet.import.file')}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          errors={answer?.fieldErrors}
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
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="full_roster" aria-describedby="full-roster-help" />
            {t('eet.import.fullRoster')}
          </label>
          <p id="full-roster-help" className="muted">
            {t('eet.import.fullRosterHelp')}
          </p>
        </div>
        <FormActions>
          <button type="submit" name="intent" value="preview" disabled={navigation.state !== 'idle'}>
            {t('eet.import.preview')}
          </button>
        </FormActions>
      </Form>
      {answer?.plan && !answer.plan.fileError ? (
        <RosterImportPreview
          plan={answer.plan}
          importId={answer.importId}
          formError={formError}
          fieldErrors={answer.fieldErrors}
        />
      ) : null}
      <RosterImportHistory imports={imports} />
    </>
  )
}
