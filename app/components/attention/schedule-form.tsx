import { Form } from '@remix-run/react'
import { useT } from '~/i18n/react'

type Settings = { digest: string; digest_hour: number; quiet_from: number | null; quiet_to: number | null }
type Subscription = { report: string; frequency: string; program_id: string; program_name: string }

const HOURS = Array.from({ length: 24 }, (_, hour) => hour)
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`

/** The digest, quiet hours and (for portfolio readers) report subscriptions: plain forms. */
export function ScheduleForm({
  settings,
  subscriptions,
  programs,
}: {
  settings: Settings
  subscriptions: Subscription[] | null
  programs: { id: string; name: string }[]
}) {
  const t = useT()
  const hourSelect = (name: string, value: number | null, optional: boolean) => (
    <select id={`schedule-${name}`} name={name} defaultValue={value === null ? '' : String(value)}>
      {optional ? <option value="">{t('attention.schedule.none')}</option> : null}
      {HOURS.map((hour) => (
        <option key={hour} value={hour}>
          {hourLabel(hour)}
        </option>
      ))}
    </select>
  )
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('attention.schedule.title')}</h2>
      <p className="muted">{t('attention.schedule.hint')}</p>
      <Form method="post" className="card form-grid">
        <label htmlFor="schedule-digest">{t('attention.schedule.digest')}</label>
        <select id="schedule-digest" name="digest" defaultValue={settings.digest}>
          {(['off', 'daily', 'weekly'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`attention.schedule.digest.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="schedule-digest_hour">{t('attention.schedule.hour')}</label>
        {hourSelect('digest_hour', settings.digest_hour, false)}
        <label htmlFor="schedule-quiet_from">{t('attention.schedule.quietFrom')}</label>
        {hourSelect('quiet_from', settings.quiet_from, true)}
        <label htmlFor="schedule-quiet_to">{t('attention.schedule.quietTo')}</label>
        {hourSelect('quiet_to', settings.quiet_to, true)}
        <div className="form-actions">
          <button type="submit" name="intent" value="schedule">
            {t('attention.schedule.save')}
          </button>
        </div>
      </Form>
      {subscriptions ? (
        <>
          <h2 id="reports-title">{t('attention.subscriptions.title')}</h2>
          {subscriptions.length ? (
            <ul className="card-list" aria-labelledby="reports-title">
              {subscriptions.map((s) => (
                <li key={`${s.report}-${s.program_id}`} className="card">
                  <Form method="post" className="form-actions">
                    <span>
                      {t(`attention.reports.${s.report as 'board_pack'}`)} · {s.program_name} ·{' '}
                      {t(`attention.subscriptions.${s.frequency as 'weekly'}`)}
                    </span>
                    <input type="hidden" name="report" value={s.report} />
                    <input type="hidden" name="program" value={s.program_id} />
                    <button type="submit" name="intent" value="unsubscribe" className="button-secondary">
                      {t('attention.subscriptions.stop')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('attention.subscriptions.none')}</p>
          )}
          <Form method="post" className="card form-grid">
            <label htmlFor="subscribe-report">{t('attention.subscriptions.report')}</label>
            <select id="subscribe-report" name="report" defaultValue="board_pack">
              {(['board_pack', 'period_report'] as const).map((report) => (
                <option key={report} value={report}>
                  {t(`attention.reports.${report}`)}
                </option>
              ))}
            </select>
            <label htmlFor="subscribe-program">{t('attention.subscriptions.program')}</label>
            <select id="subscribe-program" name="program">
              {programs.map((program) => (
                <option key={program.id} value={program.id}>
                  {program.name}
                </option>
              ))}
            </select>
            <label htmlFor="subscribe-frequency">{t('attention.subscriptions.frequency')}</label>
            <select id="subscribe-frequency" name="frequency" defaultValue="monthly">
              {(['monthly', 'weekly'] as const).map((frequency) => (
                <option key={frequency} value={frequency}>
                  {t(`attention.subscriptions.${frequency}`)}
                </option>
              ))}
            </select>
            <div className="form-actions">
              <button type="submit" name="intent" value="subscribe">
                {t('attention.subscriptions.subscribe')}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  )
}
