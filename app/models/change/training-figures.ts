import { addDays, daysBetween } from '~/utils/calendar'

// Training tracked against adoption (docs/metrics.md, "Training"). Pure: the reps, the initiative's
// modules, the completions and the reps' active days in, the figures out.
//
// - A rep is trained once they have completed every module of the initiative; their training day is
//   the day of their last completion. A rep's completion rate is the share of modules completed; a
//   team's (and the total's) the share of its reps trained.
// - Days to first active day: from the training day to the rep's first active day on or after it
//   (0 when active that day); a trained rep not active since is "waiting", not counted in the mean.
// - Trained against untrained: adoption is the share of the 28 days [today − 28, today) a rep was
//   active. Trained reps are those trained before that window began; untrained reps those not trained
//   by its end (reps trained during it are left out). The difference of the two means has a 95% normal
//   interval (difference ± 1.96 · √(s₁²/n₁ + s₂²/n₂)), none under 2 reps in either group. The reps
//   chose when to train: an observational comparison, not an experiment.

export const ADOPTION_WINDOW_DAYS = 28

type Rep = { seller_id: string; name: string; team: string }
type Completion = { module_id: string; seller_id: string; completed_on: string }

export type RepTraining = {
  seller_id: string
  name: string
  team: string
  completed: number
  completion_rate: number | null
  trained_on: string | null
  first_active_on: string | null
  days_to_active: number | null
}

export type GroupTraining = {
  reps: number
  trained: number
  completion_rate: number | null
  mean_days_to_active: number | null
  waiting: number
}

export type TrainedVsUntrained = {
  from: string
  to: string
  trained: number
  untrained: number
  trained_adoption: number | null
  untrained_adoption: number | null
  difference: number | null
  low: number | null
  high: number | null
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null

function sampleVariance(values: readonly number[]) {
  const m = mean(values) ?? 0
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1)
}

function group(reps: readonly RepTraining[]): GroupTraining {
  const trained = reps.filter((rep) => rep.trained_on !== null)
  const days = trained.flatMap((rep) => (rep.days_to_active === null ? [] : [rep.days_to_active]))
  return {
    reps: reps.length,
    trained: trained.length,
    completion_rate: reps.length ? trained.length / reps.length : null,
    mean_days_to_active: mean(days),
    waiting: trained.length - days.length,
  }
}

export function trainingFigures(
  reps: readonly Rep[],
  moduleIds: readonly string[],
  completions: readonly Completion[],
  activeDays: ReadonlySet<string>,
  today: string,
) {
  const modules = new Set(moduleIds)
  const doneBy = new Map<string, Map<string, string>>()
  for (const completion of completions) {
    if (!modules.has(completion.module_id)) continue
    const done = doneBy.get(completion.seller_id) ?? new Map<string, string>()
    done.set(completion.module_id, completion.completed_on)
    doneBy.set(completion.seller_id, done)
  }
  const firstActiveFrom = (seller: string, from: string) => {
    for (let day = from; day < today; day = addDays(day, 1))
      if (activeDays.has(`${seller}|${day}`)) return day
    return null
  }
  const perRep: RepTraining[] = reps.map((rep) => {
    const done = doneBy.get(rep.seller_id) ?? new Map<string, string>()
    const trainedOn =
      modules.size > 0 && done.size === modules.size ? [...done.values()].sort().at(-1)! : null
    const firstActive = trainedOn ? firstActiveFrom(rep.seller_id, trainedOn) : null
    return {
      seller_id: rep.seller_id,
      name: rep.name,
      team: rep.team,
      completed: done.size,
      completion_rate: modules.size ? done.size / modules.size : null,
      trained_on: trainedOn,
      first_active_on: firstActive,
      days_to_active: trainedOn && firstActive ? daysBetween(trainedOn, firstActive) : null,
    }
  })
  const teams = [...new Set(reps.map((rep) => rep.team))].sort()
  return {
    modules: modules.size,
    reps: perRep,
    teams: teams.map((team) => ({ team, ...group(perRep.filter((rep) => rep.team === team)) })),
    total: group(perRep),
    comparison: trainedVsUntrained(perRep, activeDays, today),
  }
}

function trainedVsUntrained(
  reps: readonly RepTraining[],
  activeDays: ReadonlySet<string>,
  today: string,
): TrainedVsUntrained {
  const from = addDays(today, -ADOPTION_WINDOW_DAYS)
  const adoption = (seller: string) => {
    let active = 0
    for (let i = 0; i < ADOPTION_WINDOW_DAYS; i++)
      if (activeDays.has(`${seller}|${addDays(from, i)}`)) active++
    return active / ADOPTION_WINDOW_DAYS
  }
  const trained = reps.filter((rep) => rep.trained_on !== null && rep.trained_on < from)
  const untrained = reps.filter((rep) => rep.trained_on === null || rep.trained_on >= today)
  const a = trained.map((rep) => adoption(rep.seller_id))
  const b = untrained.map((rep) => adoption(rep.seller_id))
  const ma = mean(a)
  const mb = mean(b)
  const difference = ma !== null && mb !== null ? ma - mb : null
  let low: number | null = null
  let high: number | null = null
  if (difference !== null && a.length >= 2 && b.length >= 2) {
    const margin = 1.96 * Math.sqrt(sampleVariance(a) / a.length + sampleVariance(b) / b.length)
    low = difference - margin
    high = difference + margin
  }
  return {
    from,
    to: today,
    trained: a.length,
    untrained: b.length,
    trained_adoption: ma,
    untrained_adoption: mb,
    difference,
    low,
    high,
  }
}
