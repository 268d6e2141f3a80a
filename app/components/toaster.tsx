import { Form } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useT } from '~/i18n/react'
import type { Toast } from '~/utils/toast.server'

export function Toaster({ toast }: { toast: Toast | null }) {
  const t = useT()
  const [visible, setVisible] = useState<Toast | null>(toast)
  useEffect(() => {
    setVisible(toast)
    if (!toast) return
    // A toast that offers undo stays long enough to read it and change one's mind.
    const timer = setTimeout(() => setVisible(null), toast.undo ? 15000 : 6000)
    return () => clearTimeout(timer)
  }, [toast])
  return (
    <div className="toaster" role="status" aria-live="polite">
      {visible ? (
        <div className={`toast toast-${visible.kind}`}>
          <span>{t(visible.message, visible.vars)}</span>
          {visible.undo ? (
            <Form
              method="post"
              action={visible.undo.action}
              className="toast-undo"
              onSubmit={() => setVisible(null)}
            >
              {Object.entries(visible.undo.fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className="button-secondary">
                {t('toast.undo')}
              </button>
            </Form>
          ) : null}
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
