import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { DeliveryPhase } from '~/models/delivery/tables'
import { groupBy } from '~/utils/group-by'
import { actorOf, audit } from '../foundation/audit.server'
import type { ClosePhaseInput, LogHoursInput, PauseInput } from './delivery.schema'
import { DomainError } from '~/utils/domain-error'
import { effectiveDay } from './effective-date'
import type { CycleView } from './cycle'
import { budgetOf, phaseClock, PHASES } from './phase-time'
import { getDeliverySettings } from './settings.server'

export { currentOf } from './cycle'

// The 10/10/10 cycles of an initiative: frame the problem (hours), design the model (working days),
// pilot (weeks). Closing a phase records its outcome and starts the next one the same day.

/** Every cycle of the initiative, newest first, with each phase's clock as of `today`. */
export async function listCycles(db: Executor, initiativeId: string, today: string): Promise<CycleView[]> {
  return (await listCyclesFor(db, [initiativeId], today)).get(initiativeId)!
}

/** `listCycles` of many initiatives: four reads whatever their number; every id gets an entry. */
export async function listCyclesFor(
  db: Executor,
  initiativeIds: readonly string[],
  today: string,
): Promise<Map<string, CycleView[]>> {
  if (!initiativeIds.length) return new Map()
  // Phases, pauses and entries are found through their cycle's initiative, so all four reads run at once.
  const [cycles, phases, pauses, entries] = await Promise.all([
    db
      .selectFrom('delivery_cycles')
      .select(['id', 'initiative_id', 'number', 'started_on', 'closed_on'])
      .where('initiative_id', 'in', initiativeIds)
      .orderBy('number', 'desc')
      .execute(),
    db
      .selectFrom('delivery_phases as p')
      .innerJoin('delivery_cycles as c', 'c.id', 'p.cycle_id')
      .select([
        'p.id',
        'p.cycle_id',
        'p.phase',
        'p.budget',
        'p.started_on',
        'p.closed_on',
        'p.outcome',
        'p.decision',
      ])
      .where('c.initiative_id', 'in', initiativeIds)
      .execute(),
    db
      .selectFrom('delivery_pauses as pause')
      .innerJoin('delivery_phases as p', 'p.id', 'pause.phase_id')
      .innerJoin('delivery_cycles as c', 'c.id', 'p.cycle_id')
      .select(['pause.id', 'pause.phase_id', 'pause.from_date', 'pause.to_date', 'pause.reason'])
      .where('c.initiative_id', 'in', initiativeIds)
      .orderBy('pause.from_date')
      .execute(),
    db
      .selectFrom('delivery_time_entries as e')
      .innerJoin('delivery_phases as p', 'p.id', 'e.phase_id')
      .innerJoin('delivery_cycles as c', 'c.id', 'p.cycle_id')
      .select(['e.id', 'e.phase_id', 'e.worked_on', 'e.hours', 'e.note'])
      .where('c.initiative_id', 'in', initiativeIds)
      .orderBy('e.worked_on')
      .orderBy('e.created_at')
      .execute(),
  ])
  const cyclesOf = groupBy(cycles, (cycle) => cycle.initiative_id)
  const phasesOf = groupBy(phases, (phase) => phase.cycle_id)
  const pausesOf = groupBy(pauses, (pause) => pause.phase_id)
  const entriesOf = groupBy(entries, (entry) => entry.phase_id)
  const viewOf = ({ initiative_id: _, ...cycle }: (typeof cycles)[number]): CycleView => ({
    ...cycle,
    phases: (phasesOf.get(cycle.id) ?? [])
      .sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase))
      .map((phase) => {
        const phasePauses = pausesOf.get(phase.id) ?? []
        const phaseEntries = entriesOf.get(phase.id) ?? []
        return {
          id: phase.id,
          phase: phase.phase,
          budget: phase.budget,
          started_on: phase.started_on,
          closed_on: phase.closed_on,
          outcome: phase.outcome,
          decision: phase.decision,
          pauses: phasePauses.map(({ phase_id: _, ...pause }) => pause),
          entries: phaseEntries.map(({ phase_id: _, ...entry }) => entry),
          clock: phaseClock({
            phase: phase.phase,
            budget: phase.budget,
            startedOn: phase.started_on,
            closedOn: phase.closed_on,
            today,
            hoursLogged: phaseEntries.reduce((sum, entry) => sum + entry.hours, 0),
            pauses: phasePauses.map((pause) => ({ from: pause.from_date, to: pause.to_date })),
          }),
        }
      }),
  })
  return new Map(initiativeIds.map((id) => [id, (cyclesOf.get(id) ?? []).map(viewOf)]))
}

async function openPhase(trx: Executor, initiativeId: string) {
  const phase = await trx
    .selectFrom('delivery_phases as p')
    .innerJoin('delivery_cycles as c', 'c.id', 'p.cycle_id')
    .select(['p.id', 'p.phase', 'p.started_on', 'p.cycle_id', 'c.number'])
    .where('c.initiative_id', '=', initiativeId)
    .where('c.closed_on', 'is', null)
    .where('p.closed_on', 'is', null)
    .forUpdate()
    .executeTakeFirst()
  if (!phase) throw new DomainError('delivery.error.noOpenPhase')
  return phase
}

export async function startCycle(
  db: Database,
  user: AuthUser,
  initiative: { id: string; program_id: string },
  today: string,
  effectiveOn?: string,
) {
  return db.transaction().execute(async (trx) => {
    const cycles = await trx
      .selectFrom('delivery_cycles')
      .select(['number', 'closed_on'])
      .where('initiative_id', '=', initiative.id)
      .forUpdate()
      .execute()
    if (cycles.some((cycle) => cycle.closed_on === null)) throw new DomainError('delivery.error.cycleOpen')
    // Started on the day it did (given after the fact), not before the previous cycle ended.
    const lastClosed =
      cycles
        .map((cycle) => cycle.closed_on!)
        .sort()
        .at(-1) ?? '0001-01-01'
    const on = effectiveDay(effectiveOn, today, lastClosed)
    const number = Math.max(0, ...cycles.map((cycle) => cycle.number)) + 1
    const settings = await getDeliverySettings(trx, initiative.program_id)
    const cycle = await trx
      .insertInto('delivery_cycles')
      .values({ initiative_id: initiative.id, number, started_on: on })
      .returning('id')
      .executeTakeFirstOrThrow()
    const budget = budgetOf('frame', settings)
    await trx
      .insertInto('delivery_phases')
      .values({ cycle_id: cycle.id, phase: 'frame', budget, started_on: on })
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.cycle.start',
      entityType: 'initiative',
      entityId: initiative.id,
      after: { cycle: number, phase: 'frame', budget, started_on: on, recorded_on: today },
    })
    return { id: cycle.id, number }
  })
}

export async function logHours(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  input: LogHoursInput,
  today?: string,
) {
  return db.transaction().execute(async (trx) => {
    const phase = await openPhase(trx, initiativeId)
    if (phase.phase !== 'frame') throw new DomainError('delivery.error.hoursOnlyFrame')
    // Hours are worked by today in the program's day, never in the future.
    if (today && input.worked_on > today)
      throw new DomainError('delivery.error.effectiveFuture', { field: 'worked_on', params: { today } })
    if (input.worked_on < phase.started_on)
      throw new DomainError('delivery.error.beforePhase', { field: 'worked_on' })
    const values = { worked_on: input.worked_on, hours: input.hours, note: input.note }
    await trx
      .insertInto('delivery_time_entries')
      .values({ phase_id: phase.id, ...values, created_by: user.id })
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.phase.log-hours',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { cycle: phase.number, phase: phase.phase, ...values },
    })
  })
}

export async function addPause(db: Database, user: AuthUser, initiativeId: string, input: PauseInput) {
  return db.transaction().execute(async (trx) => {
    const phase = await openPhase(trx, initiativeId)
    if (phase.phase === 'frame') throw new DomainError('delivery.error.noPauseInFrame')
    if (input.from_date < phase.started_on)
      throw new DomainError('delivery.error.beforePhase', { field: 'from_date' })
    const open = await trx
      .selectFrom('delivery_pauses')
      .select('id')
      .where('phase_id', '=', phase.id)
      .where('to_date', 'is', null)
      .executeTakeFirst()
    if (open) throw new DomainError('delivery.error.pauseOpen')
    const values = { from_date: input.from_date, to_date: input.to_date ?? null, reason: input.reason }
    await trx
      .insertInto('delivery_pauses')
      .values({ phase_id: phase.id, ...values, created_by: user.id })
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.phase.pause',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { cycle: phase.number, phase: phase.phase, ...values },
    })
  })
}

export async function endPause(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  input: { pause_id: string; to_date: string },
) {
  return db.transaction().execute(async (trx) => {
    const phase = await openPhase(trx, initiativeId)
    const pause = await trx
      .selectFrom('delivery_pauses')
      .select(['id', 'from_date'])
      .where('id', '=', input.pause_id)
      .where('phase_id', '=', phase.id)
      .where('to_date', 'is', null)
      .executeTakeFirst()
    if (!pause) throw new DomainError('delivery.error.noOpenPause')
    if (input.to_date < pause.from_date) throw new DomainError('errors.dateOrder', { field: 'to_date' })
    await trx
      .updateTable('delivery_pauses')
      .set({ to_date: input.to_date })
      .where('id', '=', pause.id)
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.phase.resume',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { cycle: phase.number, phase: phase.phase, from_date: pause.from_date, to_date: input.to_date },
    })
  })
}

const NEXT: Record<DeliveryPhase, DeliveryPhase | null> = { frame: 'design', design: 'pilot', pilot: null }

/** Closes the running phase with its outcome; the next phase starts the same day (the pilot closes the cycle). */
export async function closePhase(
  db: Database,
  user: AuthUser,
  initiative: { id: string; program_id: string },
  input: ClosePhaseInput,
  on: string,
) {
  return db.transaction().execute(async (trx) => {
    const phase = await openPhase(trx, initiative.id)
    if (phase.phase === 'pilot' && !input.decision)
      throw new DomainError('delivery.error.decisionRequired', { field: 'decision' })
    // Closed on the day it was (given after the fact, or today); never before the phase began.
    const closedOn = effectiveDay(input.effective_on, on, phase.started_on)
    const decision = phase.phase === 'pilot' ? input.decision! : null
    await trx
      .updateTable('delivery_phases')
      .set({ closed_on: closedOn, outcome: input.outcome, decision })
      .where('id', '=', phase.id)
      .execute()
    await trx
      .updateTable('delivery_pauses')
      .set({ to_date: closedOn })
      .where('phase_id', '=', phase.id)
      .where('to_date', 'is', null)
      .execute()
    const next = NEXT[phase.phase]
    if (next) {
      const settings = await getDeliverySettings(trx, initiative.program_id)
      await trx
        .insertInto('delivery_phases')
        .values({
          cycle_id: phase.cycle_id,
          phase: next,
          budget: budgetOf(next, settings),
          started_on: closedOn,
        })
        .execute()
    } else {
      await trx
        .updateTable('delivery_cycles')
        .set({ closed_on: closedOn })
        .where('id', '=', phase.cycle_id)
        .execute()
    }
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.phase.close',
      entityType: 'initiative',
      entityId: initiative.id,
      after: {
        cycle: phase.number,
        phase: phase.phase,
        closed_on: closedOn,
        outcome: input.outcome,
        decision,
      },
    })
    return { next }
  })
}
