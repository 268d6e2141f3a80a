import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { listRevisions } from '~/models/kpi/measurement.server'
import { KpiValue } from './kpi-ui'

type Revision = Awaited<ReturnType<typeof listRevisions>>[number]

/** Every change to the KPI's values: when, by whom, for which period, old → new, from where, and why. */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  const t = useT()
  const format = useFormat()
  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('kpi.revisions')}</h2>
      {revisions.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('kpi.changedAt')}</th>
                <th scope="col">{t('kpi.changedBy')}</th>
                <th scope="col">{t('kpi.period')}</th>
                <th scope="col">{t('kpi.change')}</th>
                <th scope="col">{t('kpi.source')}</th>
                <th scope="col">{t('kpi.note')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.id}>
                  <td>{format.dateTime(revision.changed_at)}</td>
                  <td>{revision.changed_by_label}</td>
                  <td>{format.date(revision.period_end)}</td>
                  <td>
                    <KpiValue value={revision.old_value} /> → <KpiValue value={revision.new_value} />
                  </td>
                  <td>{t(`kpi.source.${revision.source}`)}</td>
                  <td>{revision.new_note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('kpi.revisionsEmpty')}</EmptyState>
      )}
    </section>
  )
}
