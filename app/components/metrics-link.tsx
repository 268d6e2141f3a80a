import { Link } from '@remix-run/react'
import { useT } from '~/i18n/react'

// A page's method text links to its figures' definitions: the section of docs/metrics.md, served by the
// app at /help/metrics (the definitions are written in English only, and the link says so).
export function MetricsLink({ section }: { section: string }) {
  const t = useT()
  return (
    <Link to={`/help/metrics#${section}`} className="metrics-link">
      {t('common.metricsDefinition')}
    </Link>
  )
}
