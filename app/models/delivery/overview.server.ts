import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { initiativeVisibleTo } from '../foundation/access.server'
import { todayIn } from '~/utils/calendar'
import { groupBy } from '~/utils/group-by'
import { listCyclesFor } from './cycle.server'
import { PHASES, type PhaseClock } from './phase-time'

// The portfolio view: every initiative the user may see, its current 10/10/10 phase as a clock, and
// time-in-phase against budget for each phase of its latest cycle (the heat map).

export async function deliveryOverview(db: Executor, user: AuthUser) {
  const initiatives = await db
    .selectFrom('initiatives')
    .innerJoin('programs', 'programs.id', 'initiatives.program_id')
    .select(['initiatives.id', 'initiatives.name', 'initiatives.stage', 'programs.reporting_timezone'])
    .where(initiativeVisibleTo(user))
    .where('initiatives.archived_at', 'is', null)
    .orderBy('initiatives.name')
    .execute()
  // One read of the cycles per reporting zone (each program's "today"), not one per initiative.
  const byZone = groupBy(initiatives, (initiative) => initiative.reporting_timezone)
  const cyclesOf = new Map(
    (
      await Promise.all(
        [...byZone].map(([zone, members]) =>
          listCyclesFor(
            db,
            members.map((initiative) => initiative.id),
            todayIn(zone),
          ),
        ),
      )
    ).flatMap((cycles) => [...cycles]),
  )
  return initiatives.map((initiative) => {
    const cycles = cyclesOf.get(initiative.id) ?? []
    const latest = cycles[0] ?? null
    const running = latest?.phases.find((phase) => phase.closed_on === null) ?? null
    const phases = Object.fromEntries(
      PHASES.map((phase) => [phase, latest?.phases.find((p) => p.phase === phase)?.clock ?? null]),
    ) as Record<(typeof PHASES)[number], PhaseClock | null>
    return {
      id: initiative.id,
      name: initiative.name,
      cycle: latest ? { number: latest.number, closed: latest.closed_on !== null } : null,
      current: running ? running.clock : null,
      phases,
    }
  })
}
