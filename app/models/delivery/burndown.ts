import { addDays, eachDay, maxDate, minDate } from '~/utils/calendar'

// Burndown and sprint figures from a sprint's item records. An item is in scope from the start when it
// was committed (the frozen snapshot), or from the day it was added. It leaves scope the day it is done,
// removed (back to the backlog) or cancelled. Cancelled work is not "unfinished": it leaves scope and is
// marked as a scope change. Work still in scope on the last day is carried over, never dropped.

export type SprintEntry = {
  itemId: string
  title?: string
  points: number
  /** Part of the scope frozen when the sprint started. */
  committed: boolean
  addedOn: string | null
  doneOn: string | null
  removedOn: string | null
  cancelledOn: string | null
}

export type ScopeChange = {
  date: string
  itemId: string
  title?: string
  kind: 'added' | 'removed' | 'cancelled'
  /** Positive when scope grew, negative when it shrank. */
  points: number
}

export type Burndown = {
  days: string[]
  ideal: number[]
  /** Points still to do at the end of each day; null for days not reached yet. */
  remaining: (number | null)[]
  /** Total scope (done or not) at the end of each day. */
  scope: number[]
  scopeChanges: ScopeChange[]
}

export type SprintFigures = {
  committed: number
  added: number
  removed: number
  cancelled: number
  completed: number
  completedCommitted: number
  cancelledCommitted: number
  carried: number
  carriedItems: string[]
  /** Points completed: the velocity of this sprint. */
  velocity: number
  /** Committed points completed ÷ (committed − committed then cancelled); null when nothing was owed. */
  predictability: number | null
}

const round = (value: number) => Math.round(value * 100) / 100

function inScopeOn(entry: SprintEntry, day: string, startDate: string) {
  const from = entry.committed ? startDate : entry.addedOn
  if (!from || from > day) return false
  if (entry.removedOn && entry.removedOn <= day) return false
  if (entry.cancelledOn && entry.cancelledOn <= day) return false
  return true
}

/** Clamps a recorded day into the sprint, so early or late clicks still land on the chart. */
export function clampToSprint(day: string, startDate: string, endDate: string) {
  return minDate(maxDate(day, startDate), endDate)
}

export function burndown(input: {
  startDate: string
  endDate: string
  entries: SprintEntry[]
  /** Days after this one are not reached yet (null in `remaining`). Defaults to the end date. */
  asOf?: string
}): Burndown {
  const days = eachDay(input.startDate, input.endDate)
  const committed = input.entries.filter((e) => e.committed).reduce((sum, e) => sum + e.points, 0)
  const steps = Math.max(1, days.length - 1)
  const ideal = days.map((_, index) => round(committed * (1 - index / steps)))
  const asOf = input.asOf ?? input.endDate
  const scope: number[] = []
  const remaining: (number | null)[] = []
  for (const day of days) {
    const inScope = input.entries.filter((e) => inScopeOn(e, day, input.startDate))
    scope.push(round(inScope.reduce((sum, e) => sum + e.points, 0)))
    remaining.push(
      day > asOf
        ? null
        : round(inScope.filter((e) => !e.doneOn || e.doneOn > day).reduce((sum, e) => sum + e.points, 0)),
    )
  }
  const scopeChanges: ScopeChange[] = []
  for (const e of input.entries) {
    if (!e.committed && e.addedOn)
      scopeChanges.push({
        date: e.addedOn,
        itemId: e.itemId,
        title: e.title,
        kind: 'added',
        points: e.points,
      })
    if (e.removedOn)
      scopeChanges.push({
        date: e.removedOn,
        itemId: e.itemId,
        title: e.title,
        kind: 'removed',
        points: -e.points,
      })
    if (e.cancelledOn)
      scopeChanges.push({
        date: e.cancelledOn,
        itemId: e.itemId,
        title: e.title,
        kind: 'cancelled',
        points: -e.points,
      })
  }
  scopeChanges.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { days, ideal, remaining, scope, scopeChanges }
}

export function sprintFigures(entries: SprintEntry[]): SprintFigures {
  const sum = (list: SprintEntry[]) => round(list.reduce((total, e) => total + e.points, 0))
  const committed = entries.filter((e) => e.committed)
  const done = entries.filter((e) => e.doneOn && !e.removedOn && !e.cancelledOn)
  const cancelled = entries.filter((e) => e.cancelledOn)
  const carried = entries.filter(
    (e) => (e.committed || e.addedOn) && !e.doneOn && !e.removedOn && !e.cancelledOn,
  )
  const completedCommitted = sum(done.filter((e) => e.committed))
  const cancelledCommitted = sum(cancelled.filter((e) => e.committed))
  const owed = round(sum(committed) - cancelledCommitted)
  return {
    committed: sum(committed),
    added: sum(entries.filter((e) => !e.committed && e.addedOn)),
    removed: sum(entries.filter((e) => e.removedOn)),
    cancelled: sum(cancelled),
    completed: sum(done),
    completedCommitted,
    cancelledCommitted,
    carried: sum(carried),
    carriedItems: carried.map((e) => e.itemId),
    velocity: sum(done),
    predictability: owed > 0 ? completedCommitted / owed : null,
  }
}

/** The day after a sprint ends: where the next one starts by default. */
export function nextSprintStart(endDate: string) {
  return addDays(endDate, 1)
}
