import type React from 'react'
import { Badge } from '~/components/page'
import { useT } from '~/i18n/react'
import type { FeedbackStatusName } from '~/models/eet/eet.schema'

const TONE: Record<FeedbackStatusName, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  new: 'info',
  under_review: 'warn',
  planned: 'neutral',
  shipped: 'good',
  declined: 'bad',
}

export function FeedbackStatusBadge({ status }: { status: FeedbackStatusName }) {
  const t = useT()
  return <Badge tone={TONE[status]}>{t(`eet.status.${status}`)}</Badge>
}

/** The heading of a section inside the initiative layout (which holds the page's h1). */
export function SectionHeader({
  title,
  subtitle,
  actions,
}: {
  title: string
  subtitle?: React.ReactNode
  actions?: React.ReactNode
}) {
  return (
    <header className="page-header">
      <div>
        <h2>{title}</h2>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  )
}
