import type { Executor } from '~/utils/db.server'
import { addDays } from '~/utils/calendar'
import { feedbackSubmittersFor } from '../eet/feedback.server'
import { cohortReps, guard, unlessFew, type Privacy } from '../recommendations/privacy.server'
import type { EetFacts, RecommendationFacts } from './portfolio-sources.server'

// Rep-data privacy on the sponsor's views (portfolio, period report, board pack and their exports all
// read through portfolioOf and periodReport): the shared rule of app/models/recommendations/privacy.server.ts
// applied to the figures about reps they carry. A suppressed figure is no data: health scores are
// computed without it, so a score cannot give it away.

/** Adoption (eligible reps) and acceptance (reps with recommendations) of the two 28-day windows. */
export async function guardRecommendationFacts(
  db: Executor,
  facts: RecommendationFacts,
  today: string,
  timezone: string,
  privacy: Privacy,
): Promise<RecommendationFacts> {
  if (privacy === 'full') return facts
  const to = addDays(today, 1)
  const mid = addDays(to, -28)
  const [now, before] = await Promise.all([
    cohortReps(db, { from: mid, to }, timezone),
    cohortReps(db, { from: addDays(to, -56), to: mid }, timezone),
  ])
  const fewest = Math.min(...[now, before].filter((reps) => reps > 0), Infinity)
  return {
    eligible: unlessFew(facts.eligible, facts.eligible, privacy) ?? 0,
    adoptionRate: unlessFew(facts.adoptionRate, facts.eligible, privacy),
    adoptionTrend: unlessFew(facts.adoptionTrend, facts.eligible, privacy),
    acceptanceRate: unlessFew(facts.acceptanceRate, now, privacy),
    acceptanceTrend:
      fewest === Infinity ? facts.acceptanceTrend : unlessFew(facts.acceptanceTrend, fewest, privacy),
  }
}

/** Pilot-feedback figures are about the reps who gave the feedback. */
export async function guardEetFacts(
  db: Executor,
  factsOf: Map<string, EetFacts>,
  privacy: Privacy,
): Promise<Map<string, EetFacts>> {
  if (privacy === 'full') return factsOf
  const repsOf = await feedbackSubmittersFor(db, [...factsOf.keys()])
  return new Map(
    [...factsOf].map(([id, facts]) => {
      const reps = repsOf.get(id) ?? 0
      return [
        id,
        {
          feedbackItems: unlessFew(facts.feedbackItems, reps, privacy) ?? 0,
          averageUsefulness: unlessFew(facts.averageUsefulness, reps, privacy),
          closedLoopShare: unlessFew(facts.closedLoopShare, reps, privacy),
          nps: unlessFew(facts.nps, reps, privacy),
        },
      ]
    }),
  )
}

/** The period report's company-wide adoption: its figures blanked when about fewer than 5 eligible reps. */
export function guardAdoptionRate<A extends { rate: number | null; eligible: number; active: number }>(
  adoption: A,
  privacy: Privacy,
) {
  return guard(adoption, adoption.eligible, privacy)
}
