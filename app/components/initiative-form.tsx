import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/react'
import type { InitiativeStatus, Stage } from '~/utils/db.types'
import type { Constraints, FieldErrors } from '~/utils/forms'
import { FormActions, FormError, SelectField, TextAreaField, TextField } from './forms'

const STAGES: Stage[] = ['frame', 'design', 'pilot', 'scale', 'sustain']
const STATUSES: InitiativeStatus[] = ['proposed', 'active', 'paused', 'completed', 'stopped']

type Option = { id: string; name: string }
export type InitiativeFormValues = {
  program_id: string
  name: string
  objective: string
  lead_id: string | null
  sponsor_id: string | null
  stage: Stage
  status: InitiativeStatus
  start_date: string | null
  target_date: string | null
}

export function InitiativeForm({
  values,
  programs,
  leads,
  sponsors,
  canAssignLead,
  constraints,
  fieldErrors,
  formError,
  submitLabel,
}: {
  values?: Partial<InitiativeFormValues>
  programs: Option[]
  leads: Option[]
  sponsors: Option[]
  canAssignLead: boolean
  constraints: Record<string, Constraints>
  fieldErrors?: FieldErrors | null
  formError?: string | null
  submitLabel: string
}) {
  const t = useT()
  const toOptions = (options: Option[]) => options.map((o) => ({ value: o.id, label: o.name }))
  return (
    <Form method="post" className="card form-grid">
      <FormError message={formError} />
      <SelectField
        label={t('initiative.program')}
        name="program_id"
        options={toOptions(programs)}
        defaultValue={values?.program_id}
        constraints={constraints.program_id}
        errors={fieldErrors}
      />
      <TextField
        label={t('initiative.name')}
        name="name"
        defaultValue={values?.name}
        constraints={constraints.name}
        errors={fieldErrors}
      />
      <TextAreaField
        label={t('initiative.objective')}
        name="objective"
        defaultValue={values?.objective}
        constraints={constraints.objective}
        errors={fieldErrors}
      />
      {canAssignLead ? (
        <SelectField
          label={t('initiative.lead')}
          name="lead_id"
          options={toOptions(leads)}
          placeholder={t('common.unassigned')}
          defaultValue={values?.lead_id ?? ''}
          errors={fieldErrors}
        />
      ) : (
        <p className="field-hint">{t('initiative.leadSelf')}</p>
      )}
      <SelectField
        label={t('initiative.sponsor')}
        name="sponsor_id"
        options={toOptions(sponsors)}
        placeholder={t('common.unassigned')}
        defaultValue={values?.sponsor_id ?? ''}
        errors={fieldErrors}
      />
      <div className="field-row">
        {values?.stage ? (
          // An existing initiative changes stage only through a stage gate (the sponsor's decision);
          // the server ignores this field on update.
          <div className="field">
            <span>{t('initiative.stage')}</span>
            <input type="hidden" name="stage" value={values.stage} />
            <p>
              {t(`stage.${values.stage}`)} ·{' '}
              <Link to="../gates" relative="path">
                {t('accountability.tab.gates')}
              </Link>
            </p>
            <p className="field-hint">{t('accountability.stageThroughGates')}</p>
          </div>
        ) : (
          <SelectField
            label={t('initiative.stage')}
            name="stage"
            options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
            defaultValue="frame"
            constraints={constraints.stage}
            errors={fieldErrors}
          />
        )}
        <SelectField
          label={t('initiative.status')}
          name="status"
          options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          defaultValue={values?.status ?? 'active'}
          constraints={constraints.status}
          errors={fieldErrors}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('initiative.startDate')}
          name="start_date"
          type="date"
          defaultValue={values?.start_date ?? ''}
          errors={fieldErrors}
        />
        <TextField
          label={t('initiative.targetDate')}
          name="target_date"
          type="date"
          defaultValue={values?.target_date ?? ''}
          errors={fieldErrors}
        />
      </div>
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
