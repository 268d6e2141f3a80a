import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormError, SelectField, TextAreaField, useSchemaForm } from '~/components/forms'
import { ConfirmSubmit } from '~/components/confirm-dialog'
import { decisionOf } from '~/components/accountability/case-forms'
import { useT } from '~/i18n/react'
import { ApprovalDecisionSchema } from '~/models/sponsor/approvals.schema'

// One row's decision in the approvals inbox: approve, request changes or reject, with a note (needed
// unless approving) and, for a gate approved with an unmet criterion, the override's reason.

export function ApprovalForm({
  kind,
  rowId,
  initiativeId,
  label,
  lastResult,
}: {
  kind: 'case' | 'gate'
  rowId: string
  initiativeId: string
  label: string
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(ApprovalDecisionSchema, {
    id: `decide-${rowId}`,
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" aria-label={label} {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value={kind === 'case' ? 'decide-case' : 'decide-gate'} />
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <input type="hidden" name="rowId" value={rowId} />
      <SelectField
        label={t('accountability.decision')}
        options={(['approved', 'changes_requested', 'rejected'] as const).map((value) => ({
          value,
          label: t(`accountability.caseStatus.${value}`),
        }))}
        {...field('decision')}
      />
      <TextAreaField label={t('accountability.comment')} {...field('note')} />
      {kind === 'gate' ? (
        <TextAreaField
          label={t('accountability.gateOverrideReason')}
          hint={t('accountability.gateOverrideHint')}
          {...field('override_reason')}
        />
      ) : null}
      <ConfirmSubmit
        label={t('accountability.recordDecision')}
        title={t(kind === 'case' ? 'accountability.rejectCaseConfirm' : 'accountability.rejectGateConfirm')}
        message={t(
          kind === 'case' ? 'accountability.rejectCaseConfirmBody' : 'accountability.rejectGateConfirmBody',
        )}
        confirmLabel={t('confirm.reject')}
        match={{ rowId }}
        asks={(form) => decisionOf(form) === 'rejected'}
      />
    </Form>
  )
}
