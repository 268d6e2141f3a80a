import { ConfirmButton } from '~/components/confirm-dialog'
import { DataTable } from '~/components/data-table'
import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { RosterImportStatus } from '~/models/eet/tables'

type ImportVersion = {
  id: string
  status: RosterImportStatus
  actor_label: string
  full_roster: boolean
  applied_at: Date | string | null
  undone_at: Date | string | null
  undone_by: string | null
  undoable: boolean
  summary: { created: number; updated: number; markedLeft: number; stintsEnded: number }
}

/** The roster's versions: each import, what it did, and Undo (confirmed) within 7 days, newest first. */
export function RosterImportHistory({ imports }: { imports: readonly ImportVersion[] }) {
  const t = useT()
  const format = useFormat()
  return (
    <section aria-labelledby="import-history">
      <h2 id="import-history">{t('eet.import.history')}</h2>
      <p className="muted">{t('eet.import.historyHelp')}</p>
      {imports.length ? (
        <DataTable
          caption={t('eet.import.history')}
          rows={imports}
          rowKey={(row) => row.id}
          columns={[
            { header: t('eet.import.appliedAt'), cell: (row) => format.dateTime(row.applied_at) },
            { header: t('eet.import.by'), cell: (row) => row.actor_label },
            {
              header: t('eet.import.create'),
              cell: (row) => format.number(row.summary.created),
              numeric: true,
            },
            {
              header: t('eet.import.update'),
              cell: (row) => format.number(row.summary.updated),
              numeric: true,
            },
            {
              header: t('eet.import.markLeft'),
              cell: (row) => format.number(row.summary.markedLeft),
              numeric: true,
            },
            {
              header: t('eet.import.stintsEnding'),
              cell: (row) => format.number(row.summary.stintsEnded),
              numeric: true,
            },
            {
              header: t('eet.import.versionStatus'),
              cell: (row) =>
                row.status === 'undone' ? (
                  t('eet.import.undoneBy', { who: row.undone_by ?? '', when: format.dateTime(row.undone_at) })
                ) : row.undoable ? (
                  <ConfirmButton
                    fields={{ intent: 'undo', import_id: row.id }}
                    label={t('eet.import.undo')}
                    title={t('eet.import.undoTitle', { when: format.dateTime(row.applied_at) })}
                    message={t('eet.import.undoMessage', {
                      created: row.summary.created,
                      updated: row.summary.updated,
                      left: row.summary.markedLeft,
                      stints: row.summary.stintsEnded,
                    })}
                  />
                ) : (
                  t('eet.import.applied')
                ),
            },
          ]}
        />
      ) : (
        <EmptyState>{t('eet.import.noHistory')}</EmptyState>
      )}
    </section>
  )
}
