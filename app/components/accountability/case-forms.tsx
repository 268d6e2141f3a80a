import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form } from '@remix-run/react'
import { FormActions, FormError, SelectField, TextAreaField, useSchemaForm } from '~/components/forms'
import { ConfirmSubmit } from '~/components/confirm-dialog'
import { useT } from '~/i18n/react'
import { CaseCommentSchema, CaseDecisionSchema } from '~/models/accountability/business-case.schema'

type LastResult = SubmissionResult<string[]> | null | undefined

/** The decision chosen in a decision form (a rejection asks first). */
export const decisionOf = (form: HTMLFormElement) =>
  (form.elements.namedItem('decision') as HTMLSelectElement | null)?.value

/** The sponsor's decision on a submitted case; anything but an approval needs a comment. */
export function CaseDecisionForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(CaseDecisionSchema, {
    id: 'case-decision',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="decide" />
      <SelectField
        label={t('accountability.decision')}
        options={(['approved', 'changes_requested', 'rejected'] as const).map((value) => ({
          value,
          label: t(`accountability.caseStatus.${value}`),
        }))}
        {...field('decision')}
      />
      <TextAreaField
        label={t('accountability.comment')}
        hint={t('accountability.commentHint')}
        {...field('note')}
      />
      <FormActions>
        <ConfirmSubmit
          label={t('accountability.recordDecision')}
          title={t('accountability.rejectCaseConfirm')}
          message={t('accountability.rejectCaseConfirmBody')}
          confirmLabel={t('confirm.reject')}
          match={{ intent: 'decide' }}
          asks={(form) => decisionOf(form) === 'rejected'}
        />
      </FormActions>
    </Form>
  )
}

export function CaseCommentForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(CaseCommentSchema, {
    id: 'case-comment',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="comment" />
      <TextAreaField label={t('accountability.addComment')} {...field('comment')} />
      <FormActions>
        <button type="submit" className="button-secondary">
          {t('accountability.postComment')}
        </button>
      </FormActions>
    </Form>
  )
}
