import { useT } from '~/i18n/react'
import type { FieldErrors } from '~/utils/forms'

/** The box an administrator ticks to give administrator rights (refused without it, on the server too). */
export function ConfirmAdminField({ errors }: { errors?: FieldErrors | null }) {
  const t = useT()
  const messages = errors?.confirm_admin
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          name="confirm_admin"
          aria-invalid={messages?.length ? true : undefined}
          aria-describedby={messages?.length ? 'confirm_admin-error' : 'confirm_admin-hint'}
        />
        {t('users.confirmAdminLabel')}
      </label>
      <p id="confirm_admin-hint" className="muted">
        {t('users.confirmAdminHint')}
      </p>
      {messages?.length ? (
        <p id="confirm_admin-error" className="field-error">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
