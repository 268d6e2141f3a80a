import type { AuthUser } from '~/auth/session.server'
import { addDays, todayIn } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'
import { reportingProgram } from '../foundation/reporting-program.server'
import { inScope, repScopeOf } from '../foundation/team.server'
import { guard, privacyFor } from '../recommendations/privacy.server'
import { scopeReps, teamActiveDays } from '../recommendations/team.server'
import { ADOPTION_WINDOW_DAYS, trainingFigures } from './training-figures'
import { completionsOf, listModulesOf } from './training.server'

// An initiative's training figures over the sales force's eligible reps, in the reporting zone.

const ALL = { all: true } as const

/** The figures (pure part in training-figures.ts) of an initiative's modules, as of today. */
export async function initiativeTraining(db: Executor, initiativeId: string, today?: string) {
  return (await initiativesTraining(db, [initiativeId], today)).get(initiativeId)!
}

/**
 * `initiativeTraining` of many initiatives with one read per source (the checklist of a portfolio):
 * the sales force and its active days are read once, over the widest window any initiative needs
 * (the figures look up the days they need in it).
 */
export async function initiativesTraining(db: Executor, initiativeIds: readonly string[], today?: string) {
  const { timezone } = await reportingProgram(db)
  const day = today ?? todayIn(timezone)
  const modules = await listModulesOf(db, initiativeIds)
  const [reps, completions] = await Promise.all([
    scopeReps(db, ALL),
    completionsOf(
      db,
      modules.map((module) => module.id),
    ),
  ])
  const earliest = completions.map((row) => row.completed_on).sort()[0]
  const windowStart = addDays(day, -ADOPTION_WINDOW_DAYS)
  const from = earliest && earliest < windowStart ? earliest : windowStart
  const active = await teamActiveDays(db, { from, to: day }, timezone, ALL)
  return new Map(
    initiativeIds.map((initiativeId) => {
      const own = modules.filter((module) => module.initiative_id === initiativeId)
      const ids = new Set(own.map((module) => module.id))
      return [
        initiativeId,
        {
          today: day,
          modules: own.map(({ initiative_id: _, ...module }) => module),
          figures: trainingFigures(
            reps,
            own.map((module) => module.id),
            completions.filter((row) => ids.has(row.module_id)),
            active,
            day,
          ),
        },
      ]
    }),
  )
}

/**
 * The training page's answer for this user: per-rep rows only for the reps they may see one by one
 * (app/models/foundation/team.server.ts: admins every rep, a lead their pilots' reps); team figures
 * about fewer than 5 reps suppressed for everyone but admins.
 */
export async function trainingView(db: Executor, user: AuthUser, initiativeId: string) {
  const [training, scope] = await Promise.all([initiativeTraining(db, initiativeId), repScopeOf(db, user)])
  const privacy = privacyFor(user)
  const { figures } = training
  return {
    today: training.today,
    modules: training.modules,
    moduleCount: figures.modules,
    total: figures.total,
    teams: figures.teams.map((team) => ({ ...guard(team, team.reps, privacy), team: team.team })),
    reps: figures.reps.filter((rep) => inScope(scope, rep.seller_id)),
    // A group of fewer than 5 reps would tell an individual's adoption: blanked like a small team.
    comparison: guard(
      figures.comparison,
      Math.min(...[figures.comparison.trained, figures.comparison.untrained].filter((n) => n > 0), Infinity),
      privacy,
    ),
  }
}
