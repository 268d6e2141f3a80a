import { sql } from 'kysely'
import type { Executor } from '~/utils/db.server'
import type { DeliveryPhase, SprintSnapshot } from '~/models/delivery/tables'
import { groupBy } from '~/utils/group-by'
import { todayIn } from '~/utils/calendar'
import { currentOf, listCycles } from './cycle.server'
import type { PhaseUnit } from './phase-time'
import { velocitySummary } from './velocity'

// Small read functions for other areas (the sponsor's view). They take an initiative id the caller has
// already scoped to the user's rights.

export type CurrentPhase = {
  cycle: number
  phase: DeliveryPhase
  unit: PhaseUnit
  budget: number
  used: number
  remaining: number
  /** used ÷ budget */
  ratio: number
  warning: boolean
  overrun: boolean
}

async function todayFor(db: Executor, initiativeId: string) {
  const row = await db
    .selectFrom('initiatives')
    .innerJoin('programs', 'programs.id', 'initiatives.program_id')
    .select('programs.reporting_timezone')
    .where('initiatives.id', '=', initiativeId)
    .executeTakeFirst()
  return todayIn(row?.reporting_timezone ?? 'UTC')
}

/** The running phase of the initiative's open 10/10/10 cycle, or null when none runs. */
export async function currentPhase(
  db: Executor,
  initiativeId: string,
  today?: string,
): Promise<CurrentPhase | null> {
  const cycles = await listCycles(db, initiativeId, today ?? (await todayFor(db, initiativeId)))
  const current = currentOf(cycles)
  if (!current) return null
  const { clock } = current.phase
  return {
    cycle: current.cycle.number,
    phase: current.phase.phase,
    unit: clock.unit,
    budget: clock.budget,
    used: clock.used,
    remaining: clock.remaining,
    ratio: clock.ratio,
    warning: clock.level === 'warning',
    overrun: clock.level === 'overrun',
  }
}

/** Velocity and predictability over the last `lastN` closed sprints (frozen figures). */
export async function sprintPredictability(db: Executor, initiativeId: string, lastN = 3) {
  return (await sprintPredictabilityFor(db, [initiativeId], lastN)).get(initiativeId)!
}

/** `sprintPredictability` of many initiatives in one read; every id gets an entry. */
export async function sprintPredictabilityFor(
  db: Executor,
  initiativeIds: readonly string[],
  lastN = 3,
): Promise<Map<string, SprintPredictability>> {
  if (!initiativeIds.length) return new Map()
  // The last `lastN` closed sprints of each initiative, oldest first, with only their frozen figures.
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('sprints')
        .select([
          'initiative_id',
          'number',
          sql<SprintSnapshot['figures']>`snapshot -> 'figures'`.as('figures'),
          sql<number>`row_number() over (partition by initiative_id order by number desc)`.as('rank'),
        ])
        .where('initiative_id', 'in', initiativeIds)
        .where('status', '=', 'closed')
        .as('closed'),
    )
    .select(['initiative_id', 'number', 'figures'])
    .where('rank', '<=', lastN)
    .orderBy('initiative_id')
    .orderBy('number')
    .execute()
  const sprintsOf = groupBy(rows, (row) => row.initiative_id)
  return new Map(
    initiativeIds.map((id) => {
      const sprints = (sprintsOf.get(id) ?? []).map((sprint) => ({
        number: sprint.number,
        ...sprint.figures,
      }))
      const summary = velocitySummary(sprints)
      return [
        id,
        {
          sprintCount: summary.sprints,
          averageVelocity: summary.averageVelocity,
          predictability: summary.predictability,
          sprints: sprints.map((sprint) => ({
            number: sprint.number,
            committed: sprint.committed,
            completed: sprint.completed,
            predictability: sprint.predictability,
          })),
        },
      ]
    }),
  )
}
export type SprintPredictability = {
  sprintCount: number
  averageVelocity: number | null
  predictability: number | null
  sprints: { number: number; committed: number; completed: number; predictability: number | null }[]
}

/** Sprints of any initiative closed in [from, to), with their frozen figures. */
export async function sprintsClosedBetween(db: Executor, from: Date | string, to: Date | string) {
  const rows = await db
    .selectFrom('sprints')
    .innerJoin('initiatives', 'initiatives.id', 'sprints.initiative_id')
    .select([
      'sprints.id',
      'sprints.initiative_id',
      'initiatives.name as initiative_name',
      'sprints.number',
      'sprints.start_date',
      'sprints.end_date',
      'sprints.closed_at',
      'sprints.snapshot',
    ])
    .where('sprints.status', '=', 'closed')
    .where('sprints.closed_at', '>=', new Date(from))
    .where('sprints.closed_at', '<', new Date(to))
    .orderBy('sprints.closed_at')
    .execute()
  return rows.map(({ snapshot, ...sprint }) => ({
    ...sprint,
    closed_at: sprint.closed_at!,
    committed: snapshot!.figures.committed,
    completed: snapshot!.figures.completed,
    carried: snapshot!.figures.carried,
    predictability: snapshot!.figures.predictability,
  }))
}

/**
 * A sprint running now, or one closed in the last 21 days, or an open 10/10/10 cycle counts as a running
 * cadence: the newest such sprint and open cycle of each initiative.
 */
export async function runningCadencesFor(db: Executor, initiativeIds: readonly string[]) {
  const [sprints, cycles] = await Promise.all([
    db
      .selectFrom('sprints')
      .select(['initiative_id', (eb) => eb.fn.max('number').as('number')])
      .where('initiative_id', 'in', initiativeIds)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'active'),
          eb.and([eb('status', '=', 'closed'), eb('end_date', '>=', sql<string>`current_date - 21`)]),
        ]),
      )
      .groupBy('initiative_id')
      .execute(),
    db
      .selectFrom('delivery_cycles')
      .select(['initiative_id', (eb) => eb.fn.max('number').as('number')])
      .where('initiative_id', 'in', initiativeIds)
      .where('closed_on', 'is', null)
      .groupBy('initiative_id')
      .execute(),
  ])
  const sprintOf = new Map(sprints.map((row) => [row.initiative_id, row.number]))
  const cycleOf = new Map(cycles.map((row) => [row.initiative_id, row.number]))
  return (initiativeId: string) => ({
    sprint: sprintOf.get(initiativeId) ?? null,
    cycle: cycleOf.get(initiativeId) ?? null,
  })
}

/**
 * Sprints ending in [from, to] with their frozen figures, for the sponsor's period report: unlike
 * sprintsClosedBetween, with the points added during the sprint, which the report shows.
 */
export async function sprintsClosedIn(
  db: Executor,
  initiativeIds: readonly string[],
  from: string,
  to: string,
) {
  if (!initiativeIds.length) return []
  const rows = await db
    .selectFrom('sprints as s')
    .innerJoin('initiatives as i', 'i.id', 's.initiative_id')
    .select([
      's.id',
      's.number',
      's.end_date',
      's.snapshot',
      'i.id as initiative_id',
      'i.name as initiative_name',
    ])
    .where('s.status', '=', 'closed')
    .where('s.end_date', '>=', from)
    .where('s.end_date', '<=', to)
    .where('s.initiative_id', 'in', initiativeIds)
    .orderBy('s.end_date')
    .execute()
  return rows.map(({ snapshot, ...sprint }) => ({
    ...sprint,
    committed: snapshot?.figures.committed ?? null,
    completed: snapshot?.figures.completed ?? null,
    added: snapshot?.figures.added ?? null,
    slipped: snapshot?.figures.carried ?? null,
    predictability: snapshot?.figures.predictability ?? null,
  }))
}
