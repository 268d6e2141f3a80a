import { addDays, todayIn } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'
import { groupBy } from '~/utils/group-by'
import { currentOf } from './cycle'
import { listCyclesFor } from './cycle.server'

// What of this area waits for someone (read by app/models/attention/), as of `now` in each program's
// reporting zone: a running 10/10/10 phase past 80 % of its budget or over it, an active sprint ending
// tomorrow, a sprint closed since `closedSince` with committed points neither done nor cancelled.

async function openInitiatives(db: Executor) {
  return db
    .selectFrom('initiatives as i')
    .innerJoin('programs as p', 'p.id', 'i.program_id')
    .select(['i.id', 'i.name', 'i.program_id', 'i.lead_id', 'p.reporting_timezone'])
    .where('i.archived_at', 'is', null)
    .where('i.status', 'in', ['proposed', 'active', 'paused'])
    .execute()
}

export async function phaseConcerns(db: Executor, now: Date) {
  const initiatives = await openInitiatives(db)
  const byZone = groupBy(initiatives, (initiative) => initiative.reporting_timezone)
  const concerns = []
  for (const [zone, group] of byZone) {
    const today = todayIn(zone, now)
    const cycles = await listCyclesFor(
      db,
      group.map((initiative) => initiative.id),
      today,
    )
    for (const initiative of group) {
      const current = currentOf(cycles.get(initiative.id) ?? [])
      if (!current || current.phase.clock.level === 'ok') continue
      concerns.push({ initiative, cycle: current.cycle, phase: current.phase, today })
    }
  }
  return concerns
}

export async function sprintConcerns(db: Executor, now: Date, closedSince: Date) {
  const initiatives = await openInitiatives(db)
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]))
  if (!initiatives.length) return []
  const sprints = await db
    .selectFrom('sprints')
    .select(['id', 'initiative_id', 'number', 'end_date', 'status', 'closed_at', 'snapshot'])
    .where('initiative_id', 'in', [...byId.keys()])
    .where((eb) =>
      eb.or([
        eb('status', '=', 'active'),
        eb.and([eb('status', '=', 'closed'), eb('closed_at', '>=', closedSince)]),
      ]),
    )
    .execute()
  return sprints.flatMap(
    (
      sprint,
    ): {
      kind: 'ending' | 'slipped'
      sprint: typeof sprint
      initiative: typeof byId extends Map<string, infer I> ? I : never
      slipped: number
    }[] => {
      const initiative = byId.get(sprint.initiative_id)!
      const today = todayIn(initiative.reporting_timezone, now)
      if (sprint.status === 'active' && sprint.end_date === addDays(today, 1))
        return [{ kind: 'ending', sprint, initiative, slipped: 0 }]
      const figures = sprint.snapshot?.figures
      if (sprint.status === 'closed' && figures) {
        const slipped = figures.committed - figures.completedCommitted - figures.cancelledCommitted
        if (slipped > 0) return [{ kind: 'slipped', sprint, initiative, slipped }]
      }
      return []
    },
  )
}
