import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import type { Database, Executor } from '~/utils/db.server'
import type { Stage } from '~/utils/db.types'
import type { GateCriterion } from '~/models/accountability/tables'
import { groupBy } from '~/utils/group-by'
import { announce } from '../attention/outbox.server'
import { actorOf, audit } from '../foundation/audit.server'
import { moveInitiativeStage } from '../foundation/initiative.server'
import { evaluateGateCriteria, isDataCriterion } from './gate-criteria.server'
import { GATE_CRITERIA, nextStage } from './gate.schema'
import { DomainError } from '~/utils/domain-error'

// An initiative changes stage only here: the lead asks for the next stage — the criteria the portal
// can judge are judged from the data (gate-criteria.server.ts), the others attested with a note — and
// the sponsor (or an admin) who did not ask decides on the criteria judged again at that moment.
// Approving with an unmet criterion is an override and needs a reason, kept with the gate and audited.
// Approval moves the stage in the same transaction as the decision.

export async function listGates(db: Executor, initiativeId: string) {
  return (await listGatesFor(db, [initiativeId])).get(initiativeId)!
}

/** `listGates` of many initiatives in one read, newest request first; every id gets an entry. */
export async function listGatesFor(db: Executor, initiativeIds: readonly string[]) {
  const rows = initiativeIds.length
    ? await db
        .selectFrom('stage_gates as g')
        .leftJoin('users as requester', 'requester.id', 'g.requested_by')
        .leftJoin('users as decider', 'decider.id', 'g.decided_by')
        .select([
          'g.initiative_id',
          'g.id',
          'g.from_stage',
          'g.to_stage',
          'g.criteria',
          'g.request_note',
          'g.requested_at',
          'g.requested_by',
          'g.status',
          'g.decision_date',
          'g.decision_notes',
          'g.decided_criteria',
          'g.override_reason',
          'g.decided_at',
          'requester.name as requester_name',
          'decider.name as decider_name',
        ])
        .where('g.initiative_id', 'in', initiativeIds)
        .orderBy('g.requested_at', 'desc')
        .execute()
    : []
  const gatesOf = groupBy(rows, (row) => row.initiative_id)
  return new Map(
    initiativeIds.map((id) => [id, (gatesOf.get(id) ?? []).map(({ initiative_id: _, ...gate }) => gate)]),
  )
}

export function isGateDecider(user: AuthUser, initiative: { sponsor_id: string | null }) {
  return can(user.role, 'gate:decide') && (user.role === 'admin' || initiative.sponsor_id === user.id)
}

type GateInitiative = Parameters<typeof evaluateGateCriteria>[1]

export async function requestGate(
  db: Database,
  user: AuthUser,
  gateInitiative: GateInitiative,
  input: { criteria: string[]; notes: Record<string, string>; request_note: string },
  today: string,
) {
  const initiativeId = gateInitiative.id
  return db.transaction().execute(async (trx) => {
    const initiative = await trx
      .selectFrom('initiatives')
      .select(['stage'])
      .where('id', '=', initiativeId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const to = nextStage(initiative.stage)
    if (!to) throw new DomainError('accountability.errors.lastStage', { status: 409 })
    const pending = await trx
      .selectFrom('stage_gates')
      .select('id')
      .where('initiative_id', '=', initiativeId)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (pending) throw new DomainError('accountability.errors.gatePending', { status: 409 })
    // Only the gate's own attested criteria take the lead's ticks; the data decides the others.
    const attested: GateCriterion[] = input.criteria
      .filter((key) => (GATE_CRITERIA[to] as readonly string[]).includes(key) && !isDataCriterion(key))
      .map((key) => ({ key, met: true, note: input.notes[key] ?? '' }))
    const unexplained = attested.find((criterion) => !criterion.note)
    if (unexplained)
      throw new DomainError('accountability.errors.attestNote', { field: `notes.${unexplained.key}` })
    const criteria = await evaluateGateCriteria(trx, gateInitiative, to, today, attested)
    const { id } = await trx
      .insertInto('stage_gates')
      .values({
        initiative_id: initiativeId,
        from_stage: initiative.stage,
        to_stage: to,
        criteria: JSON.stringify(criteria),
        request_note: input.request_note,
        requested_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'gate.request',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { gate_id: id, from: initiative.stage, to, criteria, note: input.request_note },
    })
    await announce(trx, [`gate.requested:${id}`], { groups: ['accountability'] })
    return { id, to }
  })
}

export async function decideGate(
  db: Database,
  user: AuthUser,
  initiative: GateInitiative,
  input: {
    gate_id: string
    decision: 'approved' | 'changes_requested' | 'rejected'
    decision_date: string
    decision_notes: string
    override_reason: string
  },
  today: string,
) {
  if (!isGateDecider(user, initiative))
    throw new DomainError('accountability.errors.notSponsor', { status: 409 })
  return db.transaction().execute(async (trx) => {
    const gate = await trx
      .selectFrom('stage_gates')
      .select(['id', 'status', 'from_stage', 'to_stage', 'requested_by', 'criteria'])
      .where('id', '=', input.gate_id)
      .where('initiative_id', '=', initiative.id)
      .forUpdate()
      .executeTakeFirst()
    if (!gate || gate.status !== 'pending')
      throw new DomainError('accountability.errors.gateNotPending', { status: 409 })
    if (gate.requested_by === user.id) throw new DomainError('accountability.errors.ownGate', { status: 409 })
    // The verdicts the sponsor saw are taken again now: data moves between request and decision.
    const criteria = await evaluateGateCriteria(trx, initiative, gate.to_stage, today, gate.criteria)
    const unmet = criteria.filter((criterion) => !criterion.met).map((criterion) => criterion.key)
    const override = input.decision === 'approved' && unmet.length > 0
    if (override && !input.override_reason)
      throw new DomainError('accountability.errors.overrideRequired', {
        field: 'override_reason',
        params: { count: unmet.length },
      })
    await trx
      .updateTable('stage_gates')
      .set({
        status: input.decision,
        decided_by: user.id,
        decision_date: input.decision_date,
        decision_notes: input.decision_notes,
        decided_criteria: JSON.stringify(criteria),
        override_reason: override ? input.override_reason : null,
        decided_at: new Date(),
      })
      .where('id', '=', gate.id)
      .execute()
    if (input.decision === 'approved') {
      const moved = await moveInitiativeStage(
        trx,
        initiative.id,
        gate.from_stage as Stage,
        gate.to_stage as Stage,
      )
      if (!moved) throw new DomainError('accountability.errors.stageMoved', { status: 409 })
    }
    await audit(trx, {
      actor: actorOf(user),
      action:
        input.decision === 'approved'
          ? override
            ? 'gate.approve-override'
            : 'gate.approve'
          : input.decision === 'rejected'
            ? 'gate.reject'
            : 'gate.request-changes',
      entityType: 'initiative',
      entityId: initiative.id,
      before: { stage: gate.from_stage, gate_status: 'pending' },
      after: {
        gate_id: gate.id,
        stage: input.decision === 'approved' ? gate.to_stage : gate.from_stage,
        gate_status: input.decision,
        decision_date: input.decision_date,
        notes: input.decision_notes,
        criteria: criteria.map(({ key, met }) => ({ key, met })),
        ...(override ? { override: { unmet, reason: input.override_reason } } : {}),
      },
    })
    await announce(trx, [`gate.decided:${gate.id}`], { groups: ['accountability'], programWide: true })
    return { ...gate, override }
  })
}

/** Stage gates approved with a decision date in [from, to] (the sponsor's period report). */
export function gatesPassedBetween(db: Executor, initiativeIds: readonly string[], from: string, to: string) {
  if (!initiativeIds.length) return Promise.resolve([])
  return db
    .selectFrom('stage_gates as g')
    .innerJoin('initiatives as i', 'i.id', 'g.initiative_id')
    .select([
      'g.id',
      'g.from_stage',
      'g.to_stage',
      'g.decision_date',
      'g.override_reason',
      'i.id as initiative_id',
      'i.name as initiative_name',
    ])
    .where('g.status', '=', 'approved')
    .where('g.decision_date', '>=', from)
    .where('g.decision_date', '<=', to)
    .where('g.initiative_id', 'in', initiativeIds)
    .orderBy('g.decision_date')
    .execute()
}
