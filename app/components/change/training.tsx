import { useFormat, useT } from '~/i18n/react'
import type { ManagerEvidence } from '~/models/change/checklist-managers.server'
import type { trainingView } from '~/models/change/training-view.server'

type View = Awaited<ReturnType<typeof trainingView>>

/** Completion, days to first active day and trained against untrained adoption (observational). */
export function TrainingFigures({ view }: { view: View }) {
  const t = useT()
  const format = useFormat()
  const days = (value: number | null) =>
    value === null ? '—' : format.number(value, { maximumFractionDigits: 1 })
  const points = (value: number | null) =>
    value === null ? '—' : format.number(value * 100, { maximumFractionDigits: 1, signDisplay: 'always' })
  const { comparison } = view
  return (
    <>
      <h3>{t('change.training.byTeam')}</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('change.training.byTeam')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('change.training.team')}</th>
              <th scope="col">{t('change.training.reps')}</th>
              <th scope="col">{t('change.training.trained')}</th>
              <th scope="col">{t('change.training.completionRate')}</th>
              <th scope="col">{t('change.training.daysToActive')}</th>
              <th scope="col">{t('change.training.waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {view.teams.map((team) => (
              <tr key={team.team}>
                <th scope="row">{team.team}</th>
                {team.suppressed ? (
                  <td colSpan={5}>{t('recommendations.privacy.fewerThan')}</td>
                ) : (
                  <>
                    <td>{format.number(team.reps ?? 0)}</td>
                    <td>{format.number(team.trained ?? 0)}</td>
                    <td>{format.percent(team.completion_rate)}</td>
                    <td>{days(team.mean_days_to_active)}</td>
                    <td>{format.number(team.waiting ?? 0)}</td>
                  </>
                )}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('change.training.total')}</th>
              <td>{format.number(view.total.reps)}</td>
              <td>{format.number(view.total.trained)}</td>
              <td>{format.percent(view.total.completion_rate)}</td>
              <td>{days(view.total.mean_days_to_active)}</td>
              <td>{format.number(view.total.waiting)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {view.reps.length ? (
        <>
          <h3>{t('change.training.byRep')}</h3>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('change.training.byRep')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('change.training.rep')}</th>
                  <th scope="col">{t('change.training.team')}</th>
                  <th scope="col">{t('change.training.completed')}</th>
                  <th scope="col">{t('change.training.trainedOn')}</th>
                  <th scope="col">{t('change.training.daysToActive')}</th>
                </tr>
              </thead>
              <tbody>
                {view.reps.map((rep) => (
                  <tr key={rep.seller_id}>
                    <th scope="row">{rep.name}</th>
                    <td>{rep.team}</td>
                    <td>
                      {t('change.training.modulesDone', { done: rep.completed, modules: view.moduleCount })}
                    </td>
                    <td>{rep.trained_on ? format.date(rep.trained_on) : '—'}</td>
                    <td>{days(rep.days_to_active)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <section className="card" aria-labelledby="trained-heading">
        <h3 id="trained-heading">{t('change.training.comparison')}</h3>
        <p className="muted">{t('change.training.observational')}</p>
        {comparison.suppressed ? (
          <p>{t('recommendations.privacy.fewerThan')}</p>
        ) : (
          <>
            <p>
              {t('change.training.comparisonCounts', {
                trained: comparison.trained ?? 0,
                untrained: comparison.untrained ?? 0,
                from: format.date(comparison.from),
              })}
            </p>
            <dl className="stat-grid">
              <div className="stat">
                <dt className="stat-label">{t('change.training.trainedAdoption')}</dt>
                <dd className="stat-value">{format.percent(comparison.trained_adoption)}</dd>
              </div>
              <div className="stat">
                <dt className="stat-label">{t('change.training.untrainedAdoption')}</dt>
                <dd className="stat-value">{format.percent(comparison.untrained_adoption)}</dd>
              </div>
              <div className="stat">
                <dt className="stat-label">{t('change.training.difference')}</dt>
                <dd className="stat-value">
                  {comparison.low === null || comparison.high === null
                    ? t('change.effect.noInterval', { value: points(comparison.difference) })
                    : t('change.effect.interval', {
                        value: points(comparison.difference),
                        low: points(comparison.low),
                        high: points(comparison.high),
                      })}
                </dd>
              </div>
            </dl>
          </>
        )}
      </section>
    </>
  )
}

/** The checklist's frontline-manager evidence: each pilot rep's manager and whether they are engaged. */
export function FrontlineManagersTable({
  managers,
  threshold,
}: {
  managers: { reps: number; covered: number; since: string; managers: ManagerEvidence[] }
  threshold: number
}) {
  const t = useT()
  const format = useFormat()
  return (
    <section aria-labelledby="managers-heading">
      <h3 id="managers-heading">{t('change.managers.heading')}</h3>
      <p className="field-hint">
        {t('change.managers.explain', {
          covered: managers.covered,
          reps: managers.reps,
          share: managers.reps ? managers.covered / managers.reps : 0,
          threshold: threshold / 100,
          since: format.date(managers.since),
        })}
      </p>
      {managers.managers.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('change.managers.heading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('change.managers.manager')}</th>
                <th scope="col">{t('change.managers.pilotReps')}</th>
                <th scope="col">{t('change.managers.visits')}</th>
                <th scope="col">{t('change.managers.actions')}</th>
                <th scope="col">{t('change.managers.engaged')}</th>
              </tr>
            </thead>
            <tbody>
              {managers.managers.map((manager) => (
                <tr key={manager.manager_id}>
                  <th scope="row">{manager.name ?? (manager.manager_id || t('change.managers.none'))}</th>
                  <td>{format.number(manager.reps)}</td>
                  <td>{format.number(manager.visits)}</td>
                  <td>{format.number(manager.actions)}</td>
                  <td>{manager.engaged ? t('change.managers.yes') : t('change.managers.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
