import { useEffect, useState } from 'react'
import { useT } from '~/i18n/react'
import type { Toast } from '~/utils/toast.server'

export function Toaster({ toast }: { toast: Toast | null }) {
  const t = useT()
  const [visible, setVisible] = useState<Toast | null>(toast)
  useEffect(() => {
    setVisible(toast)
    if (!toast) return
    const timer = setTimeout(() => setVisible(null), 6000)
    return () => clearTimeout(timer)
  }, [toast])
  return (
    <div className="toaster" role="status" aria-live="polite">
      {visible ? (
        <div className={`toast toast-${visible.kind}`}>
          <span>{t(visible.message, visible.vars)}</span>
          <button
            type="button"
            className="toast-close"
            onClick={() => setVisible(null)}
            aria-label={t('toast.dismiss')}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  )
}
