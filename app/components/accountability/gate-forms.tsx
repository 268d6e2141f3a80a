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
import { ConfirmSubmit } from '~/components/confirm-dialog'
import { useT } from '~/i18n/react'
import { decisionOf } from './case-forms'
import type { GateCriterion } from '~/models/accountability/tables'
import { GateCriteriaList } from './gate-criteria'
import {
  GATE_DECISIONS,
  GateDecisionSchema,
  GateRequestSchema,
  type GateCriterionKey,
} from '~/models/accountability/gate.schema'

type LastResult = SubmissionResult<string[]> | null | undefined

/**
 * The lead asks for the next stage: the criteria the data judges are shown as judged now; the others
 * are ticked with a note saying how the lead knows.
 */
export function GateRequestForm({
  criteria,
  lastResult,
}: {
  criteria: readonly GateCriterion[]
  lastResult: LastResult
}) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(GateRequestSchema, {
    id: 'gate-request',
    lastResult,
  })
  const judged = criteria.filter((criterion) => criterion.source === 'data')
  const attested = criteria.filter((criterion) => criterion.source !== 'data')
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="request" />
      {judged.length ? <GateCriteriaList criteria={judged} /> : null}
      {attested.length ? (
        <fieldset>
          <legend>{t('accountability.criteria')}</legend>
          <p className="field-hint">{t('accountability.gateEvidence.attestHint')}</p>
          {attested.map(({ key }) => (
            <div key={key}>
              <label className="checkbox">
                <input type="checkbox" name="criteria" value={key} />{' '}
                {t(`accountability.criterion.${key as GateCriterionKey}`)}
              </label>
              <TextField
                label={`${t(`accountability.criterion.${key as GateCriterionKey}`)} · ${t('accountability.gateEvidence.note')}`}
                {...field(`notes.${key}`)}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
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
          options={GATE_DECISIONS.map((value) => ({
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
      <TextAreaField
        label={t('accountability.gateOverrideReason')}
        hint={t('accountability.gateOverrideHint')}
        {...field('override_reason')}
      />
      <FormActions>
        <ConfirmSubmit
          label={t('accountability.recordDecision')}
          title={t('accountability.rejectGateConfirm')}
          message={t('accountability.rejectGateConfirmBody')}
          confirmLabel={t('confirm.reject')}
          match={{ intent: 'decide', gate_id: gateId }}
          asks={(form) => decisionOf(form) === 'rejected'}
        />
      </FormActions>
    </Form>
  )
}
