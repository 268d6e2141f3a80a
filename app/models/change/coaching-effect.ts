import { addDays, daysBetween } from '~/utils/calendar'

// Coached reps against similar reps not coached: an observational comparison, not an experiment (the
// manager chose whom to coach). For each coached rep, their first action's day d: adoption before is
// the share of the 28 days [d − 28, d) they were active, adoption after the share of [d, d + 28); the
// change is after − before. The similar reps are the eligible reps of the same roster team never
// coached, over the same two windows; a coached rep's matched change is theirs minus the mean change
// of those teammates. The estimate is the mean of the matched changes, with a 95% normal interval
// (mean ± 1.96 · sd / √n); no interval under 2 coached reps. Reps whose four weeks after have not
// ended by `today` (exclusive), or with no similar teammate, are left out.

export const WINDOW_DAYS = 28

export type CoachingEffect = {
  coached: number
  similar: number
  coachedChange: number | null
  similarChange: number | null
  difference: number | null
  low: number | null
  high: number | null
}

type Rep = { seller_id: string; team: string }

export function coachingEffect(
  reps: readonly Rep[],
  firstActions: ReadonlyMap<string, string>,
  activeDays: ReadonlySet<string>,
  today: string,
): CoachingEffect {
  const share = (seller: string, from: string) => {
    let active = 0
    for (let i = 0; i < WINDOW_DAYS; i++) if (activeDays.has(`${seller}|${addDays(from, i)}`)) active++
    return active / WINDOW_DAYS
  }
  const change = (seller: string, day: string) =>
    share(seller, day) - share(seller, addDays(day, -WINDOW_DAYS))
  const differences: number[] = []
  const coachedChanges: number[] = []
  const similarChanges: number[] = []
  const similarReps = new Set<string>()
  for (const rep of reps) {
    const day = firstActions.get(rep.seller_id)
    if (!day || daysBetween(day, today) < WINDOW_DAYS) continue
    const teammates = reps.filter((other) => other.team === rep.team && !firstActions.has(other.seller_id))
    if (!teammates.length) continue
    const own = change(rep.seller_id, day)
    const theirs = teammates.map((other) => change(other.seller_id, day))
    const mean = theirs.reduce((sum, value) => sum + value, 0) / theirs.length
    for (const other of teammates) similarReps.add(other.seller_id)
    coachedChanges.push(own)
    similarChanges.push(mean)
    differences.push(own - mean)
  }
  const n = differences.length
  const average = (values: number[]) =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
  const difference = average(differences)
  let low: number | null = null
  let high: number | null = null
  if (n >= 2 && difference !== null) {
    const variance = differences.reduce((sum, value) => sum + (value - difference) ** 2, 0) / (n - 1)
    const margin = 1.96 * Math.sqrt(variance / n)
    low = difference - margin
    high = difference + margin
  }
  return {
    coached: n,
    similar: similarReps.size,
    coachedChange: average(coachedChanges),
    similarChange: average(similarChanges),
    difference,
    low,
    high,
  }
}
