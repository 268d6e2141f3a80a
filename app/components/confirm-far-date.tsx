import { useT } from '~/i18n/react'

// The "I mean this date" tick that keeps a date outside the program's window (app/utils/date-window.ts).
export function ConfirmFarDate() {
  const t = useT()
  return (
    <label className="checkbox">
      <input type="checkbox" name="confirm_far_date" value="on" /> {t('forms.confirmFarDate')}
    </label>
  )
}
