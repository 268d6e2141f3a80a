import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import {
  FormActions,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from '~/components/forms'
import { useT } from '~/i18n/react'
import { GOVERNANCE_ACTIONS, OVERLAP_KINDS, ReviewSchema } from '~/models/accountability/governance.schema'

type Choice = { id: string; name: string }

/**
 * A governance review of an overlap: what overlaps, which initiatives, what was decided, who follows
 * it up and by when. An overlap's "record a review" link prefills the kind, subject and initiatives.
 */
export function ReviewForm({
  prefill,
  initiatives,
  owners,
  lastResult,
}: {
  prefill: { kind?: string; subject?: string; ids: string[] }
  initiatives: Choice[]
  owners: Choice[]
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useT()
  const { formProps, constraints, errors, formError, formErrorId } = useSchemaForm(ReviewSchema, {
    id: 'governance-review',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="review" />
      <div className="field-row">
        <SelectField
          label={t('accountability.overlapKind')}
          name="overlap_kind"
          defaultValue={prefill.kind}
          options={OVERLAP_KINDS.map((kind) => ({ value: kind, label: t(`accountability.overlap.${kind}`) }))}
          constraints={constraints.overlap_kind}
          errors={errors}
        />
        <TextField
          label={t('accountability.subject')}
          name="subject"
          defaultValue={prefill.subject}
          constraints={constraints.subject}
          errors={errors}
        />
      </div>
      <SelectField
        label={t('accountability.initiatives')}
        name="initiative_ids"
        multiple
        defaultValue={prefill.ids}
        options={initiatives.map((i) => ({ value: i.id, label: i.name }))}
        errors={errors}
      />
      <div className="field-row">
        <SelectField
          label={t('accountability.actionLabel')}
          name="action"
          options={GOVERNANCE_ACTIONS.map((a) => ({ value: a, label: t(`accountability.action.${a}`) }))}
          constraints={constraints.action}
          errors={errors}
        />
        <SelectField
          label={t('accountability.owner')}
          name="owner_id"
          placeholder=""
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          constraints={constraints.owner_id}
          errors={errors}
        />
        <TextField
          label={t('accountability.dueDate')}
          name="due_date"
          type="date"
          constraints={constraints.due_date}
          errors={errors}
        />
      </div>
      <TextAreaField
        label={t('accountability.decision')}
        name="decision"
        constraints={constraints.decision}
        errors={errors}
      />
      <FormActions>
        <button type="submit">{t('accountability.recordReview')}</button>
      </FormActions>
    </Form>
  )
}
