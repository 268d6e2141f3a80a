import type { FeedbackKind, FeedbackStatus } from '~/models/eet/tables'
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from './eet.schema'

// Pilot-feedback figures from plain rows (pure, unit-tested). Definitions, also shown on the page:
// - NPS-style score: % of submissions rating 9–10 (promoters) minus % rating 0–6 (detractors), −100…100.
// - Loop closed: the item reached a final outcome the submitter was told about (shipped or declined);
//   a merged duplicate counts with the item it was merged into.
// - Time to first response: from submission to the first triage step by a lead, in hours (median).

export type FeedbackFact = {
  kind: FeedbackKind
  status: FeedbackStatus
  release: string
  usefulness: number
  ease: number
  recommend: number
  created_at: Date
  first_response_at: Date | null
  merged: boolean
}

export type FeedbackFigures = {
  total: number
  byKind: Record<FeedbackKind, number>
  byStatus: Record<FeedbackStatus, number>
  averageUsefulness: number | null
  averageEase: number | null
  nps: number | null
  promoters: number
  passives: number
  detractors: number
  answered: number
  medianHoursToFirstResponse: number | null
  closedLoopShare: number | null
}

function median(values: number[]) {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const average = (values: number[]) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null

export function summariseFeedback(facts: readonly FeedbackFact[]): FeedbackFigures {
  const byKind = Object.fromEntries(FEEDBACK_KINDS.map((kind) => [kind, 0])) as Record<FeedbackKind, number>
  const byStatus = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, 0])) as Record<FeedbackStatus, number>
  let promoters = 0
  let detractors = 0
  for (const fact of facts) {
    byKind[fact.kind]++
    byStatus[fact.status]++
    if (fact.recommend >= 9) promoters++
    else if (fact.recommend <= 6) detractors++
  }
  const answeredHours = facts
    .filter((fact) => fact.first_response_at)
    .map((fact) => (fact.first_response_at!.getTime() - fact.created_at.getTime()) / 3_600_000)
  const closed = facts.filter((fact) => fact.status === 'shipped' || fact.status === 'declined').length
  return {
    total: facts.length,
    byKind,
    byStatus,
    averageUsefulness: average(facts.map((fact) => fact.usefulness)),
    averageEase: average(facts.map((fact) => fact.ease)),
    nps: facts.length ? (100 * (promoters - detractors)) / facts.length : null,
    promoters,
    passives: facts.length - promoters - detractors,
    detractors,
    answered: answeredHours.length,
    medianHoursToFirstResponse: median(answeredHours),
    closedLoopShare: facts.length ? closed / facts.length : null,
  }
}
