import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requirePermission, requireUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import { FrontlineManagersTable, TrainingFigures } from '~/components/change/training'
import { FormActions, FormError, FormFields, optionsOf, useSchemaForm } from '~/components/forms'
import { EmptyState } from '~/components/page'
import { useT } from '~/i18n/react'
import { frontlineManagersEvidence } from '~/models/change/checklist-managers.server'
import { saveThresholds, thresholdsFor } from '~/models/change/settings.server'
import {
  ManualCompletionSchema,
  ModuleSchema,
  ThresholdsSchema,
  TRAINING_KINDS,
} from '~/models/change/training.schema'
import { createModule, recordCompletions } from '~/models/change/training.server'
import { trainingView } from '~/models/change/training-view.server'
import { actorOf } from '~/models/foundation/audit.server'
import { requireEditableInitiative, requireInitiative } from '~/models/foundation/initiative-guard.server'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { parseSubmission } from '~/utils/forms'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const [view, managers, thresholds] = await Promise.all([
    trainingView(db, user, initiative.id),
    frontlineManagersEvidence(db, [initiative.id]),
    thresholdsFor(db, [initiative.program_id]),
  ])
  return {
    initiativeId: initiative.id,
    view,
    managers: managers.get(initiative.id)!,
    thresholds: thresholds(initiative.program_id),
    canEdit: initiative.can_edit,
    canSetThresholds: can(user.role, 'program:manage'),
  }
}

const TrainingSchema = z.discriminatedUnion('intent', [
  ModuleSchema,
  ManualCompletionSchema,
  ThresholdsSchema,
])

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const isThresholds = formData.get('intent') === 'thresholds'
  const user = isThresholds ? await requirePermission(request, 'program:manage') : await requireUser(request)
  const initiative = isThresholds
    ? await requireInitiative(user, params.initiativeId)
    : await requireEditableInitiative(user, params.initiativeId)
  const submission = parseSubmission(formData, TrainingSchema, locale)
  const form = { form: String(formData.get('intent') ?? '') }
  if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, form)
  const input = submission.value
  try {
    if (input.intent === 'module') await createModule(db, user, initiative.id, input)
    else if (input.intent === 'thresholds') await saveThresholds(db, user, initiative.program_id, input)
    else {
      const item = {
        module_key: input.module_key,
        seller_id: input.seller_id,
        completed_on: input.completed_on,
      }
      const report = await recordCompletions(
        db,
        actorOf(user),
        [{ index: 0, raw: item }],
        'manual',
        initiative.id,
      )
      const error = report.rejected[0]?.errors[0]
      if (error) {
        const field =
          error === 'unknown_seller' ? 'seller_id' : error === 'future_date' ? 'completed_on' : 'module_key'
        throw new DomainError(`change.training.rowError.${error}` as const, { field })
      }
    }
  } catch (error) {
    return refuseSubmission(locale, submission, error, form)
  }
  return redirectWithToast(`/initiatives/${initiative.id}/training`, {
    kind: 'success',
    message: `change.training.saved.${input.intent}`,
  })
}

export default function TrainingPage() {
  const { initiativeId, view, managers, thresholds, canEdit, canSetThresholds } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const resultFor = (name: string) => (actionData?.form === name ? actionData.result : undefined)
  const moduleForm = useSchemaForm(ModuleSchema, { lastResult: resultFor('module') })
  const completionForm = useSchemaForm(ManualCompletionSchema, {
    lastResult: resultFor('completion'),
    defaultValue: { completed_on: view.today },
  })
  const thresholdForm = useSchemaForm(ThresholdsSchema, {
    lastResult: resultFor('thresholds'),
    defaultValue: {
      training_threshold_pct: String(thresholds.training_threshold_pct),
      managers_threshold_pct: String(thresholds.managers_threshold_pct),
    },
  })
  return (
    <section className="card" aria-labelledby="training-title">
      <h2 id="training-title">{t('change.training.heading')}</h2>
      <p className="field-hint">{t('change.training.explain')}</p>
      <h3>{t('change.training.modules')}</h3>
      {view.modules.length ? (
        <ul>
          {view.modules.map((module) => (
            <li key={module.id}>
              {module.title} · <code>{module.key}</code> · {t(`change.training.kind.${module.kind}`)}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('change.training.noModules')}</EmptyState>
      )}
      {canEdit ? (
        <p>
          <Link to={`/initiatives/${initiativeId}/training/import`}>{t('change.training.importLink')}</Link>
        </p>
      ) : null}
      <TrainingFigures view={view} />
      <FrontlineManagersTable managers={managers} threshold={thresholds.managers_threshold_pct} />
      {canEdit ? (
        <>
          <Form method="post" {...moduleForm.formProps} className="card">
            <h3>{t('change.training.addModule')}</h3>
            <input type="hidden" name="intent" value="module" />
            <FormError message={moduleForm.formError} id={moduleForm.formErrorId} />
            <FormFields
              constraints={moduleForm.constraints}
              errors={moduleForm.errors}
              initial={moduleForm.initial}
              fields={[
                { name: 'key', label: t('change.training.key'), hint: t('change.training.keyHint') },
                { name: 'title', label: t('change.training.title') },
                {
                  control: 'select',
                  name: 'kind',
                  label: t('change.training.kindLabel'),
                  options: optionsOf(TRAINING_KINDS, (kind) => t(`change.training.kind.${kind}`)),
                },
              ]}
            />
            <FormActions>
              <button type="submit">{t('change.training.saveModule')}</button>
            </FormActions>
          </Form>
          {view.modules.length ? (
            <Form method="post" {...completionForm.formProps} className="card">
              <h3>{t('change.training.recordCompletion')}</h3>
              <input type="hidden" name="intent" value="completion" />
              <FormError message={completionForm.formError} id={completionForm.formErrorId} />
              <FormFields
                constraints={completionForm.constraints}
                errors={completionForm.errors}
                initial={completionForm.initial}
                fields={[
                  {
                    control: 'select',
                    name: 'module_key',
                    label: t('change.training.module'),
                    options: view.modules.map((module) => ({ value: module.key, label: module.title })),
                  },
                  { name: 'seller_id', label: t('change.training.sellerId') },
                  {
                    name: 'completed_on',
                    type: 'date',
                    label: t('change.training.completedOn'),
                    defaultValue: view.today,
                  },
                ]}
              />
              <FormActions>
                <button type="submit">{t('change.training.saveCompletion')}</button>
              </FormActions>
            </Form>
          ) : null}
        </>
      ) : null}
      {canSetThresholds ? (
        <Form method="post" {...thresholdForm.formProps} className="card">
          <h3>{t('change.training.thresholds')}</h3>
          <p className="field-hint">{t('change.training.thresholdsExplain')}</p>
          <input type="hidden" name="intent" value="thresholds" />
          <FormError message={thresholdForm.formError} id={thresholdForm.formErrorId} />
          <FormFields
            constraints={thresholdForm.constraints}
            errors={thresholdForm.errors}
            initial={thresholdForm.initial}
            fields={[
              {
                name: 'training_threshold_pct',
                type: 'number',
                label: t('change.training.trainingThreshold'),
              },
              {
                name: 'managers_threshold_pct',
                type: 'number',
                label: t('change.training.managersThreshold'),
              },
            ]}
          />
          <FormActions>
            <button type="submit">{t('change.training.saveThresholds')}</button>
          </FormActions>
        </Form>
      ) : (
        <p className="muted">
          {t('change.training.thresholdsAre', {
            training: thresholds.training_threshold_pct / 100,
            managers: thresholds.managers_threshold_pct / 100,
          })}
        </p>
      )}
    </section>
  )
}
