import type { AuthUser } from '~/auth/session.server'
import { addDays, daysBetween, todayIn } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'
import { feedbackFromReps } from '../eet/team-feedback.server'
import { reportingProgram } from '../foundation/reporting-program.server'
import { repScopeOf } from '../foundation/team.server'
import { recommendationFunnel } from '../recommendations/funnel.server'
import { guardFunnel } from '../recommendations/privacy.server'
import {
  scopeReps,
  teamActiveDays,
  teamAdoption,
  teamFunnel,
  teamRejectionReasons,
} from '../recommendations/team.server'
import { coachingEffect, WINDOW_DAYS } from './coaching-effect'
import { firstCoachingDays, listCoachingActions, recordCoachingVisit } from './coaching.server'

// The coaching view's figures (docs/metrics.md): the last 90 days up to today in the reporting zone.

export const QUIET_DAYS = 14

export async function coachingView(db: Executor, user: AuthUser) {
  const scope = await repScopeOf(db, user)
  const { timezone } = await reportingProgram(db)
  const today = todayIn(timezone)
  const range = { from: addDays(today, -89), to: addDays(today, 1) }
  if (user.role === 'manager') await recordCoachingVisit(db, user.id, today)
  const [funnel, company, adoption, reasons, feedback, actions, firsts, reps] = await Promise.all([
    teamFunnel(db, range, timezone, scope),
    recommendationFunnel(db, range).then((answer) => guardFunnel(db, answer, 'suppressed')),
    teamAdoption(db, range, timezone, scope),
    teamRejectionReasons(db, range, timezone, scope),
    feedbackFromReps(db, scope, { openOnly: true }),
    listCoachingActions(db, scope),
    firstCoachingDays(db, scope),
    scopeReps(db, scope),
  ])
  const earliest = [...firsts.values()].sort()[0] ?? today
  const activeDays = await teamActiveDays(
    db,
    { from: addDays(earliest < range.from ? earliest : range.from, -WINDOW_DAYS), to: range.to },
    timezone,
    scope,
  )
  const activity = new Map(adoption.reps.map((rep) => [rep.seller_id, rep]))
  const rows = funnel.reps.map((rep) => {
    const last = activity.get(rep.seller_id)?.last_active_day ?? null
    return {
      seller_id: rep.seller_id,
      name: rep.name,
      active_days: activity.get(rep.seller_id)?.active_days ?? 0,
      last_active_day: last,
      quiet: last === null || daysBetween(last, today) >= QUIET_DAYS,
      acceptance_rate: rep.acceptance_rate,
      conversion_rate: rep.conversion_rate,
      coached_on: firsts.get(rep.seller_id) ?? null,
    }
  })
  return {
    today,
    reps: rows,
    team: { acceptance_rate: funnel.total.acceptance_rate, conversion_rate: funnel.total.conversion_rate },
    company: {
      acceptance_rate: company.total.acceptance_rate,
      conversion_rate: company.total.conversion_rate,
    },
    reasons,
    feedback,
    actions,
    effect: coachingEffect(reps, firsts, activeDays, today),
  }
}
