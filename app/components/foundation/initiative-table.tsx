import { Link } from '@remix-run/react'
import { useFormat, useT } from '~/i18n/react'
import type { InitiativeStatus, Stage } from '~/utils/db.types'
import { Badge, EmptyState } from '../page'

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
}: {
  initiatives: InitiativeRow[]
  emptyText: string
}) {
  const t = useT()
  const format = useFormat()
  if (!initiatives.length) return <EmptyState>{emptyText}</EmptyState>
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('initiative.name')}</th>
            <th scope="col">{t('initiative.program')}</th>
            <th scope="col">{t('initiative.stage')}</th>
            <th scope="col">{t('initiative.status')}</th>
            <th scope="col">{t('initiative.lead')}</th>
            <th scope="col">{t('initiative.sponsor')}</th>
            <th scope="col">{t('initiative.targetDate')}</th>
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
