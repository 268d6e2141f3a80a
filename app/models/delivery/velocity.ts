// Velocity and predictability over the last closed sprints, from their frozen figures.

export type ClosedSprintFigures = {
  completed: number
  completedCommitted: number
  committed: number
  cancelledCommitted: number
}

export type VelocitySummary = {
  sprints: number
  /** Mean points completed per sprint; null without closed sprints. */
  averageVelocity: number | null
  /** Σ committed points completed ÷ Σ (committed − cancelled committed); null when nothing was owed. */
  predictability: number | null
}

/** `sprints` in order, oldest first; only the last `lastN` count. */
export function velocitySummary(sprints: ClosedSprintFigures[], lastN = sprints.length): VelocitySummary {
  const window = lastN > 0 ? sprints.slice(-lastN) : []
  if (window.length === 0) return { sprints: 0, averageVelocity: null, predictability: null }
  const completed = window.reduce((sum, s) => sum + s.completed, 0)
  const delivered = window.reduce((sum, s) => sum + s.completedCommitted, 0)
  const owed = window.reduce((sum, s) => sum + s.committed - s.cancelledCommitted, 0)
  return {
    sprints: window.length,
    averageVelocity: Math.round((completed / window.length) * 100) / 100,
    predictability: owed > 0 ? delivered / owed : null,
  }
}
