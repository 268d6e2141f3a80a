import { eachDay, isWeekend, maxDate, minDate } from '~/utils/calendar'

// The 10/10/10 clock of one phase. Framing is measured in logged hours; design in working days
// (Monday–Friday) elapsed; the pilot in calendar days elapsed (its budget is given in weeks). Days inside
// a recorded pause do not count. The first day counts as used: a phase started today has used one day.

export const PHASES = ['frame', 'design', 'pilot'] as const
export type Phase = (typeof PHASES)[number]
export type PhaseUnit = 'hours' | 'working_days' | 'days'
export type ClockLevel = 'ok' | 'warning' | 'overrun'

/** The warning threshold, 80 % of the budget, as a fraction of integers so it is compared exactly. */
const WARNING = { numerator: 4, denominator: 5 }
export const WARNING_RATIO = WARNING.numerator / WARNING.denominator

export const UNIT_OF: Record<Phase, PhaseUnit> = { frame: 'hours', design: 'working_days', pilot: 'days' }

/** A pause from `from` to `to`, both included; `to` null means it has not ended. */
export type Pause = { from: string; to: string | null }

export type PhaseClockInput = {
  phase: Phase
  /** In the phase's unit: hours, working days, or calendar days (pilot weeks × 7). */
  budget: number
  startedOn: string
  /** The day the phase closed; null while it runs. */
  closedOn: string | null
  /** Counts up to and including this day while the phase runs. */
  today: string
  hoursLogged?: number
  pauses?: Pause[]
}

export type PhaseClock = {
  phase: Phase
  unit: PhaseUnit
  budget: number
  used: number
  remaining: number
  /** used ÷ budget (0 when the budget is 0). */
  ratio: number
  level: ClockLevel
  pausedDays: number
}

/**
 * In exact decimals: used and budget are taken to hundredths (as they are stored and shown) and compared
 * as integers, since 0.8 × 6 is 4.800000000000001 in binary floating point and 4.8 of 6 hours must warn.
 */
export function levelOf(used: number, budget: number): ClockLevel {
  const usedCents = Math.round(used * 100)
  const budgetCents = Math.round(budget * 100)
  if (usedCents > budgetCents) return 'overrun'
  if (budgetCents > 0 && usedCents * WARNING.denominator >= budgetCents * WARNING.numerator) return 'warning'
  return 'ok'
}

function countedDays(phase: Phase, days: string[]) {
  return phase === 'design' ? days.filter((day) => !isWeekend(day)) : days
}

export function phaseClock(input: PhaseClockInput): PhaseClock {
  const unit = UNIT_OF[input.phase]
  let used: number
  let pausedDays = 0
  if (unit === 'hours') {
    used = Math.round((input.hoursLogged ?? 0) * 100) / 100
  } else {
    const end = input.closedOn ?? input.today
    const elapsed = end < input.startedOn ? [] : eachDay(input.startedOn, end)
    const paused = new Set<string>()
    for (const pause of input.pauses ?? []) {
      const from = maxDate(pause.from, input.startedOn)
      const to = minDate(pause.to ?? end, end)
      if (from <= to) for (const day of eachDay(from, to)) paused.add(day)
    }
    const counted = countedDays(input.phase, elapsed)
    pausedDays = counted.filter((day) => paused.has(day)).length
    used = counted.length - pausedDays
  }
  return {
    phase: input.phase,
    unit,
    budget: input.budget,
    used,
    remaining: Math.max(0, Math.round((input.budget - used) * 100) / 100),
    ratio: input.budget > 0 ? used / input.budget : used > 0 ? Infinity : 0,
    level: levelOf(used, input.budget),
    pausedDays,
  }
}

/** The budget of a phase in its unit, from the program's settings. */
export function budgetOf(
  phase: Phase,
  settings: { frame_hours: number; design_working_days: number; pilot_weeks: number },
) {
  if (phase === 'frame') return settings.frame_hours
  if (phase === 'design') return settings.design_working_days
  return settings.pilot_weeks * 7
}
