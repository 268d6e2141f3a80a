import { EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'

type Cohorts = {
  offsets: number[]
  /** `suppressed`: a cohort of fewer than 5 reps, whose size is not shown (rep-data privacy). */
  cohorts: { week: string; size: number | null; retention: (number | null)[]; suppressed?: boolean }[]
}

/** Weekly cohort retention: one row per first-active week, the share still active each week after. */
export function CohortTable({ cohorts }: { cohorts: Cohorts }) {
  const t = useT()
  const format = useFormat()
  if (cohorts.cohorts.length === 0) return <EmptyState>{t('recommendations.empty')}</EmptyState>
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('recommendations.adoption.cohorts')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('recommendations.adoption.cohort')}</th>
            <th scope="col">{t('recommendations.adoption.cohortSize')}</th>
            {cohorts.offsets.map((offset) => (
              <th scope="col" key={offset}>
                {t('recommendations.adoption.weekN', { n: offset })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.cohorts.map((cohort) => (
            <tr key={cohort.week}>
              <th scope="row">{format.date(cohort.week)}</th>
              <td>
                {cohort.suppressed || cohort.size === null
                  ? t('recommendations.privacy.fewerThan')
                  : format.number(cohort.size)}
              </td>
              {cohort.retention.map((share, index) => (
                <td key={index}>{share === null ? '' : format.percent(share, 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
