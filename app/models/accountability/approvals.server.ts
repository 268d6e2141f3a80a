import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { todayIn } from '~/utils/calendar'
import { approvedCaseValueFor, getCase, pendingDecisions } from './business-case.server'
import { evaluateGateCriteria } from './gate-criteria.server'

// The sponsor's approvals inbox: what waits for this user's decision, each row with what is asked,
// who asked and when (in the program's reporting zone, `zone`), the business case's NPV and, for a gate, its criteria as the data judges them now.
// Only deciders (the sponsor of the initiative, admins) see the queue, and both see finance.

export async function approvalQueue(db: Executor, user: AuthUser) {
  const { cases, gates } = await pendingDecisions(db, user)
  const initiativeIds = [...new Set([...cases, ...gates].map((row) => row.initiative_id))]
  const initiatives = initiativeIds.length
    ? await db
        .selectFrom('initiatives as i')
        .innerJoin('programs as p', 'p.id', 'i.program_id')
        .leftJoin('users as lead', 'lead.id', 'i.lead_id')
        .leftJoin('users as sponsor', 'sponsor.id', 'i.sponsor_id')
        .select([
          'i.id',
          'i.program_id',
          'i.lead_id',
          'i.sponsor_id',
          'lead.name as lead_name',
          'sponsor.name as sponsor_name',
          'p.reporting_timezone',
        ])
        .where('i.id', 'in', initiativeIds)
        .execute()
    : []
  const initiativeOf = new Map(initiatives.map((initiative) => [initiative.id, initiative]))
  const [approved, caseRows, gateRows] = await Promise.all([
    approvedCaseValueFor(db, initiativeIds),
    Promise.all(
      cases.map(async (row) => {
        const version = await getCase(db, row.initiative_id, row.version)
        return {
          ...row,
          zone: initiativeOf.get(row.initiative_id)!.reporting_timezone,
          asked_by: version?.submitter_name ?? version?.author_name ?? null,
          npv: version?.figures.npv ?? null,
        }
      }),
    ),
    Promise.all(
      gates.map(async (row) => {
        const initiative = initiativeOf.get(row.initiative_id)!
        const gate = await db
          .selectFrom('stage_gates as g')
          .leftJoin('users as u', 'u.id', 'g.requested_by')
          .select(['g.criteria', 'u.name as requester_name'])
          .where('g.id', '=', row.id)
          .executeTakeFirstOrThrow()
        const today = todayIn(initiative.reporting_timezone)
        const criteria = await evaluateGateCriteria(db, initiative, row.to_stage, today, gate.criteria)
        return { ...row, asked_by: gate.requester_name, criteria, today, zone: initiative.reporting_timezone }
      }),
    ),
  ])
  return {
    cases: caseRows,
    gates: gateRows.map((row) => ({ ...row, npv: approved.get(row.initiative_id)?.npv ?? null })),
  }
}
