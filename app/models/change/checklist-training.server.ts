import type { Executor } from '~/utils/db.server'
import { thresholdsFor } from './settings.server'
import { initiativesTraining } from './training-view.server'

// The checklist's training item, judged from the training figures (docs/metrics.md, "Training"): met
// when the initiative has at least one module and the share of eligible reps trained (every module
// completed) reaches the program's threshold. The detail carries the figures behind the verdict.

export type DataVerdict = {
  met: boolean
  detail: Record<string, string | number>
  evidence: string
}

export async function judgeTraining(
  db: Executor,
  initiatives: readonly { id: string; program_id: string }[],
): Promise<Map<string, DataVerdict>> {
  const [threshold, training] = await Promise.all([
    thresholdsFor(
      db,
      initiatives.map((initiative) => initiative.program_id),
    ),
    initiativesTraining(
      db,
      initiatives.map((initiative) => initiative.id),
    ),
  ])
  const verdicts = new Map<string, DataVerdict>()
  for (const initiative of initiatives) {
    const { figures } = training.get(initiative.id)!
    const pct = threshold(initiative.program_id).training_threshold_pct
    const rate = figures.total.completion_rate ?? 0
    verdicts.set(initiative.id, {
      met: figures.modules > 0 && rate * 100 >= pct,
      detail: {
        modules: figures.modules,
        trained: figures.total.trained,
        reps: figures.total.reps,
        rate,
        threshold: pct / 100,
      },
      evidence: `/initiatives/${initiative.id}/training`,
    })
  }
  return verdicts
}
