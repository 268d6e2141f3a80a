import { useT } from '~/i18n/react'
import type { MessageKey } from '~/i18n/translate'

/** A secret shown once (set-password link, API key): selectable text, never stored in the page's URL. */
export function OneTimeSecret({ intro, value }: { intro: MessageKey; value: string }) {
  const t = useT()
  return (
    <div className="one-time" role="status">
      <p>{t(intro)}</p>
      <input
        className="one-time-value"
        readOnly
        value={value}
        aria-label={t(intro)}
        onFocus={(event) => event.currentTarget.select()}
      />
    </div>
  )
}
