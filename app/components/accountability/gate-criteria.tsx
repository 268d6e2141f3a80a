import { Link } from '@remix-run/react'
import { Badge } from '~/components/page'
import type { MessageKey } from '~/i18n/messages'
import { useFormat, useT } from '~/i18n/react'
import type { GateCriterion } from '~/models/accountability/tables'

// A gate's criteria as judged: each met or not, whether the data or the lead said so, the facts
// behind a data verdict (with a link to them) or the lead's note.

const DETAIL: Record<string, MessageKey> = {
  problemDefined: 'accountability.gateEvidence.phase',
  mvpReady: 'accountability.gateEvidence.phase',
  pilotDecision: 'accountability.gateEvidence.pilotDecision',
  sponsorAssigned: 'accountability.check.sponsor.detail',
  teamFormed: 'accountability.check.teamCoverage.detail',
  caseApproved: 'accountability.check.businessCase.detail',
  kpisDefined: 'accountability.check.kpis.detail',
  eetRecruited: 'accountability.check.eet.detail',
  pilotKpisMet: 'accountability.gateEvidence.pilotKpis',
  adoptionTarget: 'accountability.gateEvidence.adoption',
}

export function criteriaSummary(criteria: readonly GateCriterion[]) {
  return { met: criteria.filter((c) => c.met).length, total: criteria.length }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

export function GateCriteriaList({ criteria }: { criteria: readonly GateCriterion[] }) {
  const t = useT()
  const format = useFormat()
  // The facts behind a verdict hold days as ISO dates: shown as the reader's dates.
  const readable = (detail: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(detail).map(([name, value]) => [
        name,
        typeof value === 'string' && ISO_DAY.test(value) ? format.date(value) : value,
      ]),
    ) as Record<string, string | number>
  return (
    <ul className="plain-list gate-criteria">
      {criteria.map((criterion) => (
        <li key={criterion.key}>
          <Badge tone={criterion.met ? 'good' : 'bad'}>
            {criterion.met ? t('accountability.check.met') : t('accountability.check.notMet')}
          </Badge>{' '}
          {t(`accountability.criterion.${criterion.key as 'problemDefined'}`)}
          {criterion.source ? (
            <span className="muted">
              {' '}
              ·{' '}
              {criterion.source === 'data'
                ? t('accountability.gateEvidence.fromData')
                : t('accountability.gateEvidence.attested')}
            </span>
          ) : null}
          {criterion.source === 'data' && criterion.detail && DETAIL[criterion.key] ? (
            <div className="field-hint">
              {t(DETAIL[criterion.key]!, readable(criterion.detail))}{' '}
              {criterion.evidence ? (
                <Link to={criterion.evidence}>{t('accountability.gateEvidence.look')}</Link>
              ) : null}
            </div>
          ) : null}
          {criterion.source === 'attested' && criterion.note ? (
            <div className="field-hint prewrap">{criterion.note}</div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
