import type { SubmissionResult } from '@conform-to/react'
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
import {
  GateDecisionSchema,
  GateRequestSchema,
  type GateCriterionKey,
} from '~/models/accountability/gate.schema'

type LastResult = SubmissionResult<string[]> | null | undefined

/** The lead asks for the next stage, ticking the criteria the initiative meets. */
export function GateRequestForm({
  criteria,
  lastResult,
}: {
  criteria: readonly GateCriterionKey[]
  lastResult: LastResult
}) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(GateRequestSchema, {
    id: 'gate-request',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="request" />
      <fieldset>
        <legend>{t('accountability.criteria')}</legend>
        {criteria.map((key) => (
          <label key={key} className="checkbox">
            <input type="checkbox" name="criteria" value={key} /> {t(`accountability.criterion.${key}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField label={t('accountability.gateNote')} {...field('request_note')} />
      <FormActions>
        <button type="submit">{t('accountability.askForDecision')}</button>
      </FormActions>
    </Form>
  )
}

/** The sponsor's decision on the pending gate; a rejection needs notes. */
export function GateDecisionForm({
  gateId,
  today,
  lastResult,
}: {
  gateId: string
  today: string
  lastResult: LastResult
}) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(GateDecisionSchema, {
    id: 'gate-decision',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="gate_id" value={gateId} />
      <div className="field-row">
        <SelectField
          label={t('accountability.decision')}
          options={(['approved', 'rejected'] as const).map((value) => ({
            value,
            label: t(`accountability.gateStatus.${value}`),
          }))}
          {...field('decision')}
        />
        <TextField
          label={t('accountability.decisionDate')}
          type="date"
          defaultValue={today}
          {...field('decision_date')}
        />
      </div>
      <TextAreaField label={t('accountability.decisionNotes')} {...field('decision_notes')} />
      <FormActions>
        <button type="submit">{t('accountability.recordDecision')}</button>
      </FormActions>
    </Form>
  )
}
