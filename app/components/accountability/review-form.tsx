import type { SubmissionResult } from '@conform-to/react'
import { ConfirmFarDate } from '~/components/confirm-far-date'
import { FormKeyField } from '~/components/form-key'
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
  const { formProps, field, errors, formError, formErrorId } = useSchemaForm(ReviewSchema, {
    id: 'governance-review',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="review" />
      <div className="field-row">
        <SelectField
          label={t('accountability.overlapKind')}
          defaultValue={prefill.kind}
          options={OVERLAP_KINDS.map((kind) => ({ value: kind, label: t(`accountability.overlap.${kind}`) }))}
          {...field('overlap_kind')}
        />
        <TextField label={t('accountability.subject')} defaultValue={prefill.subject} {...field('subject')} />
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
          options={GOVERNANCE_ACTIONS.map((a) => ({ value: a, label: t(`accountability.action.${a}`) }))}
          {...field('action')}
        />
        <SelectField
          label={t('accountability.owner')}
          placeholder=""
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          {...field('owner_id')}
        />
        <TextField label={t('accountability.dueDate')} type="date" {...field('due_date')} />
      </div>
      <ConfirmFarDate />
      <TextAreaField label={t('accountability.decision')} {...field('decision')} />
      <FormActions>
        <button type="submit">{t('accountability.recordReview')}</button>
      </FormActions>
    </Form>
  )
}
