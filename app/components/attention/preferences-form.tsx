import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'
import { DELIVERY_CHOICES as CHOICES, type AttentionKind } from '~/models/attention/kinds'
import type { DeliveryChoice } from '~/models/attention/tables'

/** One choice per kind; a plain form (works without JavaScript), saved at once. */
export function PreferencesForm({
  preferences,
}: {
  preferences: { kind: AttentionKind; channel: DeliveryChoice }[]
}) {
  const t = useT()
  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('attention.prefs.title')}</h2>
      <p className="muted">{t('attention.prefs.hint')}</p>
      <Form method="post">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('attention.prefs.kind')}</th>
              <th scope="col">{t('attention.prefs.channel')}</th>
            </tr>
          </thead>
          <tbody>
            {preferences.map((preference) => (
              <tr key={preference.kind}>
                <td>
                  <label htmlFor={`pref-${preference.kind}`}>
                    {t(`attention.kindLabel.${preference.kind}`)}
                  </label>
                </td>
                <td>
                  <select
                    id={`pref-${preference.kind}`}
                    name={preference.kind}
                    defaultValue={preference.channel}
                  >
                    {CHOICES.map((choice) => (
                      <option key={choice} value={choice}>
                        {t(`attention.channel.${choice}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="submit" name="intent" value="preferences">
            {t('attention.prefs.save')}
          </button>
        </div>
      </Form>
    </section>
  )
}
