import { Link } from '@remix-run/react'
import { useT } from '~/i18n/react'

/** The header's "needs you" count: how many items wait for the reader, linking to the home list. */
export function NeedsYouLink({ count }: { count: number }) {
  const t = useT()
  return (
    <Link
      to="/#needs-you-title"
      className="needs-you-link"
      aria-label={t('attention.needsYou.count', { count })}
    >
      {t('attention.needsYou.title')}
      {count > 0 ? <span className="count-badge">{count}</span> : null}
    </Link>
  )
}
