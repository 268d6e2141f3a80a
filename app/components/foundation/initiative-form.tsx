import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/react'
import { InitiativeSchema, STAGES, STATUSES } from '~/models/foundation/initiative.schema'
import type { InitiativeStatus, Stage } from '~/utils/db.types'
import { FormActions, FormError, FormFields, optionsOf, useSchemaForm } from '../forms'

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

// An existing initiative changes stage only through a stage gate (the sponsor's decision);
// the server ignores this field on update.
function StageThroughGates({ stage }: { stage: Stage }) {
  const t = useT()
  return (
    <div className="field">
      <span>{t('initiative.stage')}</span>
      <input type="hidden" name="stage" value={stage} />
      <p>
        {t(`stage.${stage}`)} ·{' '}
        <Link to="../gates" relative="path">
          {t('accountability.tab.gates')}
        </Link>
      </p>
      <p className="field-hint">{t('accountability.stageThroughGates')}</p>
    </div>
  )
}

export function InitiativeForm({
  values,
  programs,
  leads,
  sponsors,
  canAssignLead,
  lastResult,
  submitLabel,
}: {
  values?: Partial<InitiativeFormValues>
  programs: Option[]
  leads: Option[]
  sponsors: Option[]
  canAssignLead: boolean
  lastResult?: SubmissionResult<string[]> | null
  submitLabel: string
}) {
  const t = useT()
  const { formProps, constraints, errors, initial, formError, formErrorId } = useSchemaForm(
    InitiativeSchema,
    {
      id: 'initiative',
      lastResult,
    },
  )
  const toOptions = (options: Option[]) => options.map((o) => ({ value: o.id, label: o.name }))
  const form = { constraints, errors, initial }
  return (
    <Form method="post" className="card form-grid" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <FormFields
        {...form}
        fields={[
          {
            control: 'select',
            name: 'program_id',
            label: t('initiative.program'),
            options: toOptions(programs),
            defaultValue: values?.program_id,
          },
          { name: 'name', label: t('initiative.name'), defaultValue: values?.name },
          {
            control: 'textarea',
            name: 'objective',
            label: t('initiative.objective'),
            defaultValue: values?.objective,
          },
          canAssignLead ? (
            {
              control: 'select',
              name: 'lead_id',
              label: t('initiative.lead'),
              options: toOptions(leads),
              placeholder: t('common.unassigned'),
              defaultValue: values?.lead_id ?? '',
            }
          ) : (
            <p className="field-hint">{t('initiative.leadSelf')}</p>
          ),
          {
            control: 'select',
            name: 'sponsor_id',
            label: t('initiative.sponsor'),
            options: toOptions(sponsors),
            placeholder: t('common.unassigned'),
            defaultValue: values?.sponsor_id ?? '',
          },
        ]}
      />
      <div className="field-row">
        <FormFields
          {...form}
          fields={[
            values?.stage ? (
              <StageThroughGates stage={values.stage} />
            ) : (
              {
                control: 'select',
                name: 'stage',
                label: t('initiative.stage'),
                options: optionsOf(STAGES, (stage) => t(`stage.${stage}`)),
                defaultValue: 'frame',
              }
            ),
            {
              control: 'select',
              name: 'status',
              label: t('initiative.status'),
              options: optionsOf(STATUSES, (status) => t(`status.${status}`)),
              defaultValue: values?.status ?? 'active',
            },
          ]}
        />
      </div>
      <div className="field-row">
        <FormFields
          {...form}
          fields={[
            {
              name: 'start_date',
              label: t('initiative.startDate'),
              type: 'date',
              defaultValue: values?.start_date ?? '',
            },
            {
              name: 'target_date',
              label: t('initiative.targetDate'),
              type: 'date',
              defaultValue: values?.target_date ?? '',
            },
          ]}
        />
      </div>
      <FormActions>
        <button type="submit">{submitLabel}</button>
      </FormActions>
    </Form>
  )
}
