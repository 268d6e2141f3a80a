import { Link } from '@remix-run/react'
import { Icon } from '~/components/shell/icons'
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
      {/* The words on a laptop, an icon on a phone's narrow top bar. */}
      <span className="needs-you-icon" aria-hidden="true">
        <Icon name="inbox" />
      </span>
      <span className="needs-you-label">{t('attention.needsYou.title')}</span>
      {count > 0 ? <span className="count-badge">{count > 99 ? '99+' : count}</span> : null}
    </Link>
  )
}
