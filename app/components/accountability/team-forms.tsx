import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormActions, FormError, SelectField, TextField, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import {
  SPANNER_BACKGROUNDS,
  SpannerSchema,
  TEAM_FUNCTIONS,
  TeamMemberSchema,
} from '~/models/accountability/team.schema'
import type { SpannerBackground } from '~/models/accountability/tables'

type LastResult = SubmissionResult<string[]> | null | undefined

/** Adds a person to the cross-functional team: name, email, function and share of their time. */
export function TeamMemberForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT()
  const { formProps, constraints, errors, formError, formErrorId } = useSchemaForm(TeamMemberSchema, {
    id: 'team-add',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <h3>{t('accountability.addMember')}</h3>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="add" />
      <div className="field-row">
        <TextField
          label={t('accountability.person')}
          name="person_name"
          constraints={constraints.person_name}
          errors={errors}
        />
        <TextField
          label={t('accountability.email')}
          name="person_email"
          type="email"
          constraints={constraints.person_email}
          errors={errors}
        />
      </div>
      <div className="field-row">
        <SelectField
          label={t('accountability.function')}
          name="function"
          options={TEAM_FUNCTIONS.map((f) => ({ value: f, label: t(`accountability.function.${f}`) }))}
          constraints={constraints.function}
          errors={errors}
        />
        <TextField
          label={t('accountability.allocationPct')}
          name="allocation"
          type="number"
          constraints={constraints.allocation}
          defaultValue="50"
          errors={errors}
        />
      </div>
      <FormActions>
        <button type="submit">{t('accountability.addMember')}</button>
      </FormActions>
    </Form>
  )
}

/** The boundary spanner's background: sales and marketing, technology, or both. */
export function SpannerBackgroundForm({
  background,
  lastResult,
}: {
  background: SpannerBackground | null
  lastResult: LastResult
}) {
  const t = useT()
  const { formProps, constraints, errors, formError, formErrorId } = useSchemaForm(SpannerSchema, {
    id: 'team-background',
    lastResult,
  })
  return (
    <Form method="post" className="inline-form" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="background" />
      <SelectField
        label={t('accountability.spannerBackground')}
        name="spanner_background"
        defaultValue={background ?? undefined}
        options={SPANNER_BACKGROUNDS.map((b) => ({ value: b, label: t(`accountability.background.${b}`) }))}
        constraints={constraints.spanner_background}
        errors={errors}
      />
      <button type="submit" className="button-secondary">
        {t('action.save')}
      </button>
    </Form>
  )
}
