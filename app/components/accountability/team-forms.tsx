import type { SubmissionResult } from '@conform-to/react'
import { FormKeyField } from '~/components/form-key'
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
  const { formProps, field, formError, formErrorId } = useSchemaForm(TeamMemberSchema, {
    id: 'team-add',
    lastResult,
  })
  return (
    <Form method="post" className="form-grid" {...formProps}>
      <h3>{t('accountability.addMember')}</h3>
      <FormError message={formError} id={formErrorId} />
      <FormKeyField />
      <input type="hidden" name="intent" value="add" />
      <div className="field-row">
        <TextField label={t('accountability.person')} {...field('person_name')} />
        <TextField label={t('accountability.email')} type="email" {...field('person_email')} />
      </div>
      <div className="field-row">
        <SelectField
          label={t('accountability.function')}
          options={TEAM_FUNCTIONS.map((f) => ({ value: f, label: t(`accountability.function.${f}`) }))}
          {...field('function')}
        />
        <TextField
          label={t('accountability.allocationPct')}
          type="number"
          defaultValue="50"
          {...field('allocation')}
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
  const { formProps, field, formError, formErrorId } = useSchemaForm(SpannerSchema, {
    id: 'team-background',
    lastResult,
  })
  return (
    <Form method="post" className="inline-form" {...formProps}>
      <FormError message={formError} id={formErrorId} />
      <input type="hidden" name="intent" value="background" />
      <SelectField
        label={t('accountability.spannerBackground')}
        defaultValue={background ?? undefined}
        options={SPANNER_BACKGROUNDS.map((b) => ({ value: b, label: t(`accountability.background.${b}`) }))}
        {...field('spanner_background')}
      />
      <button type="submit" className="button-secondary">
        {t('action.save')}
      </button>
    </Form>
  )
}
