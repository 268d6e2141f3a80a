import type { Executor } from '~/utils/db.server'
import { recommendationAdoption } from './adoption.server'
import { recommendationFunnel } from './funnel.server'

// What the sponsor's view shows of the recommendation tool, for [from, to) in the reporting zone.

export async function adoptionSummary(db: Executor, range: { from: string; to: string }) {
  const [adoption, funnel] = await Promise.all([
    recommendationAdoption(db, range),
    recommendationFunnel(db, range),
  ])
  return {
    timezone: adoption.timezone,
    ...adoption.total,
    generated: funnel.total.generated,
    acceptance_rate: funnel.total.acceptance_rate,
    conversion_rate: funnel.total.conversion_rate,
  }
}

/** Weekly (ISO week's Monday, reporting zone) acceptance and conversion of the recommendations generated. */
export async function acceptanceTrend(db: Executor, range: { from: string; to: string }) {
  const funnel = await recommendationFunnel(db, { ...range, group_by: 'week' })
  return funnel.groups.map((week) => ({
    week: week.key,
    generated: week.generated,
    accepted: week.accepted,
    rejected: week.rejected,
    acceptance_rate: week.acceptance_rate,
    conversion_rate: week.conversion_rate,
  }))
}
