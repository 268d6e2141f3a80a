import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormActions, FormError, TextAreaField, TextField, useSchemaForm } from '~/components/forms'
import { useT } from '~/i18n/react'
import { AttestationSchema } from '~/models/accountability/checklist.schema'

/**
 * A person attests one checklist item the data cannot tell: met or not, a note, a link to the evidence.
 * It opens by itself when the action answered this item.
 */
export function AttestationForm({
  item,
  lastResult,
}: {
  item: { key: string; met: boolean | null; note?: string; evidence: string | null }
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const t = useT()
  const { formProps, field, formError, formErrorId } = useSchemaForm(AttestationSchema, {
    id: `attest-${item.key}`,
    lastResult,
  })
  return (
    <details open={Boolean(lastResult)}>
      <summary>{t('accountability.attest')}</summary>
      <Form method="post" className="form-grid" {...formProps}>
        <FormError message={formError} id={formErrorId} />
        <input type="hidden" name="intent" value="attest" />
        <input type="hidden" name="item" value={item.key} />
        <label className="checkbox">
          <input type="checkbox" name="met" defaultChecked={item.met === true} />{' '}
          {t('accountability.check.metLabel')}
        </label>
        <TextAreaField
          label={t('accountability.note')}
          defaultValue={item.note}
          rows={2}
          {...field('note')}
        />
        <TextField
          label={t('accountability.evidenceUrl')}
          defaultValue={item.evidence ?? ''}
          {...field('evidence_url')}
        />
        <FormActions>
          <button type="submit" className="button-secondary">
            {t('accountability.attest')}
          </button>
        </FormActions>
      </Form>
    </details>
  )
}
