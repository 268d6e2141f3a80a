import { Link } from '@remix-run/react'
import { useFormat, useT } from '~/i18n/react'
import type { InitiativeStatus, Stage } from '~/utils/db.types'
import { type SortState } from '../list-controls'
import { Badge, EmptyState } from '../page'
import { SortableTh } from '../sortable-th'

export type InitiativeRow = {
  id: string
  name: string
  stage: Stage
  status: InitiativeStatus
  program_name: string
  lead_name: string | null
  sponsor_name: string | null
  start_date: string | null
  target_date: string | null
  archived_at: Date | string | null
}

const STATUS_TONE: Record<InitiativeStatus, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  proposed: 'info',
  active: 'good',
  paused: 'warn',
  completed: 'neutral',
  stopped: 'bad',
}

export function StageBadge({ stage }: { stage: Stage }) {
  const t = useT()
  return <span className={`stage stage-${stage}`}>{t(`stage.${stage}`)}</span>
}

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const t = useT()
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>
}

export function InitiativeTable({
  initiatives,
  emptyText,
  sort,
}: {
  initiatives: InitiativeRow[]
  emptyText: string
  /** The list's sort (initiatives page): the headers sort it. */
  sort?: SortState
}) {
  const t = useT()
  const format = useFormat()
  if (!initiatives.length) return <EmptyState>{emptyText}</EmptyState>
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <SortableTh sortKey="name" sort={sort}>
              {t('initiative.name')}
            </SortableTh>
            <SortableTh sortKey="program" sort={sort}>
              {t('initiative.program')}
            </SortableTh>
            <SortableTh sortKey="stage" sort={sort}>
              {t('initiative.stage')}
            </SortableTh>
            <SortableTh sortKey="status" sort={sort}>
              {t('initiative.status')}
            </SortableTh>
            <SortableTh sortKey="lead" sort={sort}>
              {t('initiative.lead')}
            </SortableTh>
            <SortableTh sortKey="sponsor" sort={sort}>
              {t('initiative.sponsor')}
            </SortableTh>
            <SortableTh sortKey="target" sort={sort}>
              {t('initiative.targetDate')}
            </SortableTh>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((initiative) => (
            <tr key={initiative.id}>
              <th scope="row">
                <Link to={`/initiatives/${initiative.id}`}>{initiative.name}</Link>
                {initiative.archived_at ? <Badge>{t('common.archived')}</Badge> : null}
              </th>
              <td>{initiative.program_name}</td>
              <td>
                <StageBadge stage={initiative.stage} />
              </td>
              <td>
                <StatusBadge status={initiative.status} />
              </td>
              <td>{initiative.lead_name ?? t('common.unassigned')}</td>
              <td>{initiative.sponsor_name ?? t('common.unassigned')}</td>
              <td>{format.date(initiative.target_date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
