import type { Locale } from '~/i18n/locales'
import type { Translate } from '~/i18n/translate'
import type { PeriodReport } from '~/models/period-report.server'
import type { Formatter } from './health'

// The period report's sections, shared by the report page and the board pack.

type Props = {
  report: PeriodReport
  t: Translate
  fmt: Formatter & { date: (v: string | null) => string }
  locale: Locale
}

function Nothing({ t }: { t: Translate }) {
  return <p className="empty-state">{t('sponsor.report.nothing')}</p>
}

export function PeriodReportSections({ report, t, fmt, locale }: Props) {
  const adoptionDelta =
    report.adoption.now.rate !== null && report.adoption.before.rate !== null
      ? report.adoption.now.rate - report.adoption.before.rate
      : null
  return (
    <>
      <section className="pack-section" aria-labelledby="report-kpis">
        <h2 id="report-kpis">{t('sponsor.report.kpiChanges')}</h2>
        {report.kpiChanges.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.report.kpi')}</th>
                  <th scope="col">{t('sponsor.portfolio.initiative')}</th>
                  <th scope="col">{t('sponsor.report.from')}</th>
                  <th scope="col">{t('sponsor.report.to')}</th>
                </tr>
              </thead>
              <tbody>
                {report.kpiChanges.map((change) => (
                  <tr key={change.id}>
                    <th scope="row">{locale === 'zh-TW' ? change.name_zh_tw : change.name_en}</th>
                    <td>{change.initiative_name}</td>
                    <td>{t(`kpi.status.${change.from}`)}</td>
                    <td>{t(`kpi.status.${change.to}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Nothing t={t} />
        )}
      </section>
      <section className="pack-section" aria-labelledby="report-gates">
        <h2 id="report-gates">{t('sponsor.report.gates')}</h2>
        {report.gates.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.portfolio.initiative')}</th>
                  <th scope="col">{t('initiative.stage')}</th>
                  <th scope="col">{t('sponsor.report.decided')}</th>
                </tr>
              </thead>
              <tbody>
                {report.gates.map((gate) => (
                  <tr key={gate.id}>
                    <th scope="row">{gate.initiative_name}</th>
                    <td>
                      {t('sponsor.approvals.gate', {
                        from: t(`stage.${gate.from_stage as 'frame'}`),
                        to: t(`stage.${gate.to_stage}`),
                      })}
                    </td>
                    <td>{fmt.date(gate.decision_date)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Nothing t={t} />
        )}
      </section>
      <section className="pack-section" aria-labelledby="report-sprints">
        <h2 id="report-sprints">{t('sponsor.report.sprints')}</h2>
        {report.sprints.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.portfolio.initiative')}</th>
                  <th scope="col">{t('sponsor.report.ended')}</th>
                  <th scope="col" className="num">
                    {t('sponsor.report.committed')}
                  </th>
                  <th scope="col" className="num">
                    {t('sponsor.report.completed')}
                  </th>
                  <th scope="col" className="num">
                    {t('sponsor.report.slipped')}
                  </th>
                  <th scope="col" className="num">
                    {t('sponsor.report.added')}
                  </th>
                  <th scope="col" className="num">
                    {t('sponsor.report.predictability')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.sprints.map((sprint) => (
                  <tr key={sprint.id}>
                    <th scope="row">
                      {sprint.initiative_name} · {t('sponsor.report.sprint', { number: sprint.number })}
                    </th>
                    <td>{fmt.date(sprint.end_date)}</td>
                    <td className="num">{fmt.number(sprint.committed)}</td>
                    <td className="num">{fmt.number(sprint.completed)}</td>
                    <td className="num">{fmt.number(sprint.slipped)}</td>
                    <td className="num">{fmt.number(sprint.added)}</td>
                    <td className="num">{fmt.percent(sprint.predictability, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Nothing t={t} />
        )}
      </section>
      <section className="pack-section" aria-labelledby="report-feedback">
        <h2 id="report-feedback">{t('sponsor.report.feedback')}</h2>
        {report.feedback.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.portfolio.initiative')}</th>
                  <th scope="col" className="num">
                    {t('sponsor.report.shipped')}
                  </th>
                  <th scope="col" className="num">
                    {t('sponsor.report.declined')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.feedback.map((row) => (
                  <tr key={row.initiative_id}>
                    <th scope="row">{row.initiative_name}</th>
                    <td className="num">{fmt.number(Number(row.shipped))}</td>
                    <td className="num">{fmt.number(Number(row.declined))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Nothing t={t} />
        )}
      </section>
      <section className="pack-section" aria-labelledby="report-adoption">
        <h2 id="report-adoption">{t('sponsor.report.adoption')}</h2>
        <p className="muted">{t('sponsor.report.adoptionNote')}</p>
        <dl className="facts">
          <dt>
            {fmt.date(report.adoption.previousFrom)} – {fmt.date(report.adoption.previousTo)}
          </dt>
          <dd>{fmt.percent(report.adoption.before.rate, 1)}</dd>
          <dt>
            {fmt.date(report.period.from)} – {fmt.date(report.period.to)}
          </dt>
          <dd>
            {fmt.percent(report.adoption.now.rate, 1)}
            {adoptionDelta !== null
              ? ` (${adoptionDelta >= 0 ? '+' : ''}${fmt.number(adoptionDelta * 100, { maximumFractionDigits: 1 })} pp)`
              : null}
          </dd>
        </dl>
      </section>
    </>
  )
}
