import type { DeliveryPhase } from '~/models/delivery/tables'
import type { PhaseClock } from './phase-time'

// The shape of a cycle as pages show it (browser-safe: no server imports).

export type PhaseView = {
  id: string
  phase: DeliveryPhase
  budget: number
  started_on: string
  closed_on: string | null
  outcome: string | null
  decision: 'scale' | 'iterate' | 'stop' | null
  clock: PhaseClock
  pauses: { id: string; from_date: string; to_date: string | null; reason: string }[]
  entries: { id: string; worked_on: string; hours: number; note: string }[]
}

export type CycleView = {
  id: string
  number: number
  started_on: string
  closed_on: string | null
  phases: PhaseView[]
}

/** The running phase of the open cycle, if any. */
export function currentOf(cycles: CycleView[]) {
  const cycle = cycles.find((c) => c.closed_on === null)
  const phase = cycle?.phases.find((p) => p.closed_on === null)
  return cycle && phase ? { cycle, phase } : null
}
