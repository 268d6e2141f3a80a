import { Form, useNavigation } from '@remix-run/react'
import { DataTable } from '~/components/data-table'
import { FormActions, FormError, TextField } from '~/components/forms'
import { useFormat, useT } from '~/i18n/react'
import type { ImportPlan } from '~/models/eet/roster-import.server'
import type { FieldErrors } from '~/utils/forms'

type ShownPlan = ImportPlan & { hiddenIssues: number }

/**
 * A roster import's diff before anything is written: the counts, who is new, what changes (old → new),
 * who leaves, what that does to the EETs, pilots and managers; then the confirm step, bound to the
 * stored pending import, with the number of leavers to type when they are more than 10 %.
 */
export function RosterImportPreview({
  plan,
  importId,
  formError,
  fieldErrors,
}: {
  plan: ShownPlan
  importId: string | null
  formError?: string | null
  fieldErrors?: FieldErrors | null
}) {
  const t = useT()
  const format = useFormat()
  const navigation = useNavigation()
  const { effects } = plan
  const stats = [
    ['eet.import.rows', plan.rows],
    ['eet.import.create', plan.create],
    ['eet.import.update', plan.update],
    ['eet.import.unchanged', plan.unchanged],
    ['eet.import.markLeft', plan.markLeft],
    ['eet.import.absent', plan.absent],
    ['eet.import.stintsEnding', effects.stintCount],
    ['eet.import.invalid', plan.invalidLines],
  ] as const
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">{t('eet.import.previewTitle')}</h2>
      <div className="stat-grid">
        {stats.map(([label, value]) => (
          <div className="stat" key={label}>
            <span className="stat-value">{format.number(value)}</span>
            <span className="stat-label">{t(label)}</span>
          </div>
        ))}
      </div>
      {plan.absent && !plan.markLeft ? (
        <p className="muted">{t('eet.import.absentKept', { count: plan.absent })}</p>
      ) : null}
      {plan.issues.length ? (
        <DataTable
          caption={t('eet.import.invalid')}
          rows={plan.issues}
          rowKey={(issue) => `${issue.line}-${issue.field}-${issue.message}`}
          columns={[
            { header: t('eet.import.line'), cell: (issue) => issue.line, numeric: true },
            { header: t('eet.import.field'), cell: (issue) => <code>{issue.field}</code> },
            { header: t('eet.import.problem'), cell: (issue) => issue.message },
          ]}
        />
      ) : null}
      {plan.hiddenIssues ? (
        <p className="muted">{t('eet.import.moreIssues', { count: plan.hiddenIssues })}</p>
      ) : null}
      {effects.created.length ? (
        <DataTable
          caption={t('eet.import.createdList')}
          rows={effects.created}
          rowKey={(row) => row.seller_id}
          columns={[
            { header: t('eet.field.seller_id'), cell: (row) => row.seller_id },
            { header: t('eet.field.name'), cell: (row) => row.name },
            { header: t('eet.field.team'), cell: (row) => row.team },
          ]}
        />
      ) : null}
      {effects.changed.length ? (
        <DataTable
          caption={t('eet.import.changedList')}
          rows={effects.changed}
          rowKey={(row) => row.seller_id}
          columns={[
            { header: t('eet.field.seller_id'), cell: (row) => row.seller_id },
            { header: t('eet.field.name'), cell: (row) => row.name },
            {
              header: t('eet.import.changes'),
              cell: (row) => (
                <ul className="plain">
                  {row.changes.map((change) => (
                    <li key={change.field}>
                      <code>{change.field}</code>: {change.before || '—'} → {change.after || '—'}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
      {effects.leaving.length ? (
        <DataTable
          caption={t('eet.import.leavingList')}
          rows={effects.leaving}
          rowKey={(row) => row.seller_id}
          columns={[
            { header: t('eet.field.seller_id'), cell: (row) => row.seller_id },
            { header: t('eet.field.name'), cell: (row) => row.name },
            { header: t('eet.field.team'), cell: (row) => row.team },
          ]}
        />
      ) : null}
      {effects.pilots.length ? (
        <DataTable
          caption={t('eet.import.pilots')}
          rows={effects.pilots}
          rowKey={(row) => row.initiativeId}
          columns={[
            { header: t('eet.import.pilot'), cell: (row) => row.name },
            { header: t('eet.import.eetBefore'), cell: (row) => format.number(row.before), numeric: true },
            { header: t('eet.import.eetAfter'), cell: (row) => format.number(row.after), numeric: true },
          ]}
        />
      ) : null}
      {effects.stints.length ? (
        <DataTable
          caption={t('eet.import.stintsList')}
          rows={effects.stints}
          rowKey={(row) => `${row.initiative}-${row.seller_id}`}
          columns={[
            { header: t('eet.import.pilot'), cell: (row) => row.initiative },
            { header: t('eet.field.seller_id'), cell: (row) => row.seller_id },
            { header: t('eet.field.name'), cell: (row) => row.name },
          ]}
        />
      ) : null}
      {effects.managersLeaving.length ? (
        <DataTable
          caption={t('eet.import.managersLeaving')}
          rows={effects.managersLeaving}
          rowKey={(row) => row.seller_id}
          columns={[
            { header: t('eet.field.seller_id'), cell: (row) => row.seller_id },
            { header: t('eet.field.name'), cell: (row) => row.name },
            { header: t('eet.import.reports'), cell: (row) => format.number(row.reports), numeric: true },
          ]}
        />
      ) : null}
      {effects.managerChanges ? (
        <p className="muted">{t('eet.import.managerChanges', { count: effects.managerChanges })}</p>
      ) : null}
      {importId ? (
        <Form method="post" className="card form-grid" aria-labelledby="import-confirm">
          <h3 id="import-confirm">{t('eet.import.confirmTitle')}</h3>
          <FormError message={formError} />
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="import_id" value={importId} />
          {plan.needsLeaverConfirmation ? (
            <TextField
              label={t('eet.import.confirmLeavers', { count: plan.markLeft, total: plan.salesForce })}
              name="confirm_leavers"
              inputMode="numeric"
              autoComplete="off"
              required
              errors={fieldErrors}
            />
          ) : null}
          <FormActions>
            <button type="submit" disabled={navigation.state !== 'idle'}>
              {t('eet.import.apply')}
            </button>
          </FormActions>
        </Form>
      ) : (
        <FormError message={formError} />
      )}
    </section>
  )
}
