import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormActions, FormError, FormFields, useSchemaForm } from '~/components/forms'
import { ConfirmSubmit } from '~/components/confirm-dialog'
import { useT } from '~/i18n/react'
import { MergeSchema, TriageSchema, type FeedbackStatusName } from '~/models/eet/eet.schema'

// The triage forms of a feedback item (its next status, merging it into another item), each on conform
// with the schema its action parses with; each gets the action's answer only when it was submitted.

type LastResult = SubmissionResult<string[]> | null | undefined

export function TriageForm({
  nextStatuses,
  backlogChoices,
  lastResult,
}: {
  nextStatuses: readonly FeedbackStatusName[]
  backlogChoices: { id: string; title: string }[]
  lastResult: LastResult
}) {
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(TriageSchema, {
    id: 'feedback-triage-form',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <input type="hidden" name="intent" value="status" />
      <FormError message={formError} id={formErrorId} />
      <FormFields
        initial={initial}
        constraints={constraints}
        errors={errors}
        fields={[
          {
            control: 'select',
            name: 'status',
            label: t('eet.feedback.moveTo'),
            options: nextStatuses.map((status) => ({ value: status, label: t(`eet.status.${status}`) })),
          },
          ...(backlogChoices.length
            ? [
                {
                  control: 'select' as const,
                  name: 'backlog_item_id',
                  label: t('eet.feedback.backlog'),
                  placeholder: t('common.none'),
                  options: backlogChoices.map((choice) => ({ value: choice.id, label: choice.title })),
                },
              ]
            : []),
          { control: 'textarea', name: 'decline_reason', label: t('eet.feedback.declineReason'), rows: 2 },
          { control: 'textarea', name: 'note', label: t('eet.feedback.note'), rows: 2 },
        ]}
      />
      <FormActions>
        <ConfirmSubmit
          label={t('eet.feedback.apply')}
          title={t('eet.feedback.declineConfirm')}
          message={t('eet.feedback.declineConfirmBody')}
          confirmLabel={t('confirm.decline')}
          match={{ intent: 'status' }}
          asks={(form) =>
            (form.elements.namedItem('status') as HTMLSelectElement | null)?.value === 'declined'
          }
        />
      </FormActions>
    </Form>
  )
}

export function MergeForm({
  mergeTargets,
  lastResult,
}: {
  mergeTargets: { id: string; title: string; status: FeedbackStatusName }[]
  lastResult: LastResult
}) {
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(MergeSchema, {
    id: 'feedback-merge-form',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <input type="hidden" name="intent" value="merge" />
      <FormError message={formError} id={formErrorId} />
      <FormFields
        initial={initial}
        constraints={constraints}
        errors={errors}
        fields={[
          {
            control: 'select',
            name: 'target_id',
            label: t('eet.feedback.merge'),
            options: mergeTargets.map((target) => ({
              value: target.id,
              label: `${target.title} (${t(`eet.status.${target.status}`)})`,
            })),
          },
        ]}
      />
      <FormActions>
        <ConfirmSubmit
          className="button-secondary"
          label={t('eet.feedback.mergeButton')}
          title={t('eet.feedback.mergeConfirm')}
          message={t('eet.feedback.mergeConfirmBody')}
          confirmLabel={t('confirm.merge')}
          match={{ intent: 'merge' }}
          describe={(form) => {
            const select = form.elements.namedItem('target_id') as HTMLSelectElement | null
            return select?.selectedOptions[0]?.textContent ?? null
          }}
        />
      </FormActions>
    </Form>
  )
}
